package io.lsttracker.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lsttracker.cli.Commands;
import io.lsttracker.devchain.AnvilProcess;
import io.lsttracker.devchain.Devchain;
import io.lsttracker.devchain.DevchainParameters;
import io.lsttracker.domain.BlockSelector;
import io.lsttracker.snapshot.SnapshotRecorder;
import io.lsttracker.snapshot.SnapshotService;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpResponse;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Lido's own SDK ({@code @lidofinance/lido-ethereum-sdk}, the version pinned in package.json, run by node from
 * {@code src/test/node/lido-sdk-apr.mjs}) against the devchain the tracker reads, side by side with the tracker's
 * {@code lido-sdk-7d} and {@code last-report} windows (issue 17, part 2): both must pick the same reports and give
 * the same figure, the SDK's being the tracker's exact APR rounded toward zero to 4 decimals of a percent.
 *
 * <p>The devchain starts at block 23,000,000 ({@code --genesis-block}): the SDK counts blocks back from the head
 * (15,200 for the last report, 7 x 7,600 for the first) and refuses a chain shorter than that, which the default
 * history (a block every 4 hours) is. Its 10 days are then about 60 blocks, all inside the SDK's last one-day range
 * of 7,600 blocks, so both take the history's first report as the first: the 7-day figure spans the whole history
 * here (the history holds a negative day and Lido's two-day report). The tracker knows no report was missed before
 * it because it read the events from 250,000 blocks before the head (lookback-blocks), before the SDK's search.
 * At mainnet's density the SDK's first range holds the report of about 7 days before the last; that run, which
 * takes a dense history of 8 days, is bench/run-lido-sdk-check.sh (docs/BENCHMARKS.md).
 */
class LidoSdkOnDevchainTest extends ServerTest {
    private static final long GENESIS_BLOCK = 23_000_000;
    private static Devchain devchain;

    @Inject
    ApplicationContext context;

    private static synchronized Devchain devchain() {
        if (devchain == null) {
            DevchainParameters parameters = DevchainParameters.defaults(10).withBlockTime(0)
                    .withBeaconValidators(DevchainParameters.MIN_BEACON_VALIDATORS).withGenesisBlock(GENESIS_BLOCK);
            devchain = Devchain.start(AnvilProcess.freePort(), parameters);
        }
        return devchain;
    }

    @Override
    protected Map<String, ?> settings() {
        return Map.of("tracker.chain.rpc-url", devchain().url(), "tracker.scheduler.enabled", "false");
    }

    @BeforeAll
    void indexFromOneSnapshotAtTheHead() {
        SnapshotService snapshots = context.getBean(SnapshotService.class);
        context.getBean(SnapshotRecorder.class).record(snapshots.take(BlockSelector.LATEST));
    }

    @AfterAll
    static void stopDevchain() {
        if (devchain != null) {
            devchain.close();
            devchain = null;
        }
    }

    @Test
    void theTrackersLidoSdkWindowIsTheSdksOwnSevenDayFigure() throws Exception {
        JsonNode sdk = runSdk(devchain().url());
        JsonNode window = window("lido-sdk-7d");
        assertTrue(window.get("reason").isNull(), String.valueOf(window.get("reason")));

        // The same reports: the SDK's last event ends the window, and its first event's start begins it.
        assertEquals(sdk.at("/last/block").asLong(), window.get("endBlock").asLong());
        assertEquals(sdk.at("/first/reportTimestamp").asLong() - sdk.at("/first/timeElapsed").asLong(),
                Instant.parse(window.get("startTime").asText()).getEpochSecond());
        assertEquals(devchain().lidoReports().size(), window.get("reports").asInt(),
                "every report of the short history is in the SDK's last range");
        assertTrue(sdk.at("/first/block").asLong() > GENESIS_BLOCK);

        assertEquals(sdkFigure(sdk.get("smaApr7")), roundedAsTheSdk(window.get("apr")),
                "getSmaApr({days: 7}) " + sdk.get("smaApr7") + "% against the tracker's " + window.get("apr"));
    }

    @Test
    void theTrackersLastReportIsTheSdksLastApr() throws Exception {
        JsonNode sdk = runSdk(devchain().url());
        JsonNode window = window("last-report");
        assertEquals(sdk.at("/last/block").asLong(), window.get("endBlock").asLong());
        assertEquals(sdkFigure(sdk.get("lastApr")), roundedAsTheSdk(window.get("apr")),
                "getLastApr() " + sdk.get("lastApr") + "% against the tracker's " + window.get("apr"));
    }

    @Test
    void snapshotRewardsReadTheSameFiguresLiveOnAChainThatStartsAtAGivenHeight() throws Exception {
        // `snapshot --rewards` reads the events live (from lookback-blocks before the head, below this chain's first
        // block) and finds the clock windows' blocks by binary search over the blocks the node serves: from its
        // earliest block, not block 0, which this node does not serve (the search used to fail on it and take the
        // whole command down).
        JsonNode sdk = runSdk(devchain().url());
        Commands.Result run = Commands.run("snapshot", "--rpc", devchain().url(), "--rewards", "--format", "json");
        assertEquals(0, run.exit(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        JsonNode lido = null;
        JsonNode coinbase = null;
        for (JsonNode pool : json.get("rewards")) {
            if (pool.get("pool").asText().equals("lido")) {
                lido = pool;
            } else if (pool.get("pool").asText().equals("coinbase")) {
                coinbase = pool;
            }
        }
        assertEquals(sdkFigure(sdk.get("smaApr7")), roundedAsTheSdk(windowIn(lido, "lido-sdk-7d").get("apr")));
        JsonNode day = windowIn(coinbase, "1d");
        assertTrue(day.hasNonNull("apr"), day.toString());
        assertTrue(day.get("startBlock").asLong() > GENESIS_BLOCK, day.toString());
    }

    private static JsonNode windowIn(JsonNode pool, String label) {
        for (JsonNode w : pool.get("windows")) {
            if (w.get("window").asText().equals(label)) {
                return w;
            }
        }
        throw new AssertionError("no window " + label + " in " + pool);
    }

    /** The SDK's percent, an integer number of 1e-4 percent printed as a JavaScript number: exact as a decimal. */
    private static BigDecimal sdkFigure(JsonNode percent) {
        return new BigDecimal(percent.asText()).movePointRight(4).setScale(0, RoundingMode.UNNECESSARY);
    }

    /** The tracker's exact APR (a fraction) as the SDK prints it: in 1e-4 percent, rounded toward zero. */
    private static BigDecimal roundedAsTheSdk(JsonNode apr) {
        return new BigDecimal(apr.asText()).movePointRight(6).setScale(0, RoundingMode.DOWN);
    }

    private JsonNode window(String label) {
        HttpResponse<JsonNode> response = api.rewards("lido");
        assertEquals(200, response.code(), String.valueOf(response.body()));
        for (JsonNode w : response.body().get("windows")) {
            if (w.get("window").asText().equals(label)) {
                return w;
            }
        }
        throw new AssertionError("no window " + label + " in " + response.body());
    }

    /** Runs the SDK with node; node and the SDK come with the build (package.json, `npm ci`). */
    static JsonNode runSdk(String rpcUrl) throws IOException, InterruptedException {
        Path script = Path.of("src/test/node/lido-sdk-apr.mjs").toAbsolutePath();
        Path sdkPackage = Path.of("node_modules/@lidofinance/lido-ethereum-sdk/package.json");
        assertTrue(Files.exists(sdkPackage), sdkPackage + " is missing: run `npm ci` (package.json pins Lido's SDK)");
        Path output = Files.createTempFile("lido-sdk-", ".out");
        try {
            Process node = new ProcessBuilder("node", script.toString(), rpcUrl)
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!node.waitFor(120, TimeUnit.SECONDS)) {
                node.destroyForcibly();
                throw new AssertionError("Lido's SDK did not answer within 120 s");
            }
            String printed = Files.readString(output, StandardCharsets.UTF_8).trim();
            assertEquals(0, node.exitValue(), "node " + script + " " + rpcUrl + ": " + printed);
            return new ObjectMapper().readTree(printed.substring(printed.lastIndexOf('\n') + 1));
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
