package io.lsttracker.devchain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A simulated pool whose token gains value at a net APR: its --apr flag, else the pool's default. It holds the
 * simulation's arithmetic and the two daily events most pools share: an oracle report that changes the pool's
 * rate by the APR's growth over the time since the previous report, or by the loss of the negative day; and
 * users' deposits (even days) or withdrawals (odd days), which move the supply but not the rate.
 *
 * <p>The APR is net, the holders' rate: each report grows the rate by apr/100 x elapsed / 365 days, which
 * is exactly what the per-report APR formula gives back, up to wei rounding (see {@link DevchainParameters}).
 */
public abstract class AccruingPool implements SimulatedPool {
    protected static final MathContext MC = MathContext.DECIMAL128;
    private static final BigDecimal SECONDS_PER_YEAR = BigDecimal.valueOf(31_536_000);

    private final String poolId;
    private final BigDecimal aprPercent;
    private final DevchainParameters parameters;
    private final Map<String, String> contracts;
    private long lastReport;

    /**
     * @param poolId            the pool id of config/pools.yml this simulation stands for
     * @param defaultAprPercent the net APR without an --apr flag for the pool
     * @param contracts         see {@link #contracts()}
     */
    protected AccruingPool(String poolId, BigDecimal defaultAprPercent, DevchainParameters parameters,
            Map<String, String> contracts) {
        this.poolId = poolId;
        this.aprPercent = parameters.aprPercent(poolId, defaultAprPercent);
        this.parameters = parameters;
        this.contracts = Map.copyOf(contracts);
    }

    /** One oracle report: its reference time, the seconds since the last one, and the change it makes to the rate. */
    public record Report(long timestamp, long elapsed, boolean negative, BigDecimal change) {
    }

    /** What a pool does at its report: apply the change to its state and write it to the chain. */
    @FunctionalInterface
    protected interface ReportAction {
        void apply(ChainWriter chain, Report report);
    }

    @Override
    public final String poolId() {
        return poolId;
    }

    @Override
    public final Map<String, String> contracts() {
        return contracts;
    }

    /** The net APR in percent this pool simulates. */
    public final BigDecimal aprPercent() {
        return aprPercent;
    }

    /** The rate at the start of the history such that simple growth at the APR ends near {@code headRate}. */
    protected final BigDecimal startRate(BigDecimal headRate) {
        BigDecimal years = BigDecimal.valueOf(parameters.historyDays()).divide(BigDecimal.valueOf(365), MC);
        return headRate.divide(BigDecimal.ONE.add(aprPercent.movePointLeft(2).multiply(years, MC), MC), MC);
    }

    /** Net growth of a rate over {@code seconds} at {@code aprPercent}: apr/100 x seconds / 365 days. */
    protected static BigDecimal growth(BigDecimal aprPercent, long seconds) {
        return aprPercent.movePointLeft(2).multiply(BigDecimal.valueOf(seconds), MC).divide(SECONDS_PER_YEAR, MC);
    }

    /** Net growth over {@code seconds} at this pool's APR. */
    protected final BigDecimal growth(long seconds) {
        return growth(aprPercent, seconds);
    }

    /** The negative day's change of a rate: minus the configured basis points. */
    protected final BigDecimal loss() {
        return BigDecimal.valueOf(parameters.negativeRebaseBps()).movePointLeft(4).negate();
    }

    /** The oracle reported at {@code timestamp}: the next report's growth runs from there. */
    protected final void reportedAt(long timestamp) {
        lastReport = timestamp;
    }

    /** The oracle's report of the day, as of {@code offset} after midnight and sent at once. */
    protected final DailyEvent report(HistoryDay day, long offset, String description, ReportAction action) {
        return report(day, offset, 0, description, action);
    }

    /**
     * The oracle's report of the day, as of {@code offset} after midnight and sent {@code delay} seconds later:
     * the loss on the negative day, else the growth since the last report.
     */
    protected final DailyEvent report(HistoryDay day, long offset, long delay, String description,
            ReportAction action) {
        long timestamp = day.midnight() + offset;
        return new DailyEvent(offset + delay, description, chain -> {
            long elapsed = timestamp - lastReport;
            BigDecimal change = day.negative() ? loss() : growth(elapsed);
            lastReport = timestamp;
            action.apply(chain, new Report(timestamp, elapsed, day.negative(), change));
        });
    }

    /**
     * Users' flows of the day at {@code offset} after midnight: on even days {@code deposits} takes
     * {@code deposit} whole ETH or tokens in, on odd days {@code withdrawals} takes {@code withdrawal} out (each
     * as the protocol counts it: ETH in, tokens burned, ...), in wei.
     */
    protected static DailyEvent flow(HistoryDay day, long offset, String description, long deposit, long withdrawal,
            BiConsumer<ChainWriter, BigInteger> deposits, BiConsumer<ChainWriter, BigInteger> withdrawals) {
        return new DailyEvent(offset, description, day.index() % 2 == 0
                ? chain -> deposits.accept(chain, ether(deposit))
                : chain -> withdrawals.accept(chain, ether(withdrawal)));
    }

    /** Users' flows that add to or take from one figure: {@code change} takes the wei, negative on odd days. */
    protected static DailyEvent flow(HistoryDay day, long offset, String description, long deposit, long withdrawal,
            BiConsumer<ChainWriter, BigInteger> change) {
        return flow(day, offset, description, deposit, withdrawal, change,
                (chain, amount) -> change.accept(chain, amount.negate()));
    }

    /** {@code units} whole ETH (or 18-decimal tokens), in wei. */
    protected static BigInteger ether(long units) {
        return BigInteger.valueOf(units).multiply(Devchain.ETH);
    }

    /** {@code wei} x {@code factor}, rounded down to the wei. */
    protected static BigInteger times(BigInteger wei, BigDecimal factor) {
        return floor(new BigDecimal(wei).multiply(factor, MC));
    }

    /** {@code wei} / {@code rate}, rounded down to the wei: the tokens worth {@code wei} at that rate. */
    protected static BigInteger divide(BigInteger wei, BigDecimal rate) {
        return floor(new BigDecimal(wei).divide(rate, MC));
    }

    protected static BigInteger floor(BigDecimal value) {
        return value.setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
    }
}
