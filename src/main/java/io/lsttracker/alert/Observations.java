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
import io.lsttracker.clients.ClientDiversity;
import io.lsttracker.clients.ClientWindows;
import io.lsttracker.entity.Entity;
import io.lsttracker.entity.EntityReading;
import io.lsttracker.liquidity.LiquidityFigures;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The value a rule looks at, per subject, in one snapshot: pure. Subjects are pool ids for per-pool metrics, entity
 * ids for per-entity metrics (from the latest entity reading; "unidentified" is never one: it is many stakers) and
 * "all" for the measures over every pool. A value that cannot be had (a pool failed, no beacon total, a tau-index
 * the pools do not reach, no previous rate) is empty, which the evaluator takes as "no news"; with no entity
 * reading yet, a per-entity rule has no subject at all. The liquidity metrics are had from the liquidity figures
 * instead ({@link #ofLiquidity}).
 */
public final class Observations {
    public static final String ALL = "all";
    /** The subject of the client-majority metrics that stands for every block of the network. */
    public static final String NETWORK = "network";
    /** Relative rate changes keep 27 decimals, so a fall of one wei in a rate near 1e18 stays negative. */
    static final int CHANGE_SCALE = 27;

    private Observations() {
    }

    /**
     * @param previousRates each pool's ethPerToken at the previous snapshot (for negative-rebase)
     * @param entities      the latest entity reading, if one is stored (for entity-share-of-staked)
     */
    public static Map<String, Optional<BigDecimal>> of(AlertRule rule, Snapshot snapshot, ConcentrationReport report,
            Map<PoolId, BigInteger> previousRates, Optional<EntityReading> entities) {
        return of(rule, snapshot, report, previousRates, entities, Optional.empty());
    }

    /**
     * @param clients the last 7 days of client diversity as the last reading of blocks computed it, if any (for the
     *                client-majority metrics)
     */
    public static Map<String, Optional<BigDecimal>> of(AlertRule rule, Snapshot snapshot, ConcentrationReport report,
            Map<PoolId, BigInteger> previousRates, Optional<EntityReading> entities,
            Optional<ClientWindows.Report> clients) {
        Map<String, Optional<BigDecimal>> values = new LinkedHashMap<>();
        switch (rule.metric()) {
            // EntityReading.entities() holds the identified entities only; the unidentified row is apart.
            case ENTITY_SHARE_OF_STAKED -> entities.ifPresent(r -> r.entities().stream()
                    .filter(row -> rule.entity().map(row.entity()::equals).orElse(true))
                    .forEach(row -> values.put(row.entity(), Optional.of(row.share()))));
            case CLIENT_MAJORITY_SHARE, EXECUTION_CLIENT_MAJORITY_SHARE -> clients.ifPresent(r -> {
                Map<String, ClientDiversity.Figures> subjects = new LinkedHashMap<>();
                subjects.put(NETWORK, r.network());
                r.entities().forEach((entity, figures) -> {
                    if (!Entity.UNIDENTIFIED.equals(entity)) { // many stakers, not one entity
                        subjects.put(entity, figures);
                    }
                });
                subjects.forEach((subject, figures) -> {
                    ClientDiversity.LayerFigures layer = rule.metric() == Metric.CLIENT_MAJORITY_SHARE
                            ? figures.consensus() : figures.execution();
                    if (rule.entity().map(subject::equals).orElse(true) && layer.identified() >= rule.n()) {
                        values.put(subject, layer.majority().map(ClientDiversity.ClientShare::share));
                    }
                });
            });
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
            case MARKET_DISCOUNT_BPS, EXIT_WAIT_DAYS -> { } // from the liquidity figures: see #ofLiquidity
        }
        return values;
    }

    /**
     * The liquidity metrics' values: per pool with a market, the one-token quote's discount in bps (empty, no news,
     * when the market failed or has no one-token quote); for "network", the beacon exit queue's wait in days.
     *
     * @param figures the pools' liquidity figures at the snapshot's block
     * @param queue   the beacon exit queue's latest reading, if any
     */
    public static Map<String, Optional<BigDecimal>> ofLiquidity(AlertRule rule, List<LiquidityFigures> figures,
            Optional<LiquidityFigures.BeaconExitQueue> queue) {
        Map<String, Optional<BigDecimal>> values = new LinkedHashMap<>();
        switch (rule.metric()) {
            case MARKET_DISCOUNT_BPS -> figures.stream().filter(f -> applies(rule, f.pool()) && f.market().isPresent())
                    .forEach(f -> values.put(f.pool().value(), oneTokenDiscount(f)));
            case EXIT_WAIT_DAYS -> queue.ifPresent(q -> values.put(NETWORK, Optional.of(q.waitDays())));
            default -> { } // the other metrics come from the snapshot: see #of
        }
        return values;
    }

    /** The one-token quote's discount in bps; empty without a quoted market. */
    static Optional<BigDecimal> oneTokenDiscount(LiquidityFigures figures) {
        return figures.market().filter(LiquidityFigures.Market::ok).flatMap(LiquidityFigures.Market::oneToken)
                .map(LiquidityFigures.Quote::discountBps);
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
