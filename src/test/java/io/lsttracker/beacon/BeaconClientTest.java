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
    void theExitQueueIsSummedInTheSamePassFromEffectiveBalances() {
        // Active: 0 ongoing (effective 32 ETH), 1 exiting (2,048 ETH), 2 slashed (31 ETH: a slashed validator's
        // effective balance drops with its penalty). The exit queue is 1 and 2, their effective balances:
        //   2,048,000,000,000 + 31,000,000,000 = 2,079,000,000,000 gwei = 2,079 ETH, 2 validators;
        // the total active effective balance 32 + 2,048 + 31 = 2,111 ETH. Balances, not effective balances, make the
        // total staked: 32.000000001 + 2,048.5 + 31.5 = 2,112.000000001 ETH.
        // Not counted: pending_queued (not active yet), exited_unslashed (its exit epoch is reached).
        node.states.put("1000", validators(
                fullValidator(0, "active_ongoing", "32000000001", KEY, VAULT, "32000000000", "false"),
                fullValidator(1, "active_exiting", "2048500000000", KEY, VAULT, "2048000000000", "false"),
                fullValidator(2, "active_slashed", "31500000000", KEY, VAULT, "31000000000", "true"),
                fullValidator(3, "pending_queued", "32000000000", KEY, VAULT, "32000000000", "false"),
                fullValidator(4, "exited_unslashed", "32000000000", KEY, VAULT, "32000000000", "false")));
        TotalStaked total = client.totalStakedAt(BLOCK);
        assertEquals(new BigInteger("2112000000001000000000"), total.wei());
        assertEquals(3, total.activeValidators());
        assertEquals(java.util.Optional.of(new TotalStaked.ExitQueue(2, new BigInteger("2079000000000000000000"),
                new BigInteger("2111000000000000000000"))), total.exitQueue());
    }

    @Test
    void anEmptyExitQueueIsZeroNotAbsent() {
        node.states.put("1000", validators(
                fullValidator(0, "active_ongoing", "32000000000", KEY, VAULT, "32000000000", "false")));
        assertEquals(java.util.Optional.of(new TotalStaked.ExitQueue(0, BigInteger.ZERO,
                new BigInteger("32000000000000000000"))), client.totalStakedAt(BLOCK).exitQueue());
    }

    @Test
    void aMalformedEffectiveBalanceOfAnActiveValidatorIsNamed() {
        String ok = "32000000000";
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put(fullValidator(9, "active_exiting", ok, KEY, VAULT, "-1", "false"),
                "validator 9 has effective_balance '-1', not a non-negative number of gwei");
        cases.put(fullValidator(9, "active_ongoing", ok, KEY, VAULT, "1.5", "false"),
                "validator 9 has effective_balance '1.5', not a non-negative number of gwei");
        cases.put(fullValidator(9, "active_slashed", ok, KEY, VAULT, "x", "true"),
                "validator 9 has effective_balance 'x', not a non-negative number of gwei");
        cases.put(fullValidator(9, "active_ongoing", ok, KEY, VAULT, "1".repeat(3000), "false"),
                "validator 9 has an effective_balance of 3000 characters ('11111111111111111111…'), not a uint64");
        cases.put("{\"index\":\"9\",\"balance\":\"1\",\"status\":\"active_ongoing\"}",
                "validator 9 has effective_balance (missing), not a non-negative number of gwei");
        cases.put("{\"index\":\"9\",\"balance\":\"1\",\"status\":\"active_ongoing\",\"validator\":\"32\"}",
                "validator 9 has effective_balance (missing), not a non-negative number of gwei");
        cases.put("{\"index\":\"9\",\"balance\":\"1\",\"status\":\"active_ongoing\",\"validator\":"
                + "{\"effective_balance\":{\"gwei\":\"1\"}}}",
                "validator 9 has effective_balance (missing), not a non-negative number of gwei");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            node.states.put("1000", validators(c.getKey()));
            BeaconReadException e = assertThrows(BeaconReadException.class, () -> client.totalStakedAt(BLOCK),
                    c.getValue());
            assertTrue(e.getMessage().contains("GET /eth/v1/beacon/states/1000/validators?status=active: "
                    + c.getValue()), e.getMessage());
        }
        // The largest uint64 is still read, as for balances; a validator that is not active is not summed, so its
        // effective balance is not checked (as its balance is not).
        node.states.put("1000", validators(
                fullValidator(8, "pending_queued", ok, KEY, VAULT, "x", "false"),
                fullValidator(9, "active_exiting", ok, KEY, VAULT, "18446744073709551615", "false")));
        assertEquals(new BigInteger("18446744073709551615000000000"),
                client.totalStakedAt(BLOCK).exitQueue().orElseThrow().exitingWei());
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

    /** A validator in the standard answer's full shape (ethereum/beacon-APIs), every field given. */
    static String fullValidator(long index, String status, String balance, String pubkey, String credentials,
            String effective, String slashed) {
        return "{\"index\":\"" + index + "\",\"balance\":\"" + balance + "\",\"status\":\"" + status
                + "\",\"validator\":{\"pubkey\":\"" + pubkey + "\",\"withdrawal_credentials\":\"" + credentials
                + "\",\"effective_balance\":\"" + effective + "\",\"slashed\":" + slashed
                + ",\"activation_eligibility_epoch\":\"0\",\"activation_epoch\":\"0\","
                + "\"exit_epoch\":\"18446744073709551615\",\"withdrawable_epoch\":\"18446744073709551615\"}}";
    }

    private static final String KEY = "0x" + "a1".repeat(48);
    private static final String VAULT = "0x010000000000000000000000b9d7934878b5fb9610b3fe8a5e441e8fad7e293f";

    @Test
    void streamsEveryValidatorWithItsFieldsWhateverItsStatus() {
        String upperKey = "0x" + "B2".repeat(48);
        String bls = "0x00" + "cd".repeat(31);
        node.states.put("1000", "{\"execution_optimistic\":false,\"finalized\":true,\"data\":["
                + fullValidator(0, "active_ongoing", "32000000001", KEY, VAULT, "32000000000", "false") + ","
                + fullValidator(5, "pending_queued", "32000000000", upperKey, bls, "32000000000", "false") + ","
                + fullValidator(6, "exited_slashed", "0", KEY.replace('1', '3'), "0x02" + "00".repeat(11)
                        + "ab".repeat(20), "0", "true")
                + "]}");
        List<Validator> seen = new java.util.ArrayList<>();
        assertEquals(1000, client.validators(1000, seen::add));
        assertEquals(List.of(
                new Validator(0, KEY, VAULT, "active_ongoing", 32_000_000_001L, 32_000_000_000L, false),
                new Validator(5, "0x" + "b2".repeat(48), bls, "pending_queued", 32_000_000_000L, 32_000_000_000L,
                        false),
                new Validator(6, "0x" + "a3".repeat(48), "0x02" + "00".repeat(11) + "ab".repeat(20),
                        "exited_slashed", 0, 0, true)), seen);
        assertTrue(seen.get(0).active() && !seen.get(1).active() && !seen.get(2).active());
        assertEquals(List.of("01", "00", "02"), seen.stream().map(Validator::credentialsType).toList());
        // No status filter: exits and pending validators are needed too.
        assertTrue(node.requested.contains("/eth/v1/beacon/states/1000/validators"), node.requested.toString());
    }

    @Test
    void theValidatorStreamFallsBackToTheNearestSlotBefore() {
        node.states.put("998", validators(fullValidator(3, "active_ongoing", "1", KEY, VAULT, "0", "false")));
        List<Validator> seen = new java.util.ArrayList<>();
        assertEquals(998, client.validators(1000, seen::add));
        assertEquals(1, seen.size());
        BeaconReadException e = assertThrows(BeaconReadException.class, () -> client.validators(400, v -> { }));
        assertTrue(e.getMessage().contains("no state for slot 400"), e.getMessage());
    }

    @Test
    void everyMalformedFieldIsNamedWithItsValidator() {
        String ok = "32000000000";
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put(fullValidator(9, "active_ongoing", "-1", KEY, VAULT, ok, "false"),
                "validator 9: balance '-1' is not a whole number");
        cases.put(fullValidator(9, "active_ongoing", "1.5", KEY, VAULT, ok, "false"),
                "validator 9: balance '1.5' is not a whole number");
        cases.put(fullValidator(9, "active_ongoing", "9223372036854775808", KEY, VAULT, ok, "false"),
                "validator 9: balance '9223372036854775808' is not a whole number from 0 to 9223372036854775807");
        cases.put(fullValidator(9, "active_ongoing", ok, KEY, VAULT, "x", "false"),
                "validator 9: effective_balance 'x' is not a whole number");
        cases.put(fullValidator(9, "active_ongoing", ok, "0x" + "a1".repeat(47), VAULT, ok, "false"),
                "validator 9: pubkey '0x" + "a1".repeat(47) + "' is not 0x and 96 hex digits (48 bytes)");
        cases.put(fullValidator(9, "active_ongoing", ok, KEY, VAULT.replace('b', 'g'), ok, "false"),
                "validator 9: withdrawal_credentials '" + VAULT.replace('b', 'g') + "' is not 0x and 64 hex digits");
        cases.put(fullValidator(9, "active_ongoing", ok, KEY, "01" + VAULT.substring(2) + "00", ok, "false"),
                "validator 9: withdrawal_credentials '01");
        cases.put(fullValidator(9, "activ", ok, KEY, VAULT, ok, "false"),
                "validator 9: status 'activ' is not a validator status");
        cases.put(fullValidator(9, "active_ongoing", ok, KEY, VAULT, ok, "\"no\""),
                "validator 9: slashed is missing or not true/false");
        cases.put(fullValidator(9, "active_ongoing", ok, KEY, VAULT, ok, "false").replace("\"index\":\"9\"",
                "\"index\":\"x\""), "data[0]: index 'x' is not a whole number");
        cases.put("{\"index\":\"9\",\"balance\":\"1\",\"status\":\"active_ongoing\"}",
                "validator 9: has no validator object");
        cases.put(fullValidator(9, "active_ongoing", ok, KEY, VAULT, ok, "false") + ","
                + fullValidator(9, "active_ongoing", ok, KEY, VAULT, ok, "false"),
                "validator 9 follows validator 9: indices must increase");
        cases.put("7", "data[0] is not a JSON object");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            node.states.put("1000", validators(c.getKey()));
            BeaconReadException e = assertThrows(BeaconReadException.class, () -> client.validators(1000, v -> { }),
                    c.getValue());
            assertTrue(e.getMessage().contains("GET /eth/v1/beacon/states/1000/validators: " + c.getValue()),
                    e.getMessage());
        }
        node.states.put("1000", "{\"data\":[" + fullValidator(1, "active_ongoing", ok, KEY, VAULT, ok, "false"));
        BeaconReadException e = assertThrows(BeaconReadException.class, () -> client.validators(1000, v -> { }));
        assertTrue(e.getMessage().contains("the answer is not JSON"), e.getMessage());
        node.states.put("1000", "{\"code\":200}");
        e = assertThrows(BeaconReadException.class, () -> client.validators(1000, v -> { }));
        assertTrue(e.getMessage().endsWith("the answer has no data array"), e.getMessage());
        e = assertThrows(BeaconReadException.class, () -> client.validators(500, v -> { }));
        assertTrue(e.getMessage().contains("answered HTTP 500"), e.getMessage());
    }
}
