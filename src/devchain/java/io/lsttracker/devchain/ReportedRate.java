package io.lsttracker.devchain;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * An exchange rate that moves only when an oracle reports, as Rocket Pool's rETH and Stader's ETHx do, in exact
 * wei: the ETH and the token supply of the last report, and the live supply, which mints and burns move between
 * reports. A report takes in the live supply and the ETH behind it, grown by the net growth since the last one,
 * so that reported ETH / reported supply grows by exactly that growth before wei rounding.
 */
public final class ReportedRate {
    private BigInteger reportedEth;
    private BigInteger reportedSupply;
    private BigInteger liveSupply;

    public ReportedRate(BigInteger eth, BigInteger supply) {
        this.reportedEth = eth;
        this.reportedSupply = supply;
        this.liveSupply = supply;
    }

    /** Tokens minted (positive) or burned (negative) between reports. */
    public void flow(BigInteger tokens) {
        liveSupply = liveSupply.add(tokens);
    }

    /** A deposit of {@code eth}: mints eth x reported supply / reported ETH, rounded down, and returns that. */
    public BigInteger deposit(BigInteger eth) {
        BigInteger minted = eth.multiply(reportedSupply).divide(reportedEth);
        flow(minted);
        return minted;
    }

    /** A report whose net effect on the rate is {@code netGrowth}. */
    public void report(BigDecimal netGrowth) {
        BigDecimal rate = new BigDecimal(reportedEth).divide(new BigDecimal(reportedSupply), AccruingPool.MC);
        BigDecimal newRate = rate.multiply(BigDecimal.ONE.add(netGrowth, AccruingPool.MC), AccruingPool.MC);
        reportedEth = AccruingPool.floor(newRate.multiply(new BigDecimal(liveSupply), AccruingPool.MC));
        reportedSupply = liveSupply;
    }

    public BigInteger reportedEth() {
        return reportedEth;
    }

    public BigInteger reportedSupply() {
        return reportedSupply;
    }

    public BigInteger liveSupply() {
        return liveSupply;
    }

    /**
     * ETH per token as both contracts answer it (rETH getExchangeRate(), Stader's getExchangeRate()): reported ETH
     * x 1e18 / reported supply, rounded down; 1e18 when either is zero, which the simulation never reaches.
     */
    public BigInteger exchangeRate() {
        if (reportedEth.signum() == 0 || reportedSupply.signum() == 0) {
            return Devchain.ETH;
        }
        return reportedEth.multiply(Devchain.ETH).divide(reportedSupply);
    }
}
