package io.lsttracker.alert;

import io.lsttracker.alert.AlertRule.Metric;
import io.lsttracker.concentration.Concentration;
import io.lsttracker.concentration.Concentration.Measures;
import io.lsttracker.domain.Tau;
import io.lsttracker.concentration.ConcentrationReport;
import io.lsttracker.concentration.ConcentrationReport.PoolShare;
import io.lsttracker.domain.PoolId;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Snapshot;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The value a rule looks at, per subject, in one snapshot: pure. Subjects are pool ids for per-pool metrics and
 * "all" for the measures over every pool. A value that cannot be had (a pool failed, no beacon total, a tau-index
 * the pools do not reach, no previous rate) is empty, which the evaluator takes as "no news".
 */
public final class Observations {
    public static final String ALL = "all";
    /** Relative rate changes keep 27 decimals, so a fall of one wei in a rate near 1e18 stays negative. */
    static final int CHANGE_SCALE = 27;

    private Observations() {
    }

    /**
     * @param previousRates each pool's ethPerToken at the previous snapshot (for negative-rebase)
     */
    public static Map<String, Optional<BigDecimal>> of(AlertRule rule, Snapshot snapshot, ConcentrationReport report,
            Map<PoolId, BigInteger> previousRates) {
        Map<String, Optional<BigDecimal>> values = new LinkedHashMap<>();
        switch (rule.metric()) {
            case POOL_SHARE_OF_STAKED -> report.pools().stream().filter(p -> applies(rule, p.id()))
                    .forEach(p -> values.put(p.id().value(), p.shareOfStaked()));
            case POOL_SHARE_OF_LSTS -> report.pools().stream().filter(p -> applies(rule, p.id()))
                    .forEach(p -> values.put(p.id().value(), Optional.of(p.shareOfLsts())));
            case TOP_N_SHARE_OF_STAKED -> values.put(ALL,
                    report.staked().map(s -> topN(report.pools(), rule.n(), s.wei())));
            case TOP_N_SHARE_OF_LSTS -> values.put(ALL, Optional.of(topN(report.pools(), rule.n(), report.lstTotal())));
            case TAU_OF_STAKED -> values.put(ALL, report.amongStaked().flatMap(m -> tau(m, rule.tau())));
            case TAU_OF_LSTS -> values.put(ALL, tau(report.amongLsts(), rule.tau()));
            case HHI_OF_STAKED -> values.put(ALL, report.amongStaked().map(Measures::hhi));
            case HHI_OF_LSTS -> values.put(ALL, Optional.of(report.amongLsts().hhi()));
            case NEGATIVE_REBASE -> snapshot.pools().stream().filter(p -> applies(rule, p.id())).forEach(p ->
                    values.put(p.id().value(), rateChange(p, previousRates.get(p.id()))));
            case RATE_JUMP -> snapshot.pools().stream().filter(p -> applies(rule, p.id())).forEach(p ->
                    values.put(p.id().value(), rateChange(p, previousRates.get(p.id())).map(BigDecimal::abs)));
            case STALE, REORG_TOO_DEEP -> { } // from the cycle, not from a snapshot: see AlertService.checkStaleness
        }
        return values;
    }

    /** (rate - previous) / previous, exact to {@link #CHANGE_SCALE} decimals; empty without both rates. */
    static Optional<BigDecimal> rateChange(PoolState pool, BigInteger previous) {
        if (!pool.isOk() || previous == null || previous.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(pool.ethPerToken().subtract(previous))
                .divide(new BigDecimal(previous), CHANGE_SCALE, RoundingMode.HALF_EVEN));
    }

    static BigDecimal topN(List<PoolShare> pools, int n, BigInteger denominator) {
        BigInteger top = pools.stream().map(PoolShare::stake).sorted(Comparator.reverseOrder()).limit(n)
                .reduce(BigInteger.ZERO, BigInteger::add);
        return Concentration.share(top, denominator);
    }

    private static Optional<BigDecimal> tau(Measures m, String label) {
        for (Tau t : Tau.values()) {
            if (t.label().equals(label)) {
                return m.tau(t).map(BigDecimal::valueOf);
            }
        }
        throw new IllegalArgumentException("no tau " + label);
    }

    private static boolean applies(AlertRule rule, PoolId pool) {
        return rule.pool().map(pool.value()::equals).orElse(true);
    }
}
