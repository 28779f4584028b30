package io.lsttracker.beacon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.devchain.AnvilProcess;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The beacon REST client against a small real HTTP server standing in for a beacon node: {@link BeaconNode}, a
 * controller that only this test's server runs (spec.name), answering what the test puts in it.
 */
@MicronautTest
@Property(name = "spec.name", value = "BeaconClientTest")
@Property(name = "micronaut.server.host", value = "127.0.0.1")
@Property(name = "micronaut.server.port", value = "-1")
class BeaconClientTest {
    private static final long GENESIS = 1_606_824_023L;

    @Inject
    EmbeddedServer server;

    @Inject
    BeaconNode node;

    private BeaconClient client;

    /** A beacon node's two routes that the client reads; a slot without a state answers 404 (slot 500: 500). */
    @Requires(property = "spec.name", value = "BeaconClientTest")
    @Controller("/eth/v1/beacon")
    static final class BeaconNode {
        final Map<String, String> states = new ConcurrentHashMap<>();
        final List<String> requested = new CopyOnWriteArrayList<>();
        volatile String genesis;

        @Get("/genesis")
        String genesis(HttpRequest<?> request) {
            requested.add(request.getUri().toString());
            return genesis;
        }

        @Get("/states/{slot}/validators")
        HttpResponse<String> validators(HttpRequest<?> request, @PathVariable String slot) {
            requested.add(request.getUri().toString());
            String body = states.get(slot);
            if (body != null) {
                return HttpResponse.ok(body);
            }
            HttpStatus status = slot.equals("500") ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.NOT_FOUND;
            return HttpResponse.<String>status(status).body("{\"code\":" + status.getCode() + ",\"message\":\"State not found\"}");
        }
    }

    @BeforeEach
    void start() {
        node.states.clear();
        node.requested.clear();
        node.genesis = "{\"data\":{\"genesis_time\":\"" + GENESIS + "\"}}";
        client = new BeaconClient(server.getURL() + "/", Duration.ofSeconds(5));
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
        node.states.put("1000", validators(validator(0, "active_ongoing", "32000000001"),
                validator(1, "active_exiting", "2048000000000"), validator(2, "active_slashed", "31500000000"),
                validator(3, "pending_queued", "32000000000"), validator(4, "withdrawal_done", "0")));
        TotalStaked total = client.totalStakedAt(BLOCK);
        assertEquals(1000, total.slot());
        assertEquals(new BigInteger("2111500000001000000000"), total.wei());
        assertEquals(3, total.activeValidators());
        assertTrue(node.requested.contains("/eth/v1/beacon/states/1000/validators?status=active"),
                node.requested.toString());
    }

    @Test
    void aSlotWithoutStateFallsBackToTheNearestBefore() {
        node.states.put("997", validators(validator(0, "active_ongoing", "32000000000")));
        node.states.put("990", validators(validator(0, "active_ongoing", "1")));
        TotalStaked total = client.totalStakedAt(BLOCK);
        assertEquals(997, total.slot()); // 1000, 999 and 998 answer 404
        assertEquals(new BigInteger("32000000000000000000"), total.wei());
    }

    @Test
    void noStateWithinTwoEpochsIsAnError() {
        BeaconReadException e = assertThrows(BeaconReadException.class, () -> client.totalStakedAt(BLOCK));
        assertTrue(e.getMessage().contains("no state for slot 1000"), e.getMessage());
        assertEquals(1 + BeaconClient.MAX_SLOTS_BACK, node.requested.size()); // genesis + 64 slots
    }

    @Test
    void badAnswersAreNamed() {
        node.states.put("1000", validators(validator(7, "active_ongoing", "-5")));
        BeaconReadException e = assertThrows(BeaconReadException.class, () -> client.totalStakedAt(BLOCK));
        assertTrue(e.getMessage().contains("validator 7 has balance '-5'"), e.getMessage());
        assertTrue(e.getMessage().contains("/eth/v1/beacon/states/1000/validators"), e.getMessage());

        node.states.put("1000", "{\"code\":200}");
        e = assertThrows(BeaconReadException.class, () -> client.totalStakedAt(BLOCK));
        assertTrue(e.getMessage().contains("has no data array"), e.getMessage());

        node.states.put("1000", "[1,2]");
        e = assertThrows(BeaconReadException.class, () -> client.totalStakedAt(BLOCK));
        assertTrue(e.getMessage().contains("is not a JSON object"), e.getMessage());

        Instant block500 = Instant.ofEpochSecond(GENESIS + 500 * 12);
        e = assertThrows(BeaconReadException.class, () -> client.totalStakedAt(block500));
        assertTrue(e.getMessage().contains("answered HTTP 500"), e.getMessage());
    }

    @Test
    void aBalanceLongerThanAUint64IsRefusedUnparsedAndQuotedShort() {
        String huge = "1".repeat(3000);
        node.states.put("1000", validators(validator(7, "active_ongoing", huge)));
        BeaconReadException e = assertThrows(BeaconReadException.class, () -> client.totalStakedAt(BLOCK));
        assertTrue(e.getMessage().endsWith(": validator 7 has a balance of 3000 characters ('11111111111111111111…'), "
                + "not a uint64 of gwei"), e.getMessage());
        assertTrue(e.getMessage().length() < 300, e.getMessage());
        // the largest uint64, 18,446,744,073,709,551,615 gwei (20 digits), is still read
        node.states.put("1000", validators(validator(7, "active_ongoing", "18446744073709551615")));
        assertEquals(new BigInteger("18446744073709551615000000000"), client.totalStakedAt(BLOCK).wei());
    }

    @Test
    void aBlockBeforeGenesisOrABrokenGenesisIsRefused() {
        BeaconReadException e = assertThrows(BeaconReadException.class,
                () -> client.totalStakedAt(Instant.ofEpochSecond(GENESIS - 1)));
        assertTrue(e.getMessage().contains("before the beacon chain's genesis"), e.getMessage());

        node.genesis = "{\"data\":{}}";
        BeaconClient fresh = new BeaconClient(server.getURL().toString(), Duration.ofSeconds(5));
        e = assertThrows(BeaconReadException.class, () -> fresh.totalStakedAt(BLOCK));
        assertTrue(e.getMessage().contains("no data.genesis_time"), e.getMessage());
    }

    @Test
    void anUnreachableNodeIsNamed() {
        int port = AnvilProcess.freePort(); // nothing listens there
        BeaconClient gone = new BeaconClient("http://127.0.0.1:" + port, Duration.ofSeconds(2));
        BeaconReadException e = assertThrows(BeaconReadException.class, () -> gone.totalStakedAt(BLOCK));
        assertTrue(e.getMessage().contains("127.0.0.1:" + port + " GET /eth/v1/beacon/genesis"), e.getMessage());
    }
}
