package io.lsttracker.devchain.stakewise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lsttracker.devchain.Devchain;
import io.lsttracker.devchain.DevchainParameters;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The controller's per-second accrual and checkpoint, against figures computed by hand. */
class StakeWiseModelTest {
    private static final BigInteger ETH = Devchain.ETH;
    private static final long T0 = 1_750_000_000L;

    private StakeWiseModel oneHourCase() {
        StakeWiseModel model = new StakeWiseModel(BigInteger.valueOf(187_000).multiply(ETH),
                BigInteger.valueOf(200_000).multiply(ETH), BigInteger.valueOf(500), T0);
        model.setAvgRewardPerSecond(T0, BigInteger.valueOf(868_000_000));
        return model;
    }

    @Test
    void accruesEverySecondNetOfTheFee() {
        StakeWiseModel model = oneHourCase();
        assertEquals(BigInteger.valueOf(200_000).multiply(ETH), model.totalAssets(T0));
        // profit = 868,000,000 x 200,000e18 x 3,600 / 1e18 = 624,960,000,000,000,000; fee 5% = 31,248,000,000,000,000
        // totalAssets = 200,000e18 + 624,960,000,000,000,000 - 31,248,000,000,000,000
        assertEquals(new BigInteger("200000593712000000000000"), model.totalAssets(T0 + 3600));
        // 1e18 x 200,000.593712 / 187,000 = 1.0695218915080213903..., rounded down
        assertEquals(new BigInteger("1069521891508021390"), model.convertToAssets(T0 + 3600, ETH));
        // one second later: profit 173,600,000,000,000 less 8,680,000,000,000 of fee
        assertEquals(new BigInteger("200000593876920000000000"), model.totalAssets(T0 + 3601));
    }

    @Test
    void aCheckpointMintsTheFeeAsSharesAndKeepsTheRate() {
        StakeWiseModel model = oneHourCase();
        model.updateState(T0 + 3600);
        // fee shares = 31,248,000,000,000,000 x 187,000e18 / (200,000.62496e18 - 31,248,000,000,000,000)
        //            = 29,216,793,268,196,175.9..., rounded down
        assertEquals(new BigInteger("187000029216793268196175"), model.totalShares());
        assertEquals(new BigInteger("200000624960000000000000"), model.totalAssets(T0 + 3600));
        // 1e18 x 200,000.62496 / 187,000.029216793268196175 rounds down to the same rate as before the checkpoint
        assertEquals(new BigInteger("1069521891508021390"), model.convertToAssets(T0 + 3600, ETH));
    }

    @Test
    void aMintBooksTheAssetsAtTheCurrentRate() {
        StakeWiseModel model = oneHourCase();
        // 300 x 1.0695218915080213903... = 320.856567452406417112..., rounded down to wei
        assertEquals(new BigInteger("320856567452406417112"), model.mint(T0 + 3600, BigInteger.valueOf(300).multiply(ETH)));
    }

    @Test
    void theSimulationsRewardGivesTheAprNetOfTheFee() {
        // 0.026 / (31,536,000 s x 0.95) = 0.026 / 29,959,200 = 8.6784693817...e-10 a second, in 1e18 units
        assertEquals(BigInteger.valueOf(867_846_938), SimulatedStakeWise.avgRewardPerSecond(new BigDecimal("2.60")));
    }

    @Test
    void aNegativeAprIsRefusedRatherThanClamped() {
        DevchainParameters defaults = DevchainParameters.defaults(4);
        DevchainParameters negative = new DevchainParameters(4, java.util.Map.of("stakewise", new BigDecimal("-1")),
                defaults.negativeRebaseDay(), defaults.negativeRebaseBps(), defaults.skippedLidoReportDay(),
                defaults.historyBlockSeconds(), 0);
        assertThrows(IllegalArgumentException.class, () -> new SimulatedStakeWise(negative));
    }
}
