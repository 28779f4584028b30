package io.lsttracker.entity;

import io.lsttracker.beacon.Validator;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds up validators as they stream from the beacon node, one at a time, into an {@link EntityReading}: memory
 * grows with the entities and the distinct evidence, not with the validators. Pure.
 */
public final class EntityTally {
    /** Validator indices kept as examples of each conflict. */
    static final int CONFLICT_EXAMPLES = 5;

    private final EntityRegistry registry;
    private final Attribution attribution;
    private final Map<String, Counts> counts = new LinkedHashMap<>();
    private final Map<List<String>, Long> evidence = new LinkedHashMap<>();
    private final Map<List<String>, ConflictCounts> conflicts = new LinkedHashMap<>();
    private long validators;
    private long activeValidators;

    private static final class Counts {
        long validators;
        long activeValidators;
        BigInteger activeStakeGwei = BigInteger.ZERO;
        final Map<Rule, Long> byRule = new EnumMap<>(Rule.class);
    }

    private static final class ConflictCounts {
        long validators;
        final List<Long> examples = new ArrayList<>();
    }

    public EntityTally(EntityRegistry registry, Attribution attribution) {
        this.registry = registry;
        this.attribution = attribution;
        for (Entity entity : registry.entities()) {
            counts.put(entity.id(), new Counts());
        }
        counts.put(Entity.UNIDENTIFIED, new Counts());
    }

    /**
     * @param deposit the validator's first deposit, or null if none is indexed for its pubkey
     * @return the entity the validator is attributed to ({@link Entity#UNIDENTIFIED} if none)
     */
    public String add(Validator validator, FirstDeposit deposit) {
        Attribution.Attributed a = attribution.attribute(validator, deposit);
        Counts c = counts.get(a.entity());
        c.validators++;
        c.byRule.merge(a.rule(), 1L, Long::sum);
        validators++;
        if (validator.active()) {
            c.activeValidators++;
            c.activeStakeGwei = c.activeStakeGwei.add(BigInteger.valueOf(validator.balanceGwei()));
            activeValidators++;
        }
        if (a.rule() != Rule.NONE) {
            evidence.merge(List.of(a.entity(), a.rule().name(), a.evidence()), 1L, Long::sum);
        }
        a.conflict().ifPresent(other -> {
            ConflictCounts cc = conflicts.computeIfAbsent(List.of(a.entity(), other.entity(), other.rule().name(),
                    other.evidence()), k -> new ConflictCounts());
            cc.validators++;
            if (cc.examples.size() < CONFLICT_EXAMPLES) {
                cc.examples.add(validator.index());
            }
        });
        return a.entity();
    }

    public EntityReading finish(long slot, Instant readAt) {
        BigInteger total = counts.values().stream().map(c -> c.activeStakeGwei).reduce(BigInteger.ZERO,
                BigInteger::add);
        List<EntityReading.Row> rows = new ArrayList<>();
        for (Entity entity : registry.entities()) {
            rows.add(row(entity.id(), total));
        }
        rows.sort(Comparator.comparing(EntityReading.Row::activeStakeGwei).reversed()
                .thenComparing(EntityReading.Row::entity));
        EntityReading.Row unidentified = row(Entity.UNIDENTIFIED, total);
        EntityMeasures.Both measures = EntityMeasures.of(
                rows.stream().map(EntityReading.Row::activeStakeGwei).toList(), unidentified.activeStakeGwei());
        List<EntityReading.Evidence> evidenceRows = new ArrayList<>();
        evidence.forEach((k, n) -> evidenceRows.add(new EntityReading.Evidence(k.get(0), Rule.valueOf(k.get(1)),
                k.get(2), n)));
        List<EntityReading.ConflictCount> conflictRows = new ArrayList<>();
        conflicts.forEach((k, cc) -> conflictRows.add(new EntityReading.ConflictCount(k.get(0), k.get(1),
                Rule.valueOf(k.get(2)), k.get(3), cc.validators, List.copyOf(cc.examples))));
        return new EntityReading(slot, slot / EntityReading.SLOTS_PER_EPOCH, readAt, List.copyOf(rows), unidentified,
                validators, activeValidators, total, measures, List.copyOf(evidenceRows), List.copyOf(conflictRows));
    }

    private EntityReading.Row row(String id, BigInteger total) {
        Counts c = counts.get(id);
        Map<Rule, Long> byRule = new HashMap<>(c.byRule);
        return new EntityReading.Row(id, c.validators, c.activeValidators, c.activeStakeGwei,
                EntityMeasures.share(c.activeStakeGwei, total), Map.copyOf(byRule));
    }
}
