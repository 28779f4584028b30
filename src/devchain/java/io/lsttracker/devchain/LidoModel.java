package io.lsttracker.devchain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Lido's accounting in the simulation, in exact wei: pooled ether, shares, and what an oracle report does
 * to them. Rewards are taken gross, and Lido's 10% fee is minted as new shares the way Lido mints them
 * (shares = rewards x fee x preShares / (postEther - rewards x fee)), so the share rate grows by the net
 * rate. For a net growth g over the report, gross rewards R = E x g / (1 - fee) give exactly
 * postRate = (E + (1 - fee) R) / P = preRate x (1 + g), before wei rounding.
 */
final class LidoModel {
    static final BigDecimal FEE = new BigDecimal("0.10");
    private static final BigInteger ETH = BigInteger.TEN.pow(18);
    private static final BigInteger VALIDATOR_BALANCE = BigInteger.valueOf(32).multiply(ETH);
    private static final MathContext MC = MathContext.DECIMAL128;

    private BigInteger pooledEther;
    private BigInteger shares;

    LidoModel(BigInteger pooledEther, BigInteger shares) {
        this.pooledEther = pooledEther;
        this.shares = shares;
    }

    record Report(BigInteger preEther, BigInteger preShares, BigInteger postEther, BigInteger postShares,
            BigInteger sharesMintedAsFees) {
    }

    /** A report whose net effect on the share rate is {@code netGrowth} (negative: a loss, no fee taken). */
    Report report(BigDecimal netGrowth) {
        BigInteger preEther = pooledEther;
        BigInteger preShares = shares;
        BigInteger feeShares = BigInteger.ZERO;
        if (netGrowth.signum() >= 0) {
            BigDecimal gross = new BigDecimal(preEther).multiply(netGrowth, MC)
                    .divide(BigDecimal.ONE.subtract(FEE), MC);
            BigInteger rewards = gross.setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
            pooledEther = preEther.add(rewards);
            BigDecimal feeEther = new BigDecimal(rewards).multiply(FEE, MC);
            feeShares = feeEther.multiply(new BigDecimal(preShares), MC)
                    .divide(new BigDecimal(pooledEther).subtract(feeEther, MC), MC)
                    .setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
            shares = preShares.add(feeShares);
        } else {
            BigInteger loss = new BigDecimal(preEther).multiply(netGrowth.negate(), MC)
                    .setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
            pooledEther = preEther.subtract(loss);
        }
        return new Report(preEther, preShares, pooledEther, shares, feeShares);
    }

    /** A deposit (positive) or withdrawal (negative) of ether, at the current share rate. */
    void flow(BigInteger ether) {
        BigInteger newShares = ether.multiply(shares).divide(pooledEther);
        pooledEther = pooledEther.add(ether);
        shares = shares.add(newShares);
    }

    BigInteger pooledEther() {
        return pooledEther;
    }

    BigInteger shares() {
        return shares;
    }

    /** ETH per share as Lido answers getPooledEthByShares(1e18): rounded down. */
    BigInteger shareRate() {
        return ETH.multiply(pooledEther).divide(shares);
    }

    /** 98% of the pooled ether sits on the beacon chain; the rest is buffered. */
    BigInteger beaconBalance() {
        return pooledEther.multiply(BigInteger.valueOf(98)).divide(BigInteger.valueOf(100));
    }

    BigInteger beaconValidators() {
        return beaconBalance().divide(VALIDATOR_BALANCE);
    }

    BigInteger depositedValidators() {
        return beaconValidators().add(BigInteger.valueOf(40));
    }
}
