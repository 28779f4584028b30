package io.lsttracker.entity;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every validator of one beacon state attributed (docs/ENTITIES.md): per entity, the unidentified rest, the
 * concentration measures, the evidence and the conflicts.
 *
 * @param slot             the slot whose state was read
 * @param epoch            slot / 32
 * @param readAt           the time of the slot read (genesis_time + 12 s x slot): for a live reading within seconds
 *                         of when it was read, for a backfilled one the time it describes
 * @param entities         every configured entity, largest active stake first (then by id)
 * @param unidentified     the validators no rule attributes (id {@link Entity#UNIDENTIFIED})
 * @param validators       all validators of the state, any status
 * @param activeValidators those whose status is active_*
 * @param activeStakeGwei  all staked ETH: the sum of the active validators' balances
 * @param measures         HHI, tau and top-N over identified entities, as reported and at worst
 * @param evidence         per entity and rule, what matched and for how many validators
 * @param conflicts        per winning entity, the other entity a later rule named, and for how many validators
 */
public record EntityReading(long slot, long epoch, Instant readAt, List<Row> entities, Row unidentified,
        long validators, long activeValidators, BigInteger activeStakeGwei, EntityMeasures.Both measures,
        List<Evidence> evidence, List<ConflictCount> conflicts) {

    /** Slots per epoch (consensus specs, phase0 mainnet preset: SLOTS_PER_EPOCH). */
    public static final long SLOTS_PER_EPOCH = 32;

    /**
     * One entity's figures.
     *
     * @param share  active stake / all staked ETH, {@link EntityMeasures#SHARE_SCALE} decimals
     * @param byRule validators per rule that attributed them
     */
    public record Row(String entity, long validators, long activeValidators, BigInteger activeStakeGwei,
            BigDecimal share, Map<Rule, Long> byRule) {
    }

    /** {@code validators} attributed to {@code entity} by {@code rule} because {@code detail} matched. */
    public record Evidence(String entity, Rule rule, String detail, long validators) {
    }

    /**
     * Validators attributed to {@code entity} that a later rule ({@code otherRule}, matching {@code otherDetail})
     * would have given to {@code other}; {@code examples} are the first few validator indices.
     */
    public record ConflictCount(String entity, String other, Rule otherRule, String otherDetail, long validators,
            List<Long> examples) {
    }

    public Optional<Row> row(String entity) {
        if (Entity.UNIDENTIFIED.equals(entity)) {
            return Optional.of(unidentified);
        }
        return entities.stream().filter(r -> r.entity().equals(entity)).findFirst();
    }
}
