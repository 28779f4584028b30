package io.lsttracker.metrics;

import io.lsttracker.pool.PoolDefinition;
import io.lsttracker.pool.PoolRegistry;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Snapshot;
import io.lsttracker.domain.Wei;
import io.lsttracker.snapshot.SnapshotListener;
import io.lsttracker.snapshot.SnapshotStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.lsttracker.rewards.Window;
import io.lsttracker.rewards.RewardService;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tracker's figures as Prometheus gauges, one series per pool: the latest stored snapshot's values,
 * refreshed as each snapshot is recorded and read back from the store at start-up, so a restart does not
 * blank the metrics. The APR windows are computed then too, after the report events of the new snapshots were
 * indexed ({@link Order}: this listener is heard last), never during a scrape, so /prometheus answers at once while
 * the database is down. Gauges are floating point, as Prometheus is; the exact figures are in the JSON API.
 */
@Context
@Requires(env = "server")
@Order(Ordered.LOWEST_PRECEDENCE)
public final class PoolMetrics implements SnapshotListener {
    private static final Logger LOG = LoggerFactory.getLogger(PoolMetrics.class);

    private final AtomicReference<Snapshot> latest = new AtomicReference<>();
    private final Map<String, PoolState> byPool = new ConcurrentHashMap<>();
    private final PoolRegistry registry;
    private final RewardService rewards;
    private volatile Map<String, Map<Window, BigDecimal>> aprs = Map.of();

    public PoolMetrics(PoolRegistry registry, MeterRegistry meters, SnapshotStore store, RewardService rewards) {
        this.registry = registry;
        this.rewards = rewards;
        for (PoolDefinition pool : registry.pools()) {
            String id = pool.id().value();
            gauge(meters, "lst.pool.eth.per.token", "ETH one token (Lido, ether.fi: one share) is worth", id, null,
                    s -> ether(s.ethPerToken()));
            gauge(meters, "lst.pool.staked.eth", "ETH behind the pool's token", id, null, s -> ether(s.totalEth()));
            gauge(meters, "lst.pool.token.supply", "Total supply of the pool's token", id, null,
                    s -> ether(s.tokenSupply()));
            for (Window window : Window.of(io.lsttracker.rewards.RewardService.method(pool).id())) {
                Gauge.builder("lst.pool.apr", this, m -> m.apr(id, window))
                        .description("APR over the window, as a fraction (0.028 = 2.8%); NaN when the window has no rate")
                        .tag("pool", id).tag("window", window.label()).baseUnit("ratio").register(meters);
            }
            Gauge.builder("lst.pool.up", byPool, m -> m.containsKey(id) ? (m.get(id).isOk() ? 1 : 0) : Double.NaN)
                    .description("1 if the pool was read in the latest snapshot, 0 if it failed")
                    .tag("pool", id).register(meters);
        }
        Gauge.builder("lst.snapshot.block", latest, ref -> ref.get() == null ? Double.NaN : ref.get().block().number())
                .description("Block number of the latest stored snapshot").register(meters);
        Gauge.builder("lst.snapshot.block.timestamp", latest,
                        ref -> ref.get() == null ? Double.NaN : ref.get().block().timestamp().getEpochSecond())
                .description("Timestamp of the latest stored snapshot's block").baseUnit("seconds").register(meters);
        try {
            store.latest().ifPresent(this::update);
        } catch (RuntimeException e) {
            LOG.warn("metrics start empty: cannot read the latest snapshot: {}", e.getMessage());
        }
        refreshAprs();
    }

    private void gauge(MeterRegistry meters, String name, String description, String pool, String unit,
            java.util.function.Function<PoolState, Double> value) {
        Gauge.builder(name, byPool, m -> {
            PoolState state = m.get(pool);
            return state == null || !state.isOk() ? Double.NaN : value.apply(state);
        }).description(description).tag("pool", pool).baseUnit(unit).register(meters);
    }

    @Override
    public void recorded(Snapshot snapshot, SnapshotStore.SaveOutcome outcome) {
        recordedAll(java.util.List.of(new Recorded(snapshot, outcome)));
    }

    @Override
    public void recordedAll(java.util.List<Recorded> recorded) {
        for (Recorded r : recorded) {
            Snapshot current = latest.get();
            if (current == null || r.snapshot().block().number() >= current.block().number()) {
                update(r.snapshot());
            }
        }
        refreshAprs(); // new history: the reward windows once per batch
    }

    private double apr(String pool, Window window) {
        BigDecimal apr = aprs.getOrDefault(pool, Map.of()).get(window);
        return apr == null ? Double.NaN : apr.doubleValue();
    }

    private synchronized void refreshAprs() {
        Map<String, Map<Window, BigDecimal>> computed = new ConcurrentHashMap<>();
        try {
            for (PoolDefinition pool : registry.pools()) {
                Map<Window, BigDecimal> windows = new java.util.EnumMap<>(Window.class);
                rewards.rewards(pool).windows().stream().filter(w -> w.apr() != null)
                        .forEach(w -> windows.put(w.window(), w.apr()));
                computed.put(pool.id().value(), windows);
            }
            aprs = computed;
        } catch (RuntimeException e) {
            LOG.warn("APR metrics not refreshed: {}", e.getMessage());
        }
    }

    private void update(Snapshot snapshot) {
        latest.set(snapshot);
        snapshot.pools().forEach(state -> byPool.put(state.id().value(), state));
    }

    private static double ether(BigInteger wei) {
        return Wei.toEther(wei).doubleValue();
    }
}
