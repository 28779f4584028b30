package io.lsttracker.rewards;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Lido's TokenRebased event (Lido.sol, V2 and later; abi/LidoStETH.json): the totals before and after one
 * accounting-oracle report. Lido's own APR takes the share rate before and after the report,
 * {@code totalEther * 1e27 / totalShares} in integer arithmetic (docs.lido.fi, "integrations/api", the
 * TokenRebased APR formula), and annualises the change over the report's {@code timeElapsed}, so a report
 * that follows a missed day is annualised over its two real days.
 *
 * @param block the block that emitted the event
 */
public record TokenRebased(long block, long reportTimestamp, long timeElapsed, BigInteger preTotalShares,
        BigInteger preTotalEther, BigInteger postTotalShares, BigInteger postTotalEther,
        BigInteger sharesMintedAsFees) {

    /** Lido's share rates carry 27 decimals. */
    public static final int RATE_DECIMALS = 27;
    private static final BigInteger E27 = BigInteger.TEN.pow(RATE_DECIMALS);

    /** Share rate before the report, with 27 decimals; zero when there were no shares. */
    public BigDecimal preRate() {
        return rate(preTotalEther, preTotalShares);
    }

    public BigDecimal postRate() {
        return rate(postTotalEther, postTotalShares);
    }

    private static BigDecimal rate(BigInteger ether, BigInteger shares) {
        if (shares.signum() == 0) {
            return BigDecimal.ZERO.setScale(RATE_DECIMALS);
        }
        return Annualised.rate(ether.multiply(E27).divide(shares), RATE_DECIMALS);
    }

    /**
     * One step per report, from its pre to its post rate over [reportTimestamp - timeElapsed, reportTimestamp].
     * The start block is the previous report's block when that report is in {@code reports} (the pre state
     * is the state the previous report left, moved only by deposits and withdrawals at the same rate).
     */
    public static List<RateStep> steps(List<TokenRebased> reports) {
        List<TokenRebased> sorted = reports.stream()
                .sorted(java.util.Comparator.comparingLong(TokenRebased::block)).toList();
        List<RateStep> steps = new ArrayList<>();
        TokenRebased previous = null;
        for (TokenRebased report : sorted) {
            Long startBlock = previous == null ? null : previous.block();
            steps.add(new RateStep(startBlock, Instant.ofEpochSecond(report.reportTimestamp() - report.timeElapsed()),
                    report.preRate(), report.block(), Instant.ofEpochSecond(report.reportTimestamp()),
                    report.postRate()));
            previous = report;
        }
        return steps;
    }
}
