package io.lsttracker.devchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.beacon.BeaconClient;
import io.lsttracker.beacon.TotalStaked;
import io.lsttracker.beacon.Validator;
import io.lsttracker.devchain.beacon.EntityTruth;
import io.lsttracker.devchain.beacon.SimulatedValidator;
import io.lsttracker.devchain.beacon.TestStakers;
import io.lsttracker.devchain.beacon.ValidatorSet;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The devchain's beacon node, read by the tracker's own client. */
class SimulatedBeaconTest {
    // 2026-11-23T12:00:00Z = 1795435200: slot (1795435200 - 1606824023) / 12 = 15,717,598 (remainder 1).
    private static final long NOW = 1_795_435_200L;
    private static final long HEAD = 15_717_598L;
    /** The set's exits, slashings, activations and credential changes happen a day before the head. */
    private static final ValidatorSet SET = TestStakers.standardSet(HEAD - 7_200);

    @Test
    void totalStakedFollowsTheSlotAndMissedSlotsFallBack() {
        try (SimulatedBeacon beacon = SimulatedBeacon.start(() -> NOW, SET)) {
            BeaconClient client = new BeaconClient(beacon.url(), Duration.ofSeconds(10));
            TotalStaked head = client.totalStakedAt(Instant.ofEpochSecond(NOW));
            assertEquals(HEAD, head.slot());
            // 34,900,000 ETH + (15,717,598 - 13,366,798) slots x 694,444,444 gwei
            //   = 34,900,000e9 + 2,350,800 x 694,444,444 = 34,900,000e9 + 1,632,499,998,955,200 gwei
            //   = 36,532,499.9989552 ETH (5,000 ETH a day over 326.5 days).
            assertEquals(new BigInteger("36532499998955200000000000"), head.wei());
            long active = SET.truth(HEAD).values().stream().mapToLong(EntityTruth::activeValidators).sum();
            assertEquals(active, head.activeValidators());

            // Slot 15,717,599 (% 20 == 19) is missed: a block in it is read at the slot before.
            TotalStaked missed = client.totalStakedAt(SimulatedBeacon.slotStart(15_717_599L));
            assertEquals(HEAD, missed.slot());

            // A day earlier: 7,200 slots fewer, so 7,200 x 694,444,444 gwei = 4,999.9999968 ETH less.
            TotalStaked dayBefore = client.totalStakedAt(Instant.ofEpochSecond(NOW - 86_400));
            assertEquals(HEAD - 7_200, dayBefore.slot());
            assertEquals(new BigInteger("4999999996800000000000"), head.wei().subtract(dayBefore.wei()));
        }
    }

    @Test
    void theTrackersClientReadsEveryValidatorWithEveryFieldAsTheModelMadeIt() {
        try (SimulatedBeacon beacon = SimulatedBeacon.start(() -> NOW, SET)) {
            BeaconClient client = new BeaconClient(beacon.url(), Duration.ofSeconds(30));
            List<Validator> read = new ArrayList<>();
            // The slot asked for is missed (% 20 == 19): the client falls back to the one before, as for the total.
            assertEquals(HEAD, client.validators(HEAD + 1, read::add));
            List<SimulatedValidator> model = new ArrayList<>();
            SET.forEach(HEAD, model::add);
            assertEquals(SimulatedBeacon.VALIDATORS, read.size());
            for (int i = 0; i < model.size(); i++) {
                SimulatedValidator m = model.get(i);
                assertEquals(new Validator(m.index(), m.pubkey(), m.withdrawalCredentials(), m.status(),
                        m.balanceGwei(), m.effectiveBalanceGwei(), m.slashed()), read.get(i));
            }
            BigInteger active = read.stream().filter(Validator::active).map(v -> BigInteger.valueOf(v.balanceGwei()))
                    .reduce(BigInteger.ZERO, BigInteger::add);
            assertEquals(SimulatedBeacon.totalStakedGwei(HEAD), active);
            // Every kind the model makes is there: exits and withdrawals, slashings, pending, 0x00, 0x01 and 0x02.
            for (String status : List.of("active_ongoing", "exited_unslashed", "exited_slashed", "pending_queued")) {
                assertTrue(read.stream().anyMatch(v -> v.status().equals(status)), status);
            }
            for (String type : List.of("01", "02")) {
                assertTrue(read.stream().anyMatch(v -> v.credentialsType().equals(type)), type);
            }
            List<Validator> before = new ArrayList<>();
            client.validators(HEAD - 7_300, before::add);
            assertTrue(before.stream().anyMatch(v -> v.credentialsType().equals("00")));
        }
    }

    @Test
    void theStatusParameterFiltersAsTheStandardApiDoes() throws Exception {
        try (SimulatedBeacon beacon = SimulatedBeacon.start(() -> NOW, SET)) {
            long active = SET.truth(HEAD).values().stream().mapToLong(EntityTruth::activeValidators).sum();
            assertEquals(active, count(get(beacon, HEAD + "/validators?status=active")));
            long[] exited = {0};
            SET.forEach(HEAD, v -> exited[0] += v.status().startsWith("exited") || v.status().equals("pending_queued") ? 1 : 0);
            assertEquals(exited[0], count(get(beacon, HEAD + "/validators?status=exited,pending_queued")));
            HttpResponse<String> bad = get(beacon, HEAD + "/validators?status=sleeping");
            assertEquals(400, bad.statusCode());
            assertTrue(bad.body().contains("sleeping"), bad.body());
            assertEquals(404, get(beacon, (HEAD + 1) + "/validators").statusCode());
        }
    }

    @Test
    void theFutureHasNoState() {
        try (SimulatedBeacon beacon = SimulatedBeacon.start(() -> NOW, SET)) {
            long current = SimulatedBeacon.slotAt(NOW);
            assertTrue(SimulatedBeacon.served(current, current));
            assertTrue(!SimulatedBeacon.served(current + 1, current));
        }
    }

    private static HttpResponse<String> get(SimulatedBeacon beacon, String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(beacon.url()
                + "/eth/v1/beacon/states/" + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long count(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        Matcher m = Pattern.compile("\"index\":").matcher(response.body());
        long n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
