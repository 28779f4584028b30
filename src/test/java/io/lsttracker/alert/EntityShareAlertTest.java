package io.lsttracker.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.alert.AlertTransition.Kind;
import io.lsttracker.beacon.TotalStaked;
import io.lsttracker.concentration.ConcentrationReport;
import io.lsttracker.concentration.ConcentrationStore;
import io.lsttracker.concentration.SnapshotConcentration;
import io.lsttracker.db.TestDatabases;
import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.PoolId;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Snapshot;
import io.lsttracker.domain.Wei;
import io.lsttracker.entity.Entity;
import io.lsttracker.entity.EntityFixtures;
import io.lsttracker.entity.EntityMeasures;
import io.lsttracker.entity.EntityReading;
import io.lsttracker.entity.EntityRegistryLoader;
import io.lsttracker.entity.EntityStore;
import io.lsttracker.entity.LatestEntityReading;
import io.lsttracker.pool.PoolRegistryLoader;
import io.lsttracker.snapshot.JdbcSnapshotStore;
import io.lsttracker.snapshot.SnapshotStore;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The entity rules (metric entity-share-of-staked): an entity's share of all staked ETH from the latest entity
 * reading fires above the threshold and resolves at threshold - hysteresis; the unidentified stake is never a
 * subject, however large. Then the packaged rules through the alert service over a real H2 store.
 */
class EntityShareAlertTest {
    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    private static final long ETH = 1_000_000_000L; // gwei

    /** A reading with Lido and Kraken at the given ETH, and the unidentified rest, all active. */
    static EntityReading reading(long lidoEth, long krakenEth, long unidentifiedEth) {
        BigInteger total = BigInteger.valueOf((lidoEth + krakenEth + unidentifiedEth) * ETH);
        List<EntityReading.Row> rows = new ArrayList<>();
        rows.add(row("lido", lidoEth, total));
        rows.add(row("kraken", krakenEth, total));
        EntityReading.Row unidentified = row(Entity.UNIDENTIFIED, unidentifiedEth, total);
        return new EntityReading(9_000_031, 281_250, T0, rows, unidentified, 3, 3, total,
                EntityMeasures.of(rows.stream().map(EntityReading.Row::activeStakeGwei).toList(),
                        unidentified.activeStakeGwei()), List.of(), List.of());
    }

    private static EntityReading.Row row(String id, long eth, BigInteger total) {
        BigInteger gwei = BigInteger.valueOf(eth * ETH);
        return new EntityReading.Row(id, 1, 1, gwei, EntityMeasures.share(gwei, total), Map.of());
    }

    /** The entity-share values a rule sees in a reading (the snapshot's figures play no part in them). */
    private static Map<String, Optional<BigDecimal>> values(AlertRule rule, Optional<EntityReading> reading) {
        return Observations.of(rule, null, null, Map.of(), reading);
    }

    private static final AlertConfig RULES = AlertConfigLoader.parse("a.yml", """
            rules:
              any-over-quarter:
                metric: entity-share-of-staked
                threshold: 0.25
                hysteresis: 0.005
              kraken-over-tenth:
                metric: entity-share-of-staked
                entity: kraken
                threshold: 0.1
            """, EntityRegistryLoader.load(null));

    @Test
    void aShareAboveFiresAndResolvesOnlyPastTheMarginAndUnidentifiedIsNoSubject() {
        AlertRule quarter = RULES.rules().get(0);
        // Each step: Lido, Kraken, unidentified ETH. Unidentified is 60 to 70%, far above 25%: never a subject.
        // Lido: 20/100 -> 30/100 fires; 248/1000 stays (above 0.25 - 0.005 = 0.245); 245/1000 resolves (at 0.245);
        // 30/100 fires again (no cooldown). Kraken at 10% never fires.
        long[][] steps = {{20, 10, 70}, {30, 10, 60}, {248, 100, 652}, {245, 100, 655}, {30, 10, 60}};
        Map<String, AlertState> states = new LinkedHashMap<>();
        List<String> transitions = new ArrayList<>();
        for (int i = 0; i < steps.length; i++) {
            EntityReading r = reading(steps[i][0], steps[i][1], steps[i][2]);
            Map<String, Optional<BigDecimal>> seen = values(quarter, Optional.of(r));
            assertEquals(List.of("lido", "kraken"), List.copyOf(seen.keySet()), "step " + i);
            for (Map.Entry<String, Optional<BigDecimal>> e : seen.entrySet()) {
                AlertEvaluator.Outcome o = AlertEvaluator.evaluate(quarter, e.getKey(), e.getValue(),
                        states.getOrDefault(e.getKey(), AlertState.INITIAL), T0.plusSeconds(384L * i));
                states.put(e.getKey(), o.state());
                int step = i;
                o.transition().ifPresent(t -> transitions.add(t.subject() + " " + t.kind() + " " + step + " "
                        + t.value().toPlainString()));
            }
        }
        assertEquals(List.of("lido FIRING 1 0.300000000000000000", "lido RESOLVED 3 0.245000000000000000",
                "lido FIRING 4 0.300000000000000000"), transitions);
    }

