package io.lsttracker.devchain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lsttracker.beacon.BeaconSettings;
import io.lsttracker.beacon.BeaconStakedTotal;
import io.lsttracker.beacon.TotalStaked;
import io.lsttracker.devchain.beacon.TestStakers;
import io.lsttracker.devchain.beacon.ValidatorSet;
import io.lsttracker.domain.BlockRef;
import io.lsttracker.liquidity.BeaconExitChurn;
import io.lsttracker.liquidity.LiquidityFigures;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The devchain's beacon node serves the exit queue its model made, and the tracker's reading of it (the same
 * source the snapshots use, {@link BeaconStakedTotal}) equals the model's ground truth to the gwei: while the wave of
 * exits grows the queue and after it has drained.
 */
class DevchainExitQueueTest {
    private static final BigInteger GWEI = BigInteger.TEN.pow(9);
    /** The change's exits happen 1,000 epochs after 2026-01-01. */
    private static final long CHANGE = SimulatedBeacon.REFERENCE_SLOT + 32 * 1_000;
    private static final ValidatorSet SET = TestStakers.standardSet(20_000, CHANGE);

    /** A served slot of {@code epoch} (the model misses slots {@code % 20 == 19}). */
    private static long servedSlotOf(long epoch) {
        long slot = epoch * 32;
        return slot % 20 == 19 ? slot + 1 : slot;
    }

    private static BlockRef blockAt(long slot) {
        return new BlockRef(slot, "0x" + "ab".repeat(32), SimulatedBeacon.slotStart(slot).plusSeconds(5));
    }

    @Test
    void theTrackersReadingIsTheModelsQueueWhileItGrowsAndOnceDrained() {
        long s = SET.waveStartEpoch();
        long growing = servedSlotOf(s + 60);
        long drained = servedSlotOf(s + 400);
        try (SimulatedBeacon beacon = SimulatedBeacon.start(
                () -> SimulatedBeacon.slotStart(drained + 100).getEpochSecond(), SET)) {
            BeaconStakedTotal source = new BeaconStakedTotal(new BeaconSettings(beacon.url(), Duration.ofSeconds(30)));

            TotalStaked whileGrowing = source.read(blockAt(growing)).total().orElseThrow();
            assertEquals(growing, whileGrowing.slot());
            ValidatorSet.ExitQueue truth = SET.exitQueue(growing);
            assertEquals(Optional.of(new TotalStaked.ExitQueue(truth.validators(), truth.exitingGwei().multiply(GWEI),
                    truth.activeEffectiveGwei().multiply(GWEI))), whileGrowing.exitQueue());
            // By hand (ValidatorSet's schedule, 20,000 validators: churn 128 ETH, 4 exits an epoch, the wave's
            // requests 12 an epoch): by S + 60 the wave's w with floor(w x 32 / 384) <= 60, w <= 731, have asked,
            // 732; those with S + 4 + ceil((w + 1) / 4) <= S + 60, w + 1 <= 224, have left: 732 - 224 = 508 wait,
            // 508 x 32 = 16,256 ETH. The tracker's wait: 16,256 / (128 x 225 = 28,800) = 0.5644 days -> 0.56.
            assertEquals(508, truth.validators());
            assertEquals(BigInteger.valueOf(16_256).multiply(GWEI), truth.exitingGwei());
            LiquidityFigures.BeaconExitQueue figures = BeaconExitChurn.of(blockAt(growing), growing,
                    whileGrowing.exitQueue().orElseThrow());
            assertEquals(BigInteger.valueOf(128).multiply(GWEI).multiply(GWEI), figures.churnWeiPerEpoch());
            assertEquals(new BigDecimal("0.56"), figures.waitDays());
            // 30 epochs later the queue is longer: 1,092 asked, 344 left, 748 wait.
            long later = servedSlotOf(s + 90);
            assertEquals(748, source.read(blockAt(later)).total().orElseThrow().exitQueue().orElseThrow()
                    .exitingValidators());

            TotalStaked afterwards = source.read(blockAt(drained)).total().orElseThrow();
            ValidatorSet.ExitQueue none = SET.exitQueue(drained);
            assertEquals(0, none.validators()); // the last of the 1,200 left at S + 4 + 300 = S + 304
            assertEquals(Optional.of(new TotalStaked.ExitQueue(0, BigInteger.ZERO,
                    none.activeEffectiveGwei().multiply(GWEI))), afterwards.exitQueue());
            assertEquals(new BigDecimal("0.00"), BeaconExitChurn.of(blockAt(drained), drained,
                    afterwards.exitQueue().orElseThrow()).waitDays());
        }
    }
}
