package io.lsttracker.devchain.etherfi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The LiquidityPool's share arithmetic and rounding, on small wei figures computed by hand. */
class EtherFiModelTest {

    private static BigInteger wei(long value) {
        return BigInteger.valueOf(value);
    }

    @Test
    void depositsRoundDownWithdrawalsRoundUpAndFeesAreMintedAtTheNewRate() {
        EtherFiModel model = new EtherFiModel(wei(990), wei(10), wei(900));
        assertEquals(wei(1000), model.pooledEther());
        // 1e18 x 1,000 / 900, rounded down
        assertEquals(new BigInteger("1111111111111111111"), model.shareRate());

        model.deposit(wei(100)); // 100 x 900 / 1,000 = 90 shares
        assertEquals(wei(990), model.shares());
        assertEquals(wei(110), model.inLp());

        model.withdraw(wei(51)); // 51 x 990 / 1,100 = 45.9 shares: 46 burned, rounded up
        assertEquals(wei(944), model.shares());
        assertEquals(wei(1049), model.pooledEther());

        // rewards of 90 out of the pool make 1,139; the 10 of fees then buy 10 x 944 / 1,139 = 8.28 -> 8 shares
        model.rebase(wei(90), wei(10));
        assertEquals(wei(952), model.shares());
        assertEquals(wei(1090), model.outOfLp());
        assertEquals(wei(1149), model.pooledEther());
        // 1e18 x 1,149 / 952 = 1.2069327731092436974..., rounded down
        assertEquals(new BigInteger("1206932773109243697"), model.shareRate());

        model.rebase(wei(-39), BigInteger.ZERO); // a loss: 1,110 over the same 952 shares
        assertEquals(new BigInteger("1165966386554621848"), model.shareRate());
    }

    @Test
    void withoutSharesTheRateIsZeroAsAmountForShareAnswers() {
        assertEquals(BigInteger.ZERO, new EtherFiModel(wei(0), wei(0), wei(0)).shareRate());
    }
}
