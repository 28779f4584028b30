package io.lsttracker.devchain;

import io.lsttracker.backfill.Backfill;
import io.lsttracker.backfill.BackfillReport;
import io.lsttracker.backfill.BackfillRequest;
import io.lsttracker.cli.PluggedCommand;
import io.lsttracker.cli.ProgressPrinter;
import io.lsttracker.cli.Server;
import io.micronaut.context.ApplicationContext;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code demo}: the whole product with one command and no internet. Starts the devchain with history,
 * backfills that history (a point an hour), then serves against the devchain as `serve` does.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start the simulated mainnet with history and serve the tracker against it (no internet).",
                "History lives in an in-memory database unless LST_DB_URL is set."})
public final class DemoCommand implements PluggedCommand {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--history-days", paramLabel = "N", defaultValue = "90",
            description = "Days of devchain history (default: ${DEFAULT-VALUE}).")
    int historyDays;

    @Option(names = "--devchain-port", paramLabel = "PORT", defaultValue = "8545",
            description = "Port of the devchain's JSON-RPC (default: ${DEFAULT-VALUE}).")
    int devchainPort;

    @Option(names = "--poll-interval", paramLabel = "DURATION", defaultValue = "12s",
            description = "Snapshot interval, e.g. 12s (default: ${DEFAULT-VALUE}, the devchain's block time).")
    String pollInterval;

    @Option(names = "--depeg-live-minutes", paramLabel = "MINUTES", defaultValue = "10",
            description = {"The depeg of stETH's market at the head ends MINUTES after the history is backfilled, so",
                    "its alert fires and then resolves while serving; 0 ends it before the head (default: ${DEFAULT-VALUE})."})
    int depegLiveMinutes;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        DevchainParameters parameters = DevchainParameters.defaults(historyDays).withDepegLiveMinutes(depegLiveMinutes);
        try (Devchain devchain = Devchain.start(devchainPort, parameters)) {
            // The depeg at the head lasts through the backfill: its minutes are counted from the backfill's end
            // (below), not from the devchain's start, or a backfill longer than them would swallow it.
            devchain.keepDepeg();
            devchain.printReady(out);
            Map<String, Object> overrides = new HashMap<>();
            overrides.put("tracker.chain.rpc-url", devchain.url());
            overrides.put("tracker.beacon.url", devchain.beaconUrl());
            // The deposit contract and StakeWise's registry are at mainnet's addresses, but their logs start
            // at the devchain's own blocks.
            overrides.put("tracker.entities.deposit-first-block", devchain.depositContractFirstBlock());
            overrides.put("tracker.entities.vaults-first-block", devchain.depositContractFirstBlock());
            overrides.put("tracker.entities.etherfi-first-block", devchain.depositContractFirstBlock());
            overrides.put("tracker.entities.frax-first-block", devchain.depositContractFirstBlock());
            overrides.put("tracker.poll-interval", pollInterval);
            // Client diversity reads a block per slot: a week of the simulated beacon chain's blocks (50,400) is
            // enough to show the 1d and 7d windows, and keeps the demo light on a laptop.
            overrides.put("tracker.clients.lookback-days", 7);
            if (System.getenv("LST_DB_URL") == null) {
                overrides.put("datasources.default.url", "jdbc:h2:mem:lst-demo;DB_CLOSE_DELAY=-1");
            }
            try (ApplicationContext context = Server.start(overrides)) {
                BackfillReport report = storeHistory(context, devchain, out);
                out.println(report.summary());
                if (depegLiveMinutes > 0) {
                    // counted from now, not from the devchain's start: the backfill may take longer than the depeg
                    devchain.endDepegIn(Duration.ofMinutes(depegLiveMinutes));
                    out.println("stETH's market recovers from its depeg in " + depegLiveMinutes + " minutes");
                }
                Server.awaitShutdown(context, out);
            }
        }
        return 0;
    }

    /**
     * Backfills the devchain's history, one point an hour from its first day to its head, through the same
     * job as `backfill` (batched reads, stored through the recorder). The devchain mines a block every few
     * hours plus one per event, so hourly points land on nearly every block of the history.
     */
    private static BackfillReport storeHistory(ApplicationContext context, Devchain devchain, PrintWriter out) {
        Instant head = Instant.ofEpochSecond(devchain.headTimestamp());
        Instant first = head.minus(Duration.ofDays(devchain.parameters().historyDays()));
        BackfillRequest request = new BackfillRequest(first, head, Duration.ofHours(1));
        return context.getBean(Backfill.class).run(request,
                new ProgressPrinter(out, System.console() != null, Duration.ofSeconds(5)));
    }
}
