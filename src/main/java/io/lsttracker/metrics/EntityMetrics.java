package io.lsttracker.metrics;

import io.lsttracker.domain.Tau;
import io.lsttracker.entity.Entity;
import io.lsttracker.entity.EntityMeasures;
import io.lsttracker.entity.EntityReading;
import io.lsttracker.entity.EntityRegistry;
import io.lsttracker.entity.EntityStore;
import io.lsttracker.entity.LatestEntityReading;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who controls the stake as Prometheus gauges (docs/ENTITIES.md): per entity of config/entities.yml and for
 * "unidentified" the share of all staked ETH, the active stake and the validators; over identified entities,
 * as reported and at worst, the largest entity's share, the top-3 share, the HHI and the tau-indices (the
 * Nakamoto coefficient is tau at 1/2); the reading's epoch and when it was read. NaN before the first reading.
 *
 * <p>A scrape never reads the database: the values come from {@link LatestEntityReading}'s memory, which changes
 * when a reading is stored (or found stored by another replica). The store is read once, at start-up.
 */
@Context
@Requires(env = "server")
public final class EntityMetrics {
    private static final Logger LOG = LoggerFactory.getLogger(EntityMetrics.class);

    private final LatestEntityReading latest;

    public EntityMetrics(LatestEntityReading latest, EntityRegistry registry, MeterRegistry meters) {
        this.latest = latest;
        try {
            latest.get();
        } catch (RuntimeException e) {
            LOG.warn("entity metrics: the latest reading not read at start-up ({}); NaN until the next reading",
                    e.getMessage());
        }
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
            Gauge.builder("lst.entity.largest.share", this, m -> m.value(r -> Optional.of(measures.apply(r).top()
                            .get(1))))
                    .description("Share of all staked ETH of the largest identified entity (at worst: with all "
                            + "unidentified stake added to it), 0..1").tag("scope", scope).baseUnit("ratio")
                    .register(meters);
            Gauge.builder("lst.entity.top3.share", this, m -> m.value(r -> Optional.of(measures.apply(r).top()
                            .get(3))))
                    .description("Combined share of all staked ETH of the three largest identified entities, 0..1")
                    .tag("scope", scope).baseUnit("ratio").register(meters);
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
    }

    private double value(Function<EntityReading, Optional<BigDecimal>> read) {
        return latest.current().map(EntityStore.StoredReading::reading).flatMap(read).map(BigDecimal::doubleValue)
                .orElse(Double.NaN);
    }
}
