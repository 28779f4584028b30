package io.lsttracker.devchain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Rocket Pool's balances in the simulation, in exact wei. Deposits mint rETH at once (the live
 * totalSupply), but the exchange rate only moves when the oDAO reports: the report takes in the ETH
 * deposited since the last one and the rewards, so that totalEth / rethSupply grows by the net growth.
 */
final class RocketPoolModel {
    private static final BigInteger ETH = BigInteger.TEN.pow(18);
    private static final MathContext MC = MathContext.DECIMAL128;

    private BigInteger totalEth;
    private BigInteger reportedSupply;
    private BigInteger liveSupply;

    RocketPoolModel(BigInteger totalEth, BigInteger rethSupply) {
        this.totalEth = totalEth;
        this.reportedSupply = rethSupply;
        this.liveSupply = rethSupply;
    }

    /** rETH minted (positive) or burned (negative) by deposits and withdrawals. */
    void flow(BigInteger reth) {
        liveSupply = liveSupply.add(reth);
    }

    /** A balances report whose net effect on the exchange rate is {@code netGrowth}. */
    void report(BigDecimal netGrowth) {
        BigDecimal rate = new BigDecimal(totalEth).divide(new BigDecimal(reportedSupply), MC);
        BigDecimal newRate = rate.multiply(BigDecimal.ONE.add(netGrowth, MC), MC);
        totalEth = newRate.multiply(new BigDecimal(liveSupply), MC).setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
        reportedSupply = liveSupply;
    }

    BigInteger totalEth() {
        return totalEth;
    }

    /** 92% of the ETH is staking on the beacon chain; the rest waits in the deposit pool. */
    BigInteger stakingEth() {
        return totalEth.multiply(BigInteger.valueOf(92)).divide(BigInteger.valueOf(100));
    }

    BigInteger reportedSupply() {
        return reportedSupply;
    }

    BigInteger liveSupply() {
        return liveSupply;
    }

    /** As rETH.getExchangeRate() answers it: getEthValue(1e18), rounded down. */
    BigInteger exchangeRate() {
        return ETH.multiply(totalEth).divide(reportedSupply);
    }
}
