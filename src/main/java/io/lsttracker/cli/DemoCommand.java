package io.lsttracker.cli;

import io.lsttracker.devchain.Devchain;
import io.lsttracker.devchain.DevchainParameters;
import io.lsttracker.domain.BlockSelector;
import io.lsttracker.snapshot.SnapshotRecorder;
import io.lsttracker.snapshot.SnapshotService;
import io.lsttracker.store.SnapshotStore;
import io.micronaut.context.ApplicationContext;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code demo}: the whole product with one command and no internet. Starts the devchain with history,
 * stores a snapshot of every block of that history, then serves against the devchain as `serve` does.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start the simulated mainnet with history and serve the tracker against it (no internet).",
                "History lives in an in-memory database unless LST_DB_URL is set."})
final class DemoCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--history-days", paramLabel = "N", defaultValue = "30",
            description = "Days of devchain history (default: ${DEFAULT-VALUE}).")
    int historyDays;

    @Option(names = "--devchain-port", paramLabel = "PORT", defaultValue = "8545",
            description = "Port of the devchain's JSON-RPC (default: ${DEFAULT-VALUE}).")
    int devchainPort;

    @Option(names = "--poll-interval", paramLabel = "DURATION", defaultValue = "12s",
            description = "Snapshot interval, e.g. 12s (default: ${DEFAULT-VALUE}, the devchain's block time).")
    String pollInterval;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Devchain devchain = Devchain.start(devchainPort, DevchainParameters.defaults(historyDays))) {
            out.println("devchain ready " + devchain.url());
            out.println("beacon ready " + devchain.beaconUrl());
            out.flush();
            Map<String, Object> overrides = new HashMap<>();
            overrides.put("tracker.chain.rpc-url", devchain.url());
            overrides.put("tracker.beacon.url", devchain.beaconUrl());
            overrides.put("tracker.poll-interval", pollInterval);
            if (System.getenv("LST_DB_URL") == null) {
                overrides.put("datasources.default.url", "jdbc:h2:mem:lst-demo;DB_CLOSE_DELAY=-1");
            }
            try (ApplicationContext context = Server.start(overrides)) {
                int stored = storeHistory(context);
                out.println("stored " + stored + " snapshots of the devchain's history");
                Server.awaitShutdown(context, out);
            }
        }
        return 0;
    }

    /** A snapshot of every block of the devchain's history (its blocks are hours apart). */
    private static int storeHistory(ApplicationContext context) {
        SnapshotService snapshots = context.getBean(SnapshotService.class);
        SnapshotRecorder recorder = context.getBean(SnapshotRecorder.class);
        long head = snapshots.take(BlockSelector.LATEST).block().number();
        int stored = 0;
        for (long block = 1; block <= head; block++) {
            if (recorder.record(snapshots.take(new BlockSelector.Number(block))) == SnapshotStore.SaveOutcome.STORED) {
                stored++;
            }
        }
        return stored;
    }
}
