package io.lsttracker.liquidity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lsttracker.beacon.TotalStaked;
import io.lsttracker.domain.BlockRef;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The Electra exit churn and the wait it gives, on cases worked out by hand. */
class BeaconExitQueueChurnTest {
    private static final BigInteger ETH = BigInteger.TEN.pow(18);

    private static BigInteger eth(long ether) {
        return BigInteger.valueOf(ether).multiply(ETH);
    }

    private static BigInteger churnOf(String activeEffectiveWei) {
        return BeaconExitChurn.churnWeiPerEpoch(new BigInteger(activeEffectiveWei));
    }

    @Test
    void aSmallTotalGetsTheFloorOf128Eth() {
        // 1,000,000 ETH / 65,536 = 15.26 ETH, under the floor: max(128, 15.26) = 128 ETH.
        assertEquals(eth(128), BeaconExitChurn.churnWeiPerEpoch(eth(1_000_000)));
        // No active balance at all still lets the floor through.
        assertEquals(eth(128), BeaconExitChurn.churnWeiPerEpoch(BigInteger.ZERO));
        // 128 x 65,536 = 8,388,608 ETH is exactly the floor; 65,535 ETH more is 128.99998 ETH, rounded down to 128.
        assertEquals(eth(128), BeaconExitChurn.churnWeiPerEpoch(eth(8_388_608)));
        assertEquals(eth(128), BeaconExitChurn.churnWeiPerEpoch(eth(8_388_608 + 65_535)));
    }

    @Test
    void aMidTotalGetsItsShareRoundedDownToWholeEth() {
        // 129 x 65,536 = 8,454,144 ETH: 129 ETH exactly.
        assertEquals(eth(129), BeaconExitChurn.churnWeiPerEpoch(eth(8_454_144)));
        // 10,000,000 ETH / 65,536 = 152.587890625 ETH, rounded down to 152 ETH.
        assertEquals(eth(152), BeaconExitChurn.churnWeiPerEpoch(eth(10_000_000)));
        // Half an ETH and a wei more change nothing: 10,000,000.500000000000000001 / 65,536 = 152.5879 ETH -> 152.
        assertEquals(eth(152), churnOf("10000000500000000000000001"));
        // One wei under 153 x 65,536 = 10,027,008 ETH is 152.99999... ETH -> 152; at it, 153.
        assertEquals(eth(152), BeaconExitChurn.churnWeiPerEpoch(eth(10_027_008).subtract(BigInteger.ONE)));
        assertEquals(eth(153), BeaconExitChurn.churnWeiPerEpoch(eth(10_027_008)));
    }

    @Test
    void aLargeTotalIsCappedAt256Eth() {
        // 256 x 65,536 = 16,777,216 ETH is exactly the cap; 65,536 ETH more would be 257 ETH, capped to 256.
        assertEquals(eth(256), BeaconExitChurn.churnWeiPerEpoch(eth(16_777_216)));
        assertEquals(eth(256), BeaconExitChurn.churnWeiPerEpoch(eth(16_777_216 + 65_536)));
        // Mainnet-like: 34,402,895 ETH / 65,536 = 524.95 ETH, capped to 256.
        assertEquals(eth(256), BeaconExitChurn.churnWeiPerEpoch(eth(34_402_895)));
    }

    @Test
    void theWaitIsTheQueueOverADaysChurn() {
        // A day lets 225 epochs x 128 ETH = 28,800 ETH through at the floor, 225 x 256 = 57,600 ETH at the cap.
        assertEquals(new BigDecimal("0.00"), BeaconExitChurn.waitDays(BigInteger.ZERO, eth(128))); // no queue
        assertEquals(new BigDecimal("1.00"), BeaconExitChurn.waitDays(eth(28_800), eth(128)));
        // 2,400,000 ETH / 57,600 ETH = 41.666... days -> 41.67.
        assertEquals(new BigDecimal("41.67"), BeaconExitChurn.waitDays(eth(2_400_000), eth(256)));
        // One validator of 32 ETH: 32 / 28,800 = 0.0011 days -> 0.00.
        assertEquals(new BigDecimal("0.00"), BeaconExitChurn.waitDays(eth(32), eth(128)));
        // A wei more than a day is still 1.00.
        assertEquals(new BigDecimal("1.00"), BeaconExitChurn.waitDays(eth(57_600).add(BigInteger.ONE), eth(256)));
    }

    @Test
    void theWaitRoundsHalfToEven() {
        // At 128 ETH an epoch: 144 ETH / 28,800 = 0.005 -> 0.00 (to the even 0); 432 / 28,800 = 0.015 -> 0.02;
        // 720 / 28,800 = 0.025 -> 0.02 (to the even 2); 721 / 28,800 = 0.025035 -> 0.03 (above the half).
        assertEquals(new BigDecimal("0.00"), BeaconExitChurn.waitDays(eth(144), eth(128)));
        assertEquals(new BigDecimal("0.02"), BeaconExitChurn.waitDays(eth(432), eth(128)));
        assertEquals(new BigDecimal("0.02"), BeaconExitChurn.waitDays(eth(720), eth(128)));
        assertEquals(new BigDecimal("0.03"), BeaconExitChurn.waitDays(eth(721), eth(128)));
    }

    @Test
    void aReadingBecomesTheFiguresOfItsBlock() {
        // 1,000 validators waiting with 32,000 ETH, out of 12,000,000 ETH active: 12,000,000 / 65,536 =
        // 183.1 ETH -> 183 ETH an epoch; 32,000 / (183 x 225 = 41,175) = 0.77717 days -> 0.78.
        BlockRef block = new BlockRef(21_000_000, "0x" + "ab".repeat(32), Instant.parse("2026-11-01T00:00:11Z"));
        TotalStaked.ExitQueue queue = new TotalStaked.ExitQueue(1_000, eth(32_000), eth(12_000_000));
        assertEquals(new LiquidityFigures.BeaconExitQueue(13_000_000, block, 1_000, eth(32_000), eth(183),
                new BigDecimal("0.78")), BeaconExitChurn.of(block, 13_000_000, queue));
    }

    @Test
    void impossibleInputsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> BeaconExitChurn.churnWeiPerEpoch(BigInteger.ONE.negate()));
        assertThrows(IllegalArgumentException.class, () -> BeaconExitChurn.waitDays(BigInteger.ONE.negate(), eth(128)));
        assertThrows(IllegalArgumentException.class, () -> BeaconExitChurn.waitDays(eth(1), BigInteger.ZERO));
        // A queue larger than the active balance it is part of is no reading.
        assertThrows(IllegalArgumentException.class, () -> new TotalStaked.ExitQueue(1, eth(33), eth(32)));
    }
}
