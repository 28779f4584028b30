package io.lsttracker.beacon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The beacon REST client against a small real HTTP server standing in for a beacon node. */
class BeaconClientTest {
    private static final long GENESIS = 1_606_824_023L;

    private HttpServer server;
    private final Map<String, String> states = new ConcurrentHashMap<>();
    private final List<String> requested = new CopyOnWriteArrayList<>();
    private volatile String genesis = "{\"data\":{\"genesis_time\":\"" + GENESIS + "\"}}";
    private BeaconClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requested.add(exchange.getRequestURI().toString());
            String body;
            int status = 200;
            if (path.equals("/eth/v1/beacon/genesis")) {
                body = genesis;
            } else {
                String slot = path.replaceAll("^/eth/v1/beacon/states/(\\d+)/validators$", "$1");
                body = states.get(slot);
                if (body == null) {
                    status = body == null && slot.equals("500") ? 500 : 404;
                    body = "{\"code\":" + status + ",\"message\":\"State not found\"}";
                }
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        client = new BeaconClient("http://127.0.0.1:" + server.getAddress().getPort() + "/", Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static String validators(String... entries) {
        return "{\"execution_optimistic\":false,\"data\":[" + String.join(",", entries) + "]}";
    }

    private static String validator(int index, String status, String balance) {
        return "{\"index\":\"" + index + "\",\"balance\":\"" + balance + "\",\"status\":\"" + status
                + "\",\"validator\":{\"pubkey\":\"0xab\",\"effective_balance\":\"32000000000\",\"slashed\":false}}";
    }

    /** A block 1,000 slots and 5 seconds after genesis: slot (12,005 / 12) = 1,000. */
    private static final Instant BLOCK = Instant.ofEpochSecond(GENESIS + 1_000 * 12 + 5);

    @Test
    void sumsTheBalancesOfActiveValidatorsOnly() {
        // Active: 32.000000001 + 2048 + 31.5 ETH (active_ongoing, active_exiting, active_slashed)
        //   = 32,000,000,001 + 2,048,000,000,000 + 31,500,000,000 gwei = 2,111,500,000,001 gwei
        //   = 2,111.500000001 ETH = 2,111,500,000,001,000,000,000 wei.
        // Not counted even if the node ignores ?status=active: pending_queued 32 ETH, withdrawal_done 0.
        states.put("1000", validators(validator(0, "active_ongoing", "32000000001"),
                validator(1, "active_exiting", "2048000000000"), validator(2, "active_slashed", "31500000000"),
                validator(3, "pending_queued", "32000000000"), validator(4, "withdrawal_done", "0")));
        TotalStaked total = client.totalStakedAt(BLOCK);
        assertEquals(1000, total.slot());
        assertEquals(new BigInteger("2111500000001000000000"), total.wei());
        assertEquals(3, total.activeValidators());
        assertTrue(requested.contains("/eth/v1/beacon/states/1000/validators?status=active"), requested.toString());
    }

    @Test
    void aSlotWithoutStateFallsBackToTheNearestBefore() {
        states.put("997", validators(validator(0, "active_ongoing", "32000000000")));
        states.put("990", validators(validator(0, "active_ongoing", "1")));
        TotalStaked total = client.totalStakedAt(BLOCK);
        assertEquals(997, total.slot()); // 1000, 999 and 998 answer 404
        assertEquals(new BigInteger("32000000000000000000"), total.wei());
    }

    @Test
    void noStateWithinTwoEpochsIsAnError() {
        BeaconReadException e = assertThrows(BeaconReadException.class, () -> client.totalStakedAt(BLOCK));
        assertTrue(e.getMessage().contains("no state for slot 1000"), e.getMessage());
        assertEquals(1 + BeaconClient.MAX_SLOTS_BACK, requested.size()); // genesis + 64 slots
    }

    @Test
    void badAnswersAreNamed() {
        states.put("1000", validators(validator(7, "active_ongoing", "-5")));
        BeaconReadException e = assertThrows(BeaconReadException.class, () -> client.totalStakedAt(BLOCK));
        assertTrue(e.getMessage().contains("validator 7 has balance '-5'"), e.getMessage());
        assertTrue(e.getMessage().contains("/eth/v1/beacon/states/1000/validators"), e.getMessage());

        states.put("1000", "{\"code\":200}");
        e = assertThrows(BeaconReadException.class, () -> client.totalStakedAt(BLOCK));
        assertTrue(e.getMessage().contains("has no data array"), e.getMessage());

        states.put("1000", "[1,2]");
        e = assertThrows(BeaconReadException.class, () -> client.totalStakedAt(BLOCK));
        assertTrue(e.getMessage().contains("is not a JSON object"), e.getMessage());

        Instant block500 = Instant.ofEpochSecond(GENESIS + 500 * 12);
        e = assertThrows(BeaconReadException.class, () -> client.totalStakedAt(block500));
        assertTrue(e.getMessage().contains("answered HTTP 500"), e.getMessage());
    }

    @Test
    void aBlockBeforeGenesisOrABrokenGenesisIsRefused() {
        BeaconReadException e = assertThrows(BeaconReadException.class,
                () -> client.totalStakedAt(Instant.ofEpochSecond(GENESIS - 1)));
        assertTrue(e.getMessage().contains("before the beacon chain's genesis"), e.getMessage());

        genesis = "{\"data\":{}}";
        BeaconClient fresh = new BeaconClient("http://127.0.0.1:" + server.getAddress().getPort(), Duration.ofSeconds(5));
        e = assertThrows(BeaconReadException.class, () -> fresh.totalStakedAt(BLOCK));
        assertTrue(e.getMessage().contains("no data.genesis_time"), e.getMessage());
    }

    @Test
    void anUnreachableNodeIsNamed() {
        int port = server.getAddress().getPort();
        server.stop(0);
        BeaconClient gone = new BeaconClient("http://127.0.0.1:" + port, Duration.ofSeconds(2));
        BeaconReadException e = assertThrows(BeaconReadException.class, () -> gone.totalStakedAt(BLOCK));
        assertTrue(e.getMessage().contains("127.0.0.1:" + port + " GET /eth/v1/beacon/genesis"), e.getMessage());
    }
}
