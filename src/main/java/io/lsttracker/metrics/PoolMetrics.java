package io.lsttracker.metrics;

import io.lsttracker.config.PoolDefinition;
import io.lsttracker.config.PoolRegistry;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Snapshot;
import io.lsttracker.domain.Wei;
import io.lsttracker.snapshot.SnapshotListener;
import io.lsttracker.store.SnapshotStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import java.math.BigInteger;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tracker's figures as Prometheus gauges, one series per pool: the latest stored snapshot's values,
 * refreshed as each snapshot is recorded and read back from the store at start-up, so a restart does not
 * blank the metrics. Gauges are floating point, as Prometheus is; the exact figures are in the JSON API.
 */
@Context
@Requires(env = "server")
public final class PoolMetrics implements SnapshotListener {
    private static final Logger LOG = LoggerFactory.getLogger(PoolMetrics.class);

    private final AtomicReference<Snapshot> latest = new AtomicReference<>();
    private final Map<String, PoolState> byPool = new ConcurrentHashMap<>();

    public PoolMetrics(PoolRegistry registry, MeterRegistry meters, SnapshotStore store) {
        for (PoolDefinition pool : registry.pools()) {
            String id = pool.id().value();
            gauge(meters, "lst.pool.eth.per.token", "ETH one token (Lido, ether.fi: one share) is worth", id, null,
                    s -> ether(s.ethPerToken()));
            gauge(meters, "lst.pool.staked.eth", "ETH behind the pool's token", id, null, s -> ether(s.totalEth()));
            gauge(meters, "lst.pool.token.supply", "Total supply of the pool's token", id, null,
                    s -> ether(s.tokenSupply()));
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
        Snapshot current = latest.get();
        if (current == null || snapshot.block().number() >= current.block().number()) {
            update(snapshot);
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
