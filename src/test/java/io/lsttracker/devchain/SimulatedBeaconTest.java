package io.lsttracker.devchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.beacon.BeaconClient;
import io.lsttracker.beacon.TotalStaked;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The devchain's beacon node, read by the tracker's own client. */
class SimulatedBeaconTest {

    @Test
    void totalStakedFollowsTheSlotAndMissedSlotsFallBack() {
        // 2026-11-23T12:00:00Z = 1795435200: slot (1795435200 - 1606824023) / 12 = 15,717,598 (remainder 1).
        long now = 1_795_435_200L;
        try (SimulatedBeacon beacon = SimulatedBeacon.start(() -> now)) {
            BeaconClient client = new BeaconClient(beacon.url(), Duration.ofSeconds(10));
            TotalStaked head = client.totalStakedAt(Instant.ofEpochSecond(now));
            assertEquals(15_717_598L, head.slot());
            // 34,900,000 ETH + (15,717,598 - 13,366,798) slots x 694,444,444 gwei
            //   = 34,900,000e9 + 2,350,800 x 694,444,444 = 34,900,000e9 + 1,632,499,998,955,200 gwei
            //   = 36,532,499.9989552 ETH (5,000 ETH a day over 326.5 days).
            assertEquals(new BigInteger("36532499998955200000000000"), head.wei());
            assertEquals(SimulatedBeacon.VALIDATORS, head.activeValidators());

            // Slot 15,717,599 (% 20 == 19) is missed: a block in it is read at the slot before.
            TotalStaked missed = client.totalStakedAt(SimulatedBeacon.slotStart(15_717_599L));
            assertEquals(15_717_598L, missed.slot());

            // A day earlier: 7,200 slots fewer, so 7,200 x 694,444,444 gwei = 4,999.9999968 ETH less.
            TotalStaked dayBefore = client.totalStakedAt(Instant.ofEpochSecond(now - 86_400));
            assertEquals(15_717_598L - 7_200, dayBefore.slot());
            assertEquals(new BigInteger("4999999996800000000000"), head.wei().subtract(dayBefore.wei()));
        }
    }

    @Test
    void theFutureHasNoState() {
        long now = 1_795_435_200L;
        try (SimulatedBeacon beacon = SimulatedBeacon.start(() -> now)) {
            long current = SimulatedBeacon.slotAt(now);
            assertTrue(SimulatedBeacon.served(current, current));
            assertTrue(!SimulatedBeacon.served(current + 1, current));
        }
    }
}
