package io.lsttracker.devchain;

import io.lsttracker.cli.PluggedCommand;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code devchain}: the simulated mainnet, running until stopped. */
@Command(name = "devchain", mixinStandardHelpOptions = true,
        description = {"Start a simulated Ethereum mainnet (chain id 1) on 127.0.0.1: anvil with the tracked",
                "protocols' contracts at their mainnet addresses and N days of daily oracle reports.",
                "Runs until stopped (Ctrl-C or SIGTERM), which also stops anvil."})
public final class DevchainCommand implements PluggedCommand {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", defaultValue = "8545", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--history-days", paramLabel = "N", defaultValue = "30",
            description = "Days of daily reports before the head (default: ${DEFAULT-VALUE}).")
    int historyDays;

    @Option(names = "--apr", paramLabel = "POOL=PERCENT",
            description = {"A pool's simulated net APR in percent, e.g. --apr lido=3.1 (repeatable).",
                    "Defaults: lido=2.80, rocketpool=2.50 (README lists every pool's)."})
    Map<String, BigDecimal> apr = new LinkedHashMap<>();

    @Option(names = "--negative-rebase-day", paramLabel = "DAY",
            description = "Index of the history day whose reports lose value, -1 for none (default: half-way).")
    Integer negativeRebaseDay;

    @Option(names = "--negative-rebase-bps", paramLabel = "BPS", defaultValue = "1",
            description = "That day's loss in basis points of each pool's ETH (default: ${DEFAULT-VALUE}).")
    int negativeRebaseBps;

    @Option(names = "--skipped-report-day", paramLabel = "DAY",
            description = "Index of the history day Lido misses its report, -1 for none (default: a third in).")
    Integer skippedReportDay;

    @Option(names = "--history-block-seconds", paramLabel = "SECONDS", defaultValue = "14400",
            description = {"Spacing of the empty blocks between history events (default: ${DEFAULT-VALUE}); 12 gives",
                    "mainnet's ~7,200 blocks a day. Below 3600 anvil keeps only the last 64 blocks' states, in",
                    "memory (an archive of a dense history grows with the square of its length; README)."})
    long historyBlockSeconds;

    @Option(names = "--block-time", paramLabel = "SECONDS", defaultValue = "12",
            description = "After the history, mine a block every SECONDS, 0 for only on demand (default: ${DEFAULT-VALUE}).")
    long blockTime;

    @Option(names = "--beacon-validators", paramLabel = "N", defaultValue = "20000",
            description = {"Validators of the simulated beacon chain (default: ${DEFAULT-VALUE}); 1100000 serves a",
                    "mainnet-sized set, generated as it is served (placing its deposits on chain takes about",
                    "a minute per 100,000 validators)."})
    int beaconValidators;

    @Option(names = "--rp-balances-upgrade-day", paramLabel = "DAY", defaultValue = "-1",
            description = {"Index of the history day on which Rocket Pool upgrades RocketNetworkBalances (00:30 UTC):",
                    "RocketStorage names a new contract, which emits the reports after it; -1 for none",
                    "(default: ${DEFAULT-VALUE})."})
    int rocketPoolBalancesUpgradeDay;

    @Option(names = "--depeg-live-minutes", paramLabel = "MINUTES", defaultValue = "5",
            description = {"stETH's Curve market is in a depeg (1 stETH ~2% under 1 ETH) from 2 days before the head;",
                    "it ends MINUTES after the devchain is ready, 0 to end it before the head, inside the history",
                    "(default: ${DEFAULT-VALUE}). An earlier depeg (~3% at its deepest) is 40 to 33 days before the head."})
    int depegLiveMinutes;

    @Option(names = "--genesis-block", paramLabel = "NUMBER", defaultValue = "0",
            description = {"Number of the chain's first block (default: ${DEFAULT-VALUE}). A mainnet-like height such",
                    "as 23000000 lets clients that count blocks back from the head (Lido's SDK: 7 x 7,600) run on",
                    "the default history, whose 30 days are a few hundred blocks."})
    long genesisBlock;

    @Override
    public Integer call() throws Exception {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("--port must be between 1 and 65535, got " + port);
        }
        DevchainParameters parameters = new DevchainParameters(historyDays, apr,
                negativeRebaseDay != null ? negativeRebaseDay : DevchainParameters.defaultNegativeRebaseDay(historyDays),
                negativeRebaseBps,
                skippedReportDay != null ? skippedReportDay : DevchainParameters.defaultSkippedReportDay(historyDays),
                historyBlockSeconds, blockTime, beaconValidators, rocketPoolBalancesUpgradeDay, depegLiveMinutes, genesisBlock);
        Devchain.requireSimulated(apr.keySet());
        Devchain devchain = Devchain.start(port, parameters);
        Runtime.getRuntime().addShutdownHook(new Thread(devchain::close, "devchain-shutdown"));
        devchain.printReady(spec.commandLine().getOut());
        devchain.awaitTermination();
        return 0;
    }
}
