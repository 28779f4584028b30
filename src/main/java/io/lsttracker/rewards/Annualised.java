package io.lsttracker.rewards;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * APR and APY of a rate that moved from r0 to r1 over {@code seconds} (docs/REWARDS.md,
 * and Lido's own per-report formula, docs.lido.fi "integrations/api"):
 *
 * <pre>
 *   APR = (r1 - r0) / r0 * SECONDS_PER_YEAR / seconds
 *   APY = (r1 / r0) ^ (SECONDS_PER_YEAR / seconds) - 1        SECONDS_PER_YEAR = 31,536,000 (365 days)
 * </pre>
 *
 * Both are fractions (0.028 is 2.8%) at {@link #SCALE} decimals. APR is exact up to one HALF_EVEN rounding
 * at the 18th decimal: its numerator and denominator are exact products. APY has a fractional exponent, so
 * it is computed as exp(ln(r1/r0) * year/seconds) with 50 significant digits and then rounded to 18
 * decimals. The change is divided by r0, never by 1e18 (the bug that overstated cbETH's APR, 2.84% vs 2.50%).
 * Negative changes give negative rates; nothing is clamped.
 */
public final class Annualised {
    public static final long SECONDS_PER_YEAR = 31_536_000L;
    /** Decimals of every APR and APY (as fractions). */
    public static final int SCALE = 18;
    private static final MathContext MC = new MathContext(50, RoundingMode.HALF_EVEN);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private Annualised() {
    }

    public static BigDecimal apr(BigDecimal r0, BigDecimal r1, long seconds) {
        requireUsable(r0, seconds);
        BigDecimal numerator = r1.subtract(r0).multiply(BigDecimal.valueOf(SECONDS_PER_YEAR));
        BigDecimal denominator = r0.multiply(BigDecimal.valueOf(seconds));
        return numerator.divide(denominator, SCALE, RoundingMode.HALF_EVEN);
    }

    public static BigDecimal apy(BigDecimal r0, BigDecimal r1, long seconds) {
        requireUsable(r0, seconds);
        if (r1.signum() < 0) {
            throw new IllegalArgumentException("the ending rate is negative: " + r1);
        }
        if (r1.signum() == 0) {
            return BigDecimal.ONE.negate().setScale(SCALE); // everything lost
        }
        BigDecimal exponent = ln(r1.divide(r0, MC)).multiply(BigDecimal.valueOf(SECONDS_PER_YEAR), MC)
                .divide(BigDecimal.valueOf(seconds), MC);
        return exp(exponent).subtract(BigDecimal.ONE).setScale(SCALE, RoundingMode.HALF_EVEN);
    }

    private static void requireUsable(BigDecimal r0, long seconds) {
        if (seconds <= 0) {
            throw new IllegalArgumentException("the window must last at least one second, got " + seconds);
        }
        if (r0.signum() <= 0) {
            throw new IllegalArgumentException("the starting rate must be positive, got " + r0);
        }
    }

    /** ln(x) = 2 atanh(z), z = (x - 1) / (x + 1): |z| < 1 for every x > 0, and tiny for rates near 1. */
    static BigDecimal ln(BigDecimal x) {
        BigDecimal z = x.subtract(BigDecimal.ONE).divide(x.add(BigDecimal.ONE), MC);
        BigDecimal z2 = z.multiply(z, MC);
        BigDecimal term = z;
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal epsilon = BigDecimal.ONE.movePointLeft(MC.getPrecision() + 5);
        for (int k = 1; term.abs().compareTo(epsilon) > 0 && k < 100_000; k += 2) {
            sum = sum.add(term.divide(BigDecimal.valueOf(k), MC), MC);
            term = term.multiply(z2, MC);
        }
        return sum.multiply(TWO, MC);
    }

    /** e^y by Taylor series after halving y until it is small, then squaring back. */
    static BigDecimal exp(BigDecimal y) {
        int halvings = 0;
        BigDecimal reduced = y;
        while (reduced.abs().compareTo(new BigDecimal("0.01")) > 0) {
            reduced = reduced.divide(TWO, MC);
            halvings++;
        }
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal term = BigDecimal.ONE;
        BigDecimal epsilon = BigDecimal.ONE.movePointLeft(MC.getPrecision() + 5);
        for (int n = 1; term.abs().compareTo(epsilon) > 0 && n < 1000; n++) {
            term = term.multiply(reduced, MC).divide(BigDecimal.valueOf(n), MC);
            sum = sum.add(term, MC);
        }
        for (int i = 0; i < halvings; i++) {
            sum = sum.multiply(sum, MC);
        }
        return sum;
    }

    /** An integer rate with {@code decimals} decimals as an exact decimal (Lido's 1e27 rate: 27). */
    public static BigDecimal rate(BigInteger scaled, int decimals) {
        return new BigDecimal(scaled, decimals);
    }
}
