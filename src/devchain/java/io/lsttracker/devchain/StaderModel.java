package io.lsttracker.devchain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Stader's figures in the simulation, in exact wei: the oracle's last report (total ETH and the ETHx supply
 * at the report) and ETHx's live supply. Deposits mint convertToShares(eth) = eth x reportedSupply /
 * reportedEth, rounded down, at the reported rate; withdrawals burn ETHx. Only a report moves the rate: it
 * takes the live supply and the ETH behind it, grown by the net growth since the last report.
 */
final class StaderModel {
    private static final BigInteger ETH = BigInteger.TEN.pow(18);
    private static final MathContext MC = MathContext.DECIMAL128;

    private BigInteger reportedEth;
    private BigInteger reportedSupply;
    private BigInteger liveSupply;

    StaderModel(BigInteger totalEth, BigInteger ethxSupply) {
        this.reportedEth = totalEth;
        this.reportedSupply = ethxSupply;
        this.liveSupply = ethxSupply;
    }

    /** A deposit of {@code eth}; returns the ETHx minted. */
    BigInteger deposit(BigInteger eth) {
        BigInteger minted = eth.multiply(reportedSupply).divide(reportedEth);
        liveSupply = liveSupply.add(minted);
        return minted;
    }

    void burn(BigInteger ethx) {
        liveSupply = liveSupply.subtract(ethx);
    }

    /** An exchange rate report whose net effect on the rate is {@code netGrowth}. */
    void report(BigDecimal netGrowth) {
        BigDecimal rate = new BigDecimal(reportedEth).divide(new BigDecimal(reportedSupply), MC);
        BigDecimal newRate = rate.multiply(BigDecimal.ONE.add(netGrowth, MC), MC);
        reportedEth = newRate.multiply(new BigDecimal(liveSupply), MC).setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
        reportedSupply = liveSupply;
    }

    BigInteger reportedEth() {
        return reportedEth;
    }

    BigInteger reportedSupply() {
        return reportedSupply;
    }

    BigInteger liveSupply() {
        return liveSupply;
    }

    /** getExchangeRate(): reported ETH x 1e18 / reported supply, rounded down; 1e18 if either is zero. */
    BigInteger exchangeRate() {
        if (reportedEth.signum() == 0 || reportedSupply.signum() == 0) {
            return ETH;
        }
        return reportedEth.multiply(ETH).divide(reportedSupply);
    }
}
