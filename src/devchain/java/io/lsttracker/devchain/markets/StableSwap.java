package io.lsttracker.devchain.markets;

import java.math.BigInteger;

/**
 * The integer StableSwap arithmetic of src/devchain/contracts/curve/SimCurveStableSwap.sol, step for step, so the
 * devchain can plan a market's balances (the balances that make a 1-token sale answer a given price) and say what
 * the simulated pool quotes. Two coins; A as A() answers it (Curve's A n^(n-1), scaled here by
 * {@link #A_PRECISION}); the fee in units of 1e10; rates in ETH per coin x 1e18. See the contract for the
 * invariant and its source.
 */
public final class StableSwap {
    static final BigInteger A_PRECISION = BigInteger.valueOf(100);
    static final BigInteger FEE_DENOMINATOR = BigInteger.TEN.pow(10);
    static final BigInteger PRECISION = BigInteger.TEN.pow(18);
    private static final BigInteger N = BigInteger.TWO;
    private static final BigInteger THREE = BigInteger.valueOf(3);

    private final BigInteger ann;
    private final BigInteger fee;

    /**
     * @param a   the amplification as A() answers it
     * @param fee the swap fee in 1e10 units (1e6: 1 bp)
     */
    public StableSwap(long a, long fee) {
        if (a <= 0 || fee < 0 || fee >= FEE_DENOMINATOR.longValueExact()) {
            throw new IllegalArgumentException("A must be positive and the fee in [0, 1e10), got A " + a + ", fee " + fee);
        }
        this.ann = BigInteger.valueOf(a).multiply(A_PRECISION).multiply(N);
        this.fee = BigInteger.valueOf(fee);
    }

    /** The invariant D of balances in ETH terms (xp), 0 for an empty pool. */
    public BigInteger invariant(BigInteger xp0, BigInteger xp1) {
        BigInteger sum = xp0.add(xp1);
        if (sum.signum() == 0) {
            return BigInteger.ZERO;
        }
        BigInteger d = sum;
        for (int round = 0; round < 255; round++) {
            BigInteger dP = d.multiply(d).divide(xp0.multiply(N)).multiply(d).divide(xp1.multiply(N));
            BigInteger previous = d;
            BigInteger numerator = ann.multiply(sum).divide(A_PRECISION).add(dP.multiply(N)).multiply(d);
            BigInteger denominator = ann.subtract(A_PRECISION).multiply(d).divide(A_PRECISION).add(THREE.multiply(dP));
            d = numerator.divide(denominator);
            if (d.subtract(previous).abs().compareTo(BigInteger.ONE) <= 0) {
                return d;
            }
        }
        throw new ArithmeticException("D did not converge");
    }

    /** The other coin's balance in ETH terms when one coin's is {@code x}, at invariant {@code d}. */
    public BigInteger otherBalance(BigInteger x, BigInteger d) {
        BigInteger c = d.multiply(d).divide(x.multiply(N)).multiply(d).multiply(A_PRECISION).divide(ann.multiply(N));
        BigInteger b = x.add(d.multiply(A_PRECISION).divide(ann));
        BigInteger y = d;
        for (int round = 0; round < 255; round++) {
            BigInteger previous = y;
            y = y.multiply(y).add(c).divide(y.multiply(N).add(b).subtract(d));
            if (y.subtract(previous).abs().compareTo(BigInteger.ONE) <= 0) {
                return y;
            }
        }
        throw new ArithmeticException("y did not converge");
    }

    /**
     * get_dy(1, 0, dx): the coin 0 (ETH) paid for {@code dx} of coin 1 (the token), given the balances in each coin's
     * own units and coin 1's rate. Throws ArithmeticException where the contract reverts (an empty pool).
     */
    public BigInteger sellToken(BigInteger balance0, BigInteger balance1, BigInteger rate1, BigInteger dx) {
        BigInteger xp0 = balance0;
        BigInteger xp1 = balance1.multiply(rate1).divide(PRECISION);
        BigInteger x = xp1.add(dx.multiply(rate1).divide(PRECISION));
        BigInteger y = otherBalance(x, invariant(xp0, xp1));
        BigInteger dy = xp0.subtract(y).subtract(BigInteger.ONE);
        if (dy.signum() < 0) {
            throw new ArithmeticException("the pool cannot pay: xp[j] - y - 1 is negative");
        }
        return dy.subtract(dy.multiply(fee).divide(FEE_DENOMINATOR));
    }
}
