package io.lsttracker.devchain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The two-coin StableSwap quote in real numbers, for checking the devchain's integer pools: written from the
 * invariant of Egorov's StableSwap paper (2019) with Curve's convention that A() answers A_paper x n^(n-1), so that
 * Ann = A() x n = A_paper x n^n:
 *
 * <pre>  Ann (x0 + x1) + D = Ann D + D^3 / (4 x0 x1)</pre>
 *
 * D is found by Newton's method on the reals (60 digits), and the bought coin's balance y in closed form: with
 * x1 = x fixed, the invariant is the quadratic y^2 + b y - c = 0, b = x + D / Ann - D, c = D^3 / (4 x Ann), so
 * y = (sqrt(b^2 + 4c) - b) / 2. The pool pays x0 - y, less one wei (Curve keeps it back), less the fee
 * (fee / 1e10 of it). Not the devchain's code: no integer steps, no shared arithmetic.
 */
final class StableSwapReference {
    private static final MathContext MC = new MathContext(60);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal FOUR = BigDecimal.valueOf(4);

    private StableSwapReference() {
    }

    /** D of balances {@code x0}, {@code x1} (ETH terms) for A() = {@code a}. */
    static BigDecimal invariant(BigDecimal x0, BigDecimal x1, long a) {
        BigDecimal ann = BigDecimal.valueOf(a * 2);
        BigDecimal sum = x0.add(x1);
        BigDecimal fourProduct = FOUR.multiply(x0).multiply(x1);
        BigDecimal d = sum;
        for (int i = 0; i < 200; i++) {
            // f(D) = D^3 / (4 x0 x1) + (Ann - 1) D - Ann S; f'(D) = 3 D^2 / (4 x0 x1) + Ann - 1
            BigDecimal f = d.pow(3).divide(fourProduct, MC).add(ann.subtract(BigDecimal.ONE).multiply(d))
                    .subtract(ann.multiply(sum));
            BigDecimal slope = BigDecimal.valueOf(3).multiply(d.pow(2)).divide(fourProduct, MC).add(ann)
                    .subtract(BigDecimal.ONE);
            BigDecimal next = d.subtract(f.divide(slope, MC), MC);
            if (next.subtract(d).abs().compareTo(new BigDecimal("1e-20")) < 0) {
                return next;
            }
            d = next;
        }
        throw new AssertionError("D did not converge");
    }

    /**
     * ETH paid for selling {@code dx} tokens into a pool of {@code balance0} ETH and {@code balance1} tokens worth
     * {@code rate} ETH x 1e18 each, rounded down to the wei.
     */
    static BigInteger sellToken(BigInteger balance0, BigInteger balance1, BigInteger rate, BigInteger dx, long a,
            long fee) {
        BigDecimal perToken = new BigDecimal(rate).movePointLeft(18);
        BigDecimal x0 = new BigDecimal(balance0);
        BigDecimal x1 = new BigDecimal(balance1).multiply(perToken);
        BigDecimal d = invariant(x0, x1, a);
        BigDecimal ann = BigDecimal.valueOf(a * 2);
        BigDecimal x = x1.add(new BigDecimal(dx).multiply(perToken));
        BigDecimal b = x.add(d.divide(ann, MC)).subtract(d);
        BigDecimal c = d.pow(3).divide(FOUR.multiply(x).multiply(ann), MC);
        BigDecimal y = b.pow(2).add(FOUR.multiply(c)).sqrt(MC).subtract(b).divide(TWO, MC);
        BigDecimal paid = x0.subtract(y).subtract(BigDecimal.ONE);
        BigDecimal afterFee = paid.multiply(BigDecimal.ONE.subtract(BigDecimal.valueOf(fee).movePointLeft(10)));
        return afterFee.setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
    }
}
