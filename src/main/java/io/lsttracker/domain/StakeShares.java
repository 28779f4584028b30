package io.lsttracker.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * The exact arithmetic of shares and HHI (docs/CONCENTRATION.md), shared by the pools' concentration and the
 * entities': every input is an integer amount, and the only rounding is of the result, half-even.
 */
public final class StakeShares {
    /** Decimals of a share (a fraction, 0..1): 18, like the amounts. */
    public static final int SHARE_SCALE = 18;
    /** Decimals of an HHI (0..10,000). */
    public static final int HHI_SCALE = 6;
    private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);

    private StakeShares() {
    }

    /** part / whole at {@link #SHARE_SCALE} decimals, half-even; 0 when the whole is 0. */
    public static BigDecimal share(BigInteger part, BigInteger whole) {
        if (whole.signum() == 0) {
            return BigDecimal.ZERO.setScale(SHARE_SCALE);
        }
        return new BigDecimal(part).divide(new BigDecimal(whole), SHARE_SCALE, RoundingMode.HALF_EVEN);
    }

    /** 10,000 x sumOfSquares / total^2 at {@link #HHI_SCALE} decimals, half-even; 0 when the total is 0. */
    public static BigDecimal hhi(BigInteger sumOfSquares, BigInteger total) {
        if (total.signum() == 0) {
            return BigDecimal.ZERO.setScale(HHI_SCALE);
        }
        return new BigDecimal(sumOfSquares.multiply(TEN_THOUSAND))
                .divide(new BigDecimal(total.multiply(total)), HHI_SCALE, RoundingMode.HALF_EVEN);
    }
}
