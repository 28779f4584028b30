package io.lsttracker.metrics;

import io.lsttracker.domain.Tau;
import io.lsttracker.entity.Entity;
import io.lsttracker.entity.EntityMeasures;
import io.lsttracker.entity.EntityReading;
import io.lsttracker.entity.EntityRegistry;
import io.lsttracker.entity.EntityStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.lsttracker.domain.Snapshot;
import io.lsttracker.snapshot.SnapshotListener;
import io.lsttracker.snapshot.SnapshotStore;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who controls the stake as Prometheus gauges, from the latest stored entity reading (docs/ENTITIES.md), kept in
 * memory: read from the store at start-up and each time snapshots are recorded, after the entity reading for them
 * was taken ({@link Order}: this listener is heard last), never during a scrape, so /prometheus answers at once while
 * the database is down: per entity of config/entities.yml and for "unidentified" the share of
 * all staked ETH, the active stake and the validators; over identified entities the HHI and the tau-indices as
 * reported and at worst; the reading's epoch and when it was read. NaN before the first reading.
 */
@Context
@Requires(env = "server")
@Order(Ordered.LOWEST_PRECEDENCE)
public final class EntityMetrics implements SnapshotListener {
    private static final Logger LOG = LoggerFactory.getLogger(EntityMetrics.class);

    private final EntityStore store;
    private volatile Optional<EntityReading> latest = Optional.empty();

    public EntityMetrics(EntityStore store, EntityRegistry registry, MeterRegistry meters) {
        this.store = store;
        List<String> ids = new java.util.ArrayList<>(registry.entities().stream().map(Entity::id).toList());
        ids.add(Entity.UNIDENTIFIED);
        for (String id : ids) {
            Function<EntityReading, Optional<EntityReading.Row>> row = r -> r.row(id);
            Gauge.builder("lst.entity.share.of.staked", this, m -> m.value(r -> row.apply(r)
                            .map(EntityReading.Row::share)))
                    .description("The entity's share of all staked ETH (0..1)").tag("entity", id).baseUnit("ratio")
                    .register(meters);
            Gauge.builder("lst.entity.staked.eth", this, m -> m.value(r -> row.apply(r)
                            .map(x -> new BigDecimal(x.activeStakeGwei()).movePointLeft(9))))
                    .description("The entity's active validators' balances").tag("entity", id).register(meters);
            Gauge.builder("lst.entity.active.validators", this, m -> m.value(r -> row.apply(r)
                            .map(x -> BigDecimal.valueOf(x.activeValidators()))))
                    .description("The entity's active validators").tag("entity", id).register(meters);
        }
        for (String scope : new String[] {"reported", "at-worst"}) {
            Function<EntityReading, EntityMeasures.Measures> measures = scope.equals("reported")
                    ? r -> r.measures().reported() : r -> r.measures().atWorst();
            Gauge.builder("lst.entity.hhi", this, m -> m.value(r -> Optional.of(measures.apply(r).hhi())))
                    .description("HHI of the identified entities' shares of all staked ETH, 0..10,000")
                    .tag("scope", scope).register(meters);
            for (Tau tau : Tau.values()) {
                Gauge.builder("lst.entity.tau", this, m -> m.value(r -> measures.apply(r).tau().get(tau)
                                .map(BigDecimal::valueOf)))
                        .description("Fewest identified entities whose combined stake exceeds the threshold of all "
                                + "staked ETH (NaN: none does)").tag("scope", scope).tag("threshold", tau.label())
                        .register(meters);
            }
        }
        Gauge.builder("lst.entity.reading.epoch", this, m -> m.value(r -> Optional.of(BigDecimal.valueOf(r.epoch()))))
                .description("The epoch of the latest entity reading").register(meters);
        Gauge.builder("lst.entity.reading.timestamp", this, m -> m.value(r -> Optional.of(
                        BigDecimal.valueOf(r.readAt().getEpochSecond()))))
                .description("Unix time of the latest entity reading").baseUnit("seconds").register(meters);
        refresh();
    }

    @Override
    public void recorded(Snapshot snapshot, SnapshotStore.SaveOutcome outcome) {
        refresh();
    }

    @Override
    public void recordedAll(List<Recorded> recorded) {
        refresh(); // the reading is taken once per batch, for its newest snapshot
    }

    private void refresh() {
        try {
            latest = store.latest().map(EntityStore.StoredReading::reading);
        } catch (RuntimeException e) {
            LOG.warn("entity metrics not refreshed: {}", e.getMessage());
        }
    }

    private double value(Function<EntityReading, Optional<BigDecimal>> read) {
        return latest.flatMap(read).map(BigDecimal::doubleValue).orElse(Double.NaN);
    }
}
