package io.lsttracker.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.concentration.SnapshotConcentration;
import io.lsttracker.beacon.TotalStaked;
import io.lsttracker.pool.PoolRegistryLoader;
import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.PoolId;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Snapshot;
import io.lsttracker.domain.Wei;
import io.lsttracker.concentration.ConcentrationReport;
import io.lsttracker.concentration.ConcentrationStore;
import io.lsttracker.snapshot.JdbcSnapshotStore;
import io.lsttracker.snapshot.SnapshotStore;
import io.lsttracker.db.TestDatabases;
import io.lsttracker.entity.EntityRegistryLoader;
import io.lsttracker.entity.LatestEntityReading;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A rate that jumps beyond a sane bound in one report is flagged and alerted, not taken silently: the packaged
 * rule rate-jump (config/alerts.yml, more than 5% up or down between two stored snapshots) against a real H2 store.
 */
class RateJumpFaultTest {
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    private TestDatabases.TestDatabase database;
    private JdbcSnapshotStore snapshots;
    private AlertRepository repository;
    private AlertService service;

    @BeforeEach
    void setUp() {
        database = TestDatabases.h2();
        snapshots = database.bean(JdbcSnapshotStore.class);
        repository = database.bean(AlertRepository.class);
        AlertConfig packaged = AlertConfigLoader.load(null, EntityRegistryLoader.load(null));
        assertTrue(packaged.rules().stream().anyMatch(r -> r.id().equals("rate-jump")), "rate-jump is a default rule");
        service = new AlertService(packaged, repository, database.bean(ConcentrationStore.class),
                PoolRegistryLoader.load(null), database.bean(LatestEntityReading.class));
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    private void record(long block, String lidoRate) {
        // lido 10 ETH, rocketpool 10 ETH of 1000 staked: no share rule fires, only the rate rules can
        BigInteger ten = Wei.ONE_ETHER.multiply(BigInteger.TEN);
        Snapshot snapshot = new Snapshot(1, new BlockRef(block, "0x" + String.format("%064x", block),
                T0.plusSeconds(block * 60)),
                List.of(PoolState.ok(new PoolId("lido"), new BigInteger(lidoRate), ten, ten),
                        PoolState.ok(new PoolId("rocketpool"), Wei.ONE_ETHER, ten, ten)));
        ConcentrationReport figures = SnapshotConcentration.of(snapshot,
                Optional.of(new TotalStaked(1, Wei.ONE_ETHER.multiply(BigInteger.valueOf(1000)), 1)), null);
        SnapshotStore.SaveOutcome outcome = snapshots.save(snapshot,
                List.of(database.bean(ConcentrationStore.class).figures(figures)));
        service.recorded(snapshot, outcome);
    }

    private List<AlertEvent> jumps() {
        return repository.events(Optional.empty(), 50).stream().filter(e -> e.ruleId().equals("rate-jump")).toList();
    }

    @Test
    void aJumpOfTenPercentFiresAndAnOrdinaryRebaseDoesNot() {
        record(1, "1200000000000000000");
        // An ordinary daily rebase: 1.2 -> 1.2001, +0.0001 / 1.2 = +0.0083%: no alert.
        record(2, "1200100000000000000");
        assertEquals(List.of(), jumps());
        // A jump: 1.2001 -> 1.32011, +0.12001 / 1.2001 = exactly +0.1 (10%) > 5%: fires, with the exact value.
        record(3, "1320110000000000000");
        List<AlertEvent> events = jumps();
        assertEquals(1, events.size());
        assertEquals(AlertTransition.Kind.FIRING, events.get(0).kind());
        assertEquals("lido", events.get(0).subject());
        assertEquals(0, new BigDecimal("0.1").compareTo(events.get(0).value()), events.get(0).value().toPlainString());
        assertTrue(events.get(0).message().contains("lido's ETH per token jumped (up or down) by 10%, above 5%"),
                events.get(0).message());
    }

    @Test
    void aFallBeyondTheBoundFiresTooAndResolvesOnceTheRateIsSteadyAgain() {
        record(1, "1200000000000000000");
        // 1.2 -> 1.08: -0.12 / 1.2 = -0.1, |-0.1| = 0.1 > 0.05: fires (negative-rebase fires as well).
        record(2, "1080000000000000000");
        // 1.08 -> 1.08: change 0, under 0.05 - 0.01 hysteresis: resolves.
        record(3, "1080000000000000000");
        List<AlertTransition.Kind> kinds = jumps().stream().map(AlertEvent::kind).toList();
        assertEquals(List.of(AlertTransition.Kind.RESOLVED, AlertTransition.Kind.FIRING), kinds, "newest first");
        assertTrue(repository.events(Optional.empty(), 50).stream().anyMatch(e -> e.ruleId().equals("negative-rebase")));
    }
}