    @Test
    void aRuleForOneEntitySeesOnlyItAndNoReadingIsNoSubject() {
        AlertRule kraken = RULES.rules().get(1);
        assertEquals(Map.of("kraken", Optional.of(new BigDecimal("0.100000000000000000"))),
                values(kraken, Optional.of(reading(30, 10, 60))));
        assertEquals(Map.of(), values(kraken, Optional.empty()));
        assertEquals(Map.of(), values(RULES.rules().get(0), Optional.empty()));
    }

    @Test
    void thePackagedRulesFireForAStoredReadingWithAnEntityAboveAQuarter() {
        try (TestDatabases.TestDatabase database = TestDatabases.h2()) {
            // EntityTallyTest's hand-computed reading: Lido 128 of 335.000000001 ETH = 38.21% (above 25% and
            // 33.3%, not 50%); unidentified 23.88%; the others under 10%.
            database.bean(EntityStore.class).saveReading(EntityFixtures.handComputedReading(), 1);
            AlertRepository repository = database.bean(AlertRepository.class);
            AlertService service = new AlertService(AlertConfigLoader.load(null, EntityRegistryLoader.load(null)),
                    repository, database.bean(ConcentrationStore.class), PoolRegistryLoader.load(null),
                    database.bean(LatestEntityReading.class));

            BigInteger ten = Wei.ONE_ETHER.multiply(BigInteger.TEN);
            Snapshot snapshot = new Snapshot(1, new BlockRef(2, "0x" + String.format("%064x", 2), T0),
                    List.of(PoolState.ok(new PoolId("lido"), Wei.ONE_ETHER, ten, ten)));
            ConcentrationReport figures = SnapshotConcentration.of(snapshot,
                    Optional.of(new TotalStaked(1, Wei.ONE_ETHER.multiply(BigInteger.valueOf(1000)), 1)), null);
            SnapshotStore.SaveOutcome outcome = database.bean(JdbcSnapshotStore.class).save(snapshot,
                    List.of(database.bean(ConcentrationStore.class).figures(figures)));
            service.recorded(snapshot, outcome);

            List<AlertEvent> events = repository.events(Optional.empty(), 50);
            List<String> fired = events.stream().map(e -> e.ruleId() + " " + e.subject() + " " + e.kind()).sorted()
                    .toList();
            assertEquals(List.of("entity-over-25pct-of-staked lido FIRING", "entity-over-33pct-of-staked lido FIRING"),
                    fired);
            AlertEvent quarter = events.stream().filter(e -> e.ruleId().equals("entity-over-25pct-of-staked"))
                    .findFirst().orElseThrow();
            assertEquals(0, new BigDecimal("0.382089552237665404").compareTo(quarter.value()));
            assertEquals(Optional.of(2L), quarter.blockNumber());
            assertTrue(quarter.message().startsWith("entity lido's share of all staked ETH (its validators) is "
                    + "38.21%, above 25%"), quarter.message());

            // The same reading at the next snapshot: still firing, nothing new.
            Snapshot next = new Snapshot(1, new BlockRef(3, "0x" + String.format("%064x", 3), T0.plusSeconds(12)),
                    snapshot.pools());
            SnapshotStore.SaveOutcome nextOutcome = database.bean(JdbcSnapshotStore.class).save(next,
                    List.of(database.bean(ConcentrationStore.class).figures(SnapshotConcentration.of(next,
                            Optional.of(new TotalStaked(1, Wei.ONE_ETHER.multiply(BigInteger.valueOf(1000)), 1)),
                            null))));
            service.recorded(next, nextOutcome);
            assertEquals(2, repository.events(Optional.empty(), 50).size());
        }
    }
}
