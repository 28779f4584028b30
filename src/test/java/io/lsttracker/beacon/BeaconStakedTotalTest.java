package io.lsttracker.beacon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.config.ConfigException;
import io.lsttracker.domain.BlockRef;
import io.lsttracker.devchain.AnvilProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BeaconStakedTotalTest {
    private static final BlockRef BLOCK = new BlockRef(7, "0x" + "ab".repeat(32), Instant.parse("2026-11-01T00:00:00Z"));

    @Test
    void withoutAUrlTheReadingSaysHowToConfigureOne() {
        StakedTotalSource.Reading reading = new BeaconStakedTotal(BeaconSettings.defaults()).read(BLOCK);
        assertEquals(Optional.empty(), reading.total());
        assertTrue(reading.absentReason().contains("LST_BEACON_URL"), reading.absentReason());
    }

    @Test
    void aNodeThatIsDownGivesAReasonNotAnException() {
        int port = AnvilProcess.freePort();
        StakedTotalSource.Reading reading = new BeaconStakedTotal(
                new BeaconSettings("http://127.0.0.1:" + port, Duration.ofSeconds(2))).read(BLOCK);
        assertEquals(Optional.empty(), reading.total());
        assertTrue(reading.absentReason().contains("block 7") && reading.absentReason().contains(":" + port),
                reading.absentReason());
    }

    @Test
    void badSettingsNameTheKey() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> new BeaconStakedTotal(new BeaconSettings("localhost:5052", Duration.ofSeconds(2))));
        assertTrue(e.getMessage().startsWith("tracker.beacon.url (LST_BEACON_URL): 'localhost:5052'"), e.getMessage());
        e = assertThrows(ConfigException.class,
                () -> new BeaconStakedTotal(new BeaconSettings("http://x", Duration.ZERO)));
        assertEquals("tracker.beacon.timeout: must be positive, got PT0S", e.getMessage());
        e = assertThrows(ConfigException.class, () -> new BeaconSettings("http://x", null));
        assertEquals("tracker.beacon.timeout: missing, or not a duration such as 30s", e.getMessage());
    }

    @Test
    void theValidatorSetIsReadAtMostOnceAnEpoch() throws Exception {
        long genesis = 1_606_824_023L;
        java.util.List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer node = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        node.createContext("/eth/v1/beacon/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            asked.add(path);
            String body = path.endsWith("/genesis") ? "{\"data\":{\"genesis_time\":\"" + genesis + "\"}}"
                    : "{\"data\":[{\"index\":\"0\",\"balance\":\"" + (path.contains("/3232/") ? 2 : 1)
                            + "\",\"status\":\"active_ongoing\",\"validator\":{\"effective_balance\":\"0\"}}]}";
            byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            try (java.io.OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        node.start();
        try {
            BeaconStakedTotal source = new BeaconStakedTotal(new BeaconSettings("http://127.0.0.1:"
                    + node.getAddress().getPort(), Duration.ofSeconds(5)));
            // Slots 3,200 and 3,231 are both epoch 100 (slot / 32); 3,232 starts epoch 101.
            TotalStaked first = source.read(blockAt(genesis, 3200)).total().orElseThrow();
            TotalStaked again = source.read(blockAt(genesis, 3231)).total().orElseThrow();
            assertEquals(first, again);
            assertEquals(3200, again.slot()); // the reading says which slot it came from
            TotalStaked next = source.read(blockAt(genesis, 3232)).total().orElseThrow();
            assertEquals(3232, next.slot());
            assertEquals(java.math.BigInteger.valueOf(2_000_000_000L), next.wei()); // 2 gwei
            assertEquals(2, asked.stream().filter(p -> p.endsWith("/validators")).count(), asked.toString());
        } finally {
            node.stop(0);
        }
    }

    /**
     * The exit queue comes with the total, from the same answer: with a well-formed set the reading carries both;
     * with one active validator's effective balance malformed, neither (the reading says which validator and which
     * field), and the next epoch is read again rather than a broken reading kept.
     */
    @Test
    void theExitQueueComesWithTheTotalAndAMalformedEffectiveBalanceCostsTheReading() throws Exception {
        long genesis = 1_606_824_023L;
        String exiting = BeaconClientTestShapes.validator(1, "active_exiting", "40000000000", "0x" + "a1".repeat(48),
                "0x01" + "00".repeat(31), "32000000000", "false");
        String ongoing = BeaconClientTestShapes.validator(0, "active_ongoing", "33000000000", "0x" + "a2".repeat(48),
                "0x01" + "00".repeat(31), "32000000000", "false");
        String broken = BeaconClientTestShapes.validator(1, "active_exiting", "40000000000", "0x" + "a1".repeat(48),
                "0x01" + "00".repeat(31), "3.2e10", "false");
        com.sun.net.httpserver.HttpServer node = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        node.createContext("/eth/v1/beacon/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = path.endsWith("/genesis") ? "{\"data\":{\"genesis_time\":\"" + genesis + "\"}}"
                    : "{\"data\":[" + ongoing + "," + (path.contains("/3200/") ? exiting : broken) + "]}";
            byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            try (java.io.OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        node.start();
        try {
            BeaconStakedTotal source = new BeaconStakedTotal(new BeaconSettings("http://127.0.0.1:"
                    + node.getAddress().getPort(), Duration.ofSeconds(5)));
            // Slot 3,200: balances 33 + 40 = 73 ETH staked; effective balances 32 + 32 = 64 ETH active, of which
            // validator 1's 32 ETH wait to exit.
            TotalStaked total = source.read(blockAt(genesis, 3200)).total().orElseThrow();
            assertEquals(new java.math.BigInteger("73000000000000000000"), total.wei());
            assertEquals(Optional.of(new TotalStaked.ExitQueue(1, new java.math.BigInteger("32000000000000000000"),
                    new java.math.BigInteger("64000000000000000000"))), total.exitQueue());
            // Slot 3,232 (the next epoch): validator 1's effective balance is "3.2e10", not a whole number of gwei.
            StakedTotalSource.Reading reading = source.read(blockAt(genesis, 3232));
            assertEquals(Optional.empty(), reading.total());
            assertTrue(reading.absentReason().startsWith("the beacon node failed for block 3232: "), reading.absentReason());
            assertTrue(reading.absentReason().endsWith("GET /eth/v1/beacon/states/3232/validators?status=active: "
                    + "validator 1 has effective_balance '3.2e10', not a non-negative number of gwei"),
                    reading.absentReason());
        } finally {
            node.stop(0);
        }
    }

    private static BlockRef blockAt(long genesis, long slot) {
        return new BlockRef(slot, "0x" + "ab".repeat(32), Instant.ofEpochSecond(genesis + slot * 12));
    }
}
