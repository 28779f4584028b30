package io.lsttracker.metrics;

import io.lsttracker.concentration.Concentration.Measures;
import io.lsttracker.domain.Tau;
import io.lsttracker.concentration.ConcentrationReport;
import io.lsttracker.pool.PoolDefinition;
import io.lsttracker.pool.PoolRegistry;
import io.lsttracker.domain.Wei;
import io.lsttracker.concentration.ConcentrationStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.lsttracker.domain.Snapshot;
import io.lsttracker.snapshot.SnapshotListener;
import io.lsttracker.snapshot.SnapshotStore;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Concentration as Prometheus gauges, from the latest stored concentration report: kept in memory, read from the
 * store at start-up and again each time snapshots are recorded (the report is stored in the snapshot's
 * transaction), never during a scrape, so /prometheus answers at once while the database is down. Each pool's share of all staked ETH and of the tracked LSTs, and per scope
 * ({@code lsts}: among the tracked pools, {@code staked}: over all staked ETH) the HHI, the top-3 share and
 * the tau-indices. A figure the report does not have (no beacon node) is NaN.
 */
@Context
@Requires(env = "server")
public final class ConcentrationMetrics implements SnapshotListener {
    private static final Logger LOG = LoggerFactory.getLogger(ConcentrationMetrics.class);

    private final ConcentrationStore store;
    private volatile Optional<ConcentrationReport> latest = Optional.empty();

    public ConcentrationMetrics(ConcentrationStore store, PoolRegistry registry, MeterRegistry meters) {
        this.store = store;
        for (PoolDefinition pool : registry.pools()) {
            String id = pool.id().value();
            gauge(meters, "lst.pool.share.of.staked", "The pool's share of all staked ETH (0..1)", id,
                    r -> share(r, id, true));
            gauge(meters, "lst.pool.share.of.lsts", "The pool's share of the tracked LSTs' ETH (0..1)", id,
                    r -> share(r, id, false));
        }
        for (String scope : new String[] {"lsts", "staked"}) {
            Function<ConcentrationReport, Optional<Measures>> measures = scope.equals("lsts")
                    ? r -> Optional.of(r.amongLsts()) : ConcentrationReport::amongStaked;
            Gauge.builder("lst.concentration.hhi", this, m -> m.value(r -> measures.apply(r).map(Measures::hhi)))
                    .description("Herfindahl-Hirschman index of the pools' shares, 0..10,000").tag("scope", scope)
                    .register(meters);
            Gauge.builder("lst.concentration.top3.share", this,
                            m -> m.value(r -> measures.apply(r).map(Measures::top3Share)))
                    .description("Combined share of the three largest pools (0..1)").tag("scope", scope)
                    .baseUnit("ratio").register(meters);
            for (Tau tau : Tau.values()) {
                Gauge.builder("lst.concentration.tau", this, m -> m.value(r -> measures.apply(r)
                                .flatMap(x -> x.tau(tau)).map(BigDecimal::valueOf)))
                        .description("Fewest pools whose combined share exceeds the threshold (NaN: none does)")
                        .tag("scope", scope).tag("threshold", tau.label()).register(meters);
            }
        }
        Gauge.builder("lst.lido.permissionless.share", this,
                        m -> m.value(r -> r.lidoOperators().flatMap(l -> l.permissionlessShare())))
                .description("Share of Lido's active validators run by permissionless (Community Staking Module) "
                        + "operators (0..1); NaN when CSM is not read").baseUnit("ratio").register(meters);
        Gauge.builder("lst.staked.eth", this, m -> m.value(r -> r.staked().map(s -> Wei.toEther(s.wei()))))
                .description("Total ETH staked on the beacon chain (active validators' balances)").register(meters);
        refresh();
    }

    @Override
    public void recorded(Snapshot snapshot, SnapshotStore.SaveOutcome outcome) {
        refresh();
    }

    @Override
    public void recordedAll(List<Recorded> recorded) {
        refresh(); // once per batch: the newest report is all the gauges show
    }

    private void refresh() {
        try {
            latest = store.latest();
        } catch (RuntimeException e) {
            LOG.warn("concentration metrics not refreshed: {}", e.getMessage());
        }
    }

    private void gauge(MeterRegistry meters, String name, String description, String pool,
            Function<ConcentrationReport, Optional<BigDecimal>> value) {
        Gauge.builder(name, this, m -> m.value(value)).description(description).tag("pool", pool).baseUnit("ratio")
                .register(meters);
    }

    private static Optional<BigDecimal> share(ConcentrationReport report, String pool, boolean ofStaked) {
        return report.pools().stream().filter(p -> p.id().value().equals(pool)).findFirst()
                .flatMap(p -> ofStaked ? p.shareOfStaked() : Optional.of(p.shareOfLsts()));
    }

    private double value(Function<ConcentrationReport, Optional<BigDecimal>> read) {
        return latest.flatMap(read).map(BigDecimal::doubleValue).orElse(Double.NaN);
    }
}
