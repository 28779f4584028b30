package io.lsttracker.devchain.swell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** swETH's reprice arithmetic (the devchain's model of it) on a case worked by hand. */
class SwellModelTest {
    private static final BigInteger ETH = BigInteger.TEN.pow(18);

    @Test
    void aRepriceMintsTheTenPercentFeeAsSwETHAndGrowsTheRateByTheHoldersShare() {
        SwellModel model = new SwellModel(BigInteger.valueOf(100).multiply(ETH), BigInteger.ZERO);
        assertEquals(ETH, model.rate(), "1:1 before the first reprice");

        // First reprice, no rewards: 110 ETH of reserves over 100 swETH fix the rate at 1.1.
        model.reprice(BigInteger.valueOf(110).multiply(ETH), BigInteger.ZERO);
        assertEquals(new BigInteger("1100000000000000000"), model.rate());
        assertEquals(BigInteger.valueOf(110).multiply(ETH), model.reserves());

        // Then 1 ETH of rewards on 110 ETH: reserves 111 ETH; fee 10% of 1 ETH = 0.1 ETH;
        // fee in swETH = (100 x 0.1) / (111 - 0.1) = 10 / 110.9 = 0.090171325518485121... swETH (rounded down);
        // rate = 111 / 100.090171325518485121 = 1.109000000000000000... = (110 + 0.9 x 1) / 100.
        model.reprice(BigInteger.valueOf(110).multiply(ETH), ETH);
        assertEquals(new BigInteger("1109000000000000000"), model.rate());
        assertEquals(BigInteger.valueOf(111).multiply(ETH), model.reserves());
        assertEquals(new BigInteger("100090171325518485121"), model.supply());

        // A 1.109 ETH deposit mints 1.109 / 1.109 = 1 swETH; it moves neither the rate nor the reserves.
        model.deposit(new BigInteger("1109000000000000000"));
        assertEquals(new BigInteger("101090171325518485121"), model.supply());
        assertEquals(new BigInteger("1109000000000000000"), model.rate());
        assertEquals(BigInteger.valueOf(111).multiply(ETH), model.reserves());
        assertEquals(new BigInteger("1109000000000000000"), model.deposited());
    }
}
