package io.lsttracker.api;

import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Snapshot;
import io.lsttracker.domain.Wei;
import io.lsttracker.entity.Entity;
import io.lsttracker.entity.EntityMeasures;
import io.lsttracker.entity.EntityReading;
import io.lsttracker.entity.EntityReadings;
import io.lsttracker.entity.EntityRegistry;
import io.lsttracker.entity.Rule;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The JSON shapes of /api/entities (docs/ENTITIES.md): amounts as decimal strings, times as ISO-8601. */
final class EntitiesView {
    private EntitiesView() {
    }

    /** The reading an answer comes from: which slot, which epoch, how old, and how the last attempt went. */
    record Source(long epoch, long slot, long blockNumber, String readAt, long ageSeconds, Attempt lastAttempt) {
    }

    /** The last attempt to read (READ, REUSED, WAITING, FAILED or NOT_CONFIGURED) and its message. */
    record Attempt(String outcome, String message, String at) {
        static Attempt of(EntityReadings.Status status) {
            return new Attempt(status.lastOutcome().map(Enum::name).orElse(null), status.message().orElse(null),
                    status.at().map(Instant::toString).orElse(null));
        }
    }

    /**
     * The entity's LST pool: its token-side ETH at the latest snapshot next to the entity's beacon stake. The two
     * differ by the pool's buffered ETH and the deposits not yet active on the beacon chain (and its withdrawals in
     * flight).
     */
    record PoolLink(String id, Long snapshotBlock, String tokenSideEth) {
    }

    record EntityRow(String id, String name, String category, PoolLink pool, long validators, long activeValidators,
            String stakeGwei, String stakeEth, String share) {
    }

    record Unidentified(long validators, long activeValidators, String stakeGwei, String stakeEth, String share) {
        static Unidentified of(EntityReading.Row row) {
            return new Unidentified(row.validators(), row.activeValidators(), row.activeStakeGwei().toString(),
                    eth(row.activeStakeGwei()), row.share().toPlainString());
        }
    }

    record Tau(Integer oneThird, Integer oneHalf, Integer twoThirds) {
    }

    record Measures(String hhi, Tau tau, Integer nakamoto, Map<String, String> topShares) {
        static Measures of(EntityMeasures.Measures m) {
            Map<String, String> top = new LinkedHashMap<>();
            for (int n : EntityMeasures.TOP_N) {
                top.put("top" + n, m.top().get(n).toPlainString());
            }
            Integer half = m.tau().get(io.lsttracker.domain.Tau.HALF).orElse(null);
            return new Measures(m.hhi().toPlainString(), new Tau(m.tau().get(io.lsttracker.domain.Tau.THIRD).orElse(null),
                    half, m.tau().get(io.lsttracker.domain.Tau.TWO_THIRDS).orElse(null)), half, top);
        }
    }

    record Latest(Source source, long validators, long activeValidators, String stakedGwei, String stakedEth,
            List<EntityRow> entities, Unidentified unidentified, Measures identified, Measures atWorst) {
    }

    record Depositor(String address, String source) {
    }

    /**
     * @param coverage what the figures count, and so whether they are complete or a lower bound (docs/ENTITIES.md)
     */
    record Rules(String credentials, List<Depositor> depositors, String coverage) {
        static final String LOWER_BOUND = "a lower bound: only validators whose first deposit was sent by or to one "
                + "of the labelled addresses below are counted; the entity's deposits from other addresses are "
                + "unidentified (docs/ENTITIES.md)";

        static String coverage(String credentials) {
            return credentials == null ? LOWER_BOUND : "validators whose withdrawal credentials the " + credentials
                    + " contracts name (rule 1, read on chain), then those deposited from the labelled addresses "
                    + "below; docs/ENTITIES.md says what the " + credentials + " source does not cover";
        }
    }

    record Evidence(String rule, String detail, long validators) {
    }

    record Conflict(String otherEntity, String otherRule, String otherDetail, long validators,
            List<Long> exampleValidators) {
    }

    record Detail(Source source, EntityRow entity, Rules rules, Map<String, Long> validatorsByRule,
            List<Evidence> evidence, List<Conflict> conflicts) {
    }

    record HistoryPoint(long epoch, long slot, String readAt, String stakedGwei, String unidentifiedShare,
            String hhi, Integer nakamoto, String hhiAtWorst, Integer nakamotoAtWorst, Map<String, String> shares) {
    }

    record History(String from, String to, List<HistoryPoint> points) {
    }

    static Source source(EntityReading r, long blockNumber, EntityReadings.Status status, Instant now) {
        return new Source(r.epoch(), r.slot(), blockNumber, r.readAt().toString(),
                Math.max(0, Duration.between(r.readAt(), now).getSeconds()), Attempt.of(status));
    }

    static Latest latest(EntityReading r, long blockNumber, EntityReadings.Status status, Instant now,
            EntityRegistry registry, Optional<Snapshot> snapshot) {
        return new Latest(source(r, blockNumber, status, now), r.validators(), r.activeValidators(),
                r.activeStakeGwei().toString(), eth(r.activeStakeGwei()),
                r.entities().stream().map(row -> row(row, registry, snapshot)).toList(),
                Unidentified.of(r.unidentified()), Measures.of(r.measures().reported()),
                Measures.of(r.measures().atWorst()));
    }

    static EntityRow row(EntityReading.Row row, EntityRegistry registry, Optional<Snapshot> snapshot) {
        Optional<Entity> entity = registry.byId(row.entity());
        PoolLink pool = entity.flatMap(Entity::pool).map(id -> new PoolLink(id.value(),
                snapshot.map(s -> s.block().number()).orElse(null),
                snapshot.flatMap(s -> s.pools().stream().filter(p -> p.id().equals(id) && p.isOk()).findFirst())
                        .map(PoolState::totalEth).map(Wei::toEther).map(BigDecimal::toPlainString).orElse(null)))
                .orElse(null);
        return new EntityRow(row.entity(), entity.map(Entity::name).orElse(row.entity()),
                entity.map(e -> e.category().configName()).orElse(null), pool, row.validators(),
                row.activeValidators(), row.activeStakeGwei().toString(), eth(row.activeStakeGwei()),
                row.share().toPlainString());
    }

    static Map<String, Long> byRule(EntityReading.Row row) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Rule rule : Rule.values()) {
            counts.put(rule.apiName(), row.byRule().getOrDefault(rule, 0L));
        }
        return counts;
    }

    /** gwei as ETH with 9 decimals, exactly. */
    static String eth(BigInteger gwei) {
        return new BigDecimal(gwei).movePointLeft(9).setScale(9).toPlainString();
    }
}
