package io.lsttracker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lsttracker.devchain.AnvilProcess;
import io.lsttracker.devchain.Devchain;
import io.lsttracker.devchain.DevchainParameters;
import io.lsttracker.devchain.DevchainFlags;
import io.lsttracker.devchain.TestDevchain;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** `snapshot --rewards` against the devchain: rates from events read live, and clock windows read from the archive. */
class SnapshotRewardsTest {
    private static final BigDecimal TOLERANCE_PP = new BigDecimal("0.01");

    private static JsonNode pool(JsonNode rewards, String id) {
        for (JsonNode pool : rewards) {
            if (pool.get("pool").asText().equals(id)) {
                return pool;
            }
        }
        throw new AssertionError("no " + id + " in " + rewards);
    }

    private static JsonNode window(JsonNode pool, String label) {
        for (JsonNode w : pool.get("windows")) {
            if (w.get("window").asText().equals(label)) {
                return w;
            }
        }
        throw new AssertionError("no " + label + " in " + pool);
    }

    @Test
    void eventPoolsGiveBackTheirSimulatedAprAndOthersComparePointToPoint() throws Exception {
        Devchain devchain = TestDevchain.shared();
        Commands.Result r = Commands.run("snapshot", "--rpc", devchain.url(), "--rewards",
                "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        JsonNode rewards = json.get("rewards");
        for (String id : new String[] {"lido", "rocketpool"}) {
            JsonNode last = window(pool(rewards, id), "last-report");
            BigDecimal apr = new BigDecimal(last.get("apr").asText()).movePointRight(2);
            assertTrue(apr.subtract(DevchainFlags.aprPercent(devchain, id)).abs().compareTo(TOLERANCE_PP) <= 0,
                    id + ": " + apr);
        }
        JsonNode coinbase = pool(rewards, "coinbase");
        assertEquals("archive-point-to-point", coinbase.get("method").asText());
        JsonNode day = window(coinbase, "1d");
        long head = json.get("block").get("timestamp").isTextual()
                ? Instant.parse(json.get("block").get("timestamp").asText()).getEpochSecond() : -1;
        assertEquals(devchain.headTimestamp(), head);
        assertEquals(json.get("block").get("number").asLong(), day.get("endBlock").asLong());
        assertTrue(Instant.parse(day.get("startTime").asText()).getEpochSecond() <= head - 86_400, day.toString());
        assertTrue(day.get("reports").isNull(), "a clock window counts no reports");
        assertTrue(new BigDecimal(day.get("apr").asText()).signum() > 0, day.toString());
        assertEquals("the chain has no block 30d before the snapshot", window(coinbase, "30d").get("reason").asText());
    }

    @Test
    void theTableSaysHowEachFigureIsComputed() {
        Commands.Result r = Commands.run("snapshot", "--rpc", TestDevchain.shared().url(), "--rewards");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("REWARD RATES (APR = (r1 - r0) / r0 * 31536000 / (t1 - t0)"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("lido +last-report +2\\.8000 .*")), r.out());
        assertTrue(r.out().contains("method lido-token-rebased: Lido's share rate formula"), r.out());
        assertTrue(r.out().contains("method archive-point-to-point: "), r.out());
        assertTrue(r.out().contains("no rate (lido 30d): not enough history"), r.out());
    }

    @Test
    void aNodeThatKeepsNoPastStateCostsTheClockWindowsOnly() throws Exception {
        // A history denser than a block an hour (here one every 10 minutes) keeps the state of its last 64 blocks only,
        // as a full node that is no archive does: a day back is pruned, the report events are not. The whole command
        // used to fail on the first clock window's read.
        DevchainParameters parameters = DevchainParameters.defaults(2).withBlockTime(0)
                .withBeaconValidators(DevchainParameters.MIN_BEACON_VALIDATORS).withHistoryBlockSeconds(600);
        try (Devchain pruned = Devchain.start(AnvilProcess.freePort(), parameters)) {
            Commands.Result r = Commands.run("snapshot", "--rpc", pruned.url(), "--rewards", "--format", "json");
            assertEquals(0, r.exit(), r.err());
            JsonNode rewards = new ObjectMapper().readTree(r.out()).get("rewards");
            JsonNode last = window(pool(rewards, "lido"), "last-report");
            assertTrue(last.hasNonNull("apr"), last.toString());
            JsonNode day = window(pool(rewards, "coinbase"), "1d");
            assertTrue(day.get("apr").isNull(), day.toString());
            assertTrue(day.get("reason").asText().startsWith("cannot read the chain 1d before the snapshot: "), day.toString());
            assertTrue(day.get("reason").asText().contains("needs an archive node"), day.toString());
        }
    }
}
