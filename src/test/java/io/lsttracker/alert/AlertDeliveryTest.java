package io.lsttracker.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lsttracker.concentration.SnapshotConcentration;
import io.lsttracker.beacon.TotalStaked;
import io.lsttracker.pool.PoolRegistry;
import io.lsttracker.pool.PoolRegistryLoader;
import io.lsttracker.devchain.AnvilProcess;
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
import io.lsttracker.entity.LatestEntityReading;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Alerts from snapshots to a real local HTTP receiver through the persisted outbox: a receiver that is down gets
 * the event once it is back, across a restart of the tracker (new service, repository and dispatcher over the same
 * database), with the same id, once.
 */
class AlertDeliveryTest {
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final PoolRegistry REGISTRY = PoolRegistryLoader.load(null);
    private static final String RULES = """
            rules:
              lido-over-quarter:
                metric: pool-share-of-staked
                pool: lido
                threshold: 0.25
                hysteresis: 0.01
                cooldown: 1h
              negative-rebase:
                metric: negative-rebase
                threshold: 0
                direction: below
            webhooks:
              hook:
                url: http://127.0.0.1:%d/hook
            """;

    private TestDatabases.TestDatabase database;
    private JdbcSnapshotStore snapshots;
    private int port;
    private WebhookReceiver receiver;
    private AlertConfig config;

    /** One process's worth of alert objects, as `serve` wires them. */
    private final class Tracker {
        final AlertRepository repository = database.bean(AlertRepository.class);
        final AlertService service = new AlertService(config, repository, database.bean(ConcentrationStore.class),
                REGISTRY, database.bean(LatestEntityReading.class));
        final OutboxDispatcher outbox = new OutboxDispatcher(repository, config.webhooks(), Duration.ofSeconds(10),
                Duration.ofMinutes(5), Duration.ofSeconds(10)); // a receiver just started on a loaded machine is slow to answer first

        void record(Snapshot snapshot, long stakedEth) {
            ConcentrationReport figures = SnapshotConcentration.of(snapshot,
                    Optional.of(new TotalStaked(1, eth(stakedEth), 1)), null);
            SnapshotStore.SaveOutcome outcome = snapshots.save(snapshot,
                    List.of(database.bean(ConcentrationStore.class).figures(figures)));
            service.recorded(snapshot, outcome);
        }
    }

    @BeforeEach
    void setUp() {
        database = TestDatabases.h2();
        snapshots = database.bean(JdbcSnapshotStore.class);
        port = AnvilProcess.freePort();
        config = AlertConfigLoader.parse("test-alerts.yml", RULES.formatted(port));
    }

    @AfterEach
    void tearDown() {
        if (receiver != null) {
            receiver.close();
        }
        database.close();
    }

    private List<String> idempotencyKeys() {
        return receiver.deliveries().stream().map(WebhookReceiver.Delivery::idempotencyKey).toList();
    }

    private static BigInteger eth(long ether) {
        return BigInteger.valueOf(ether).multiply(Wei.ONE_ETHER);
    }

    /** Lido with {@code lidoEth} behind stETH at {@code rate} wei per share, Rocket Pool with 10 ETH. */
    private static Snapshot snapshot(long block, long minutes, long lidoEth, String rate) {
        return new Snapshot(1, new BlockRef(block, "0x" + String.format("%064x", block), T0.plusSeconds(minutes * 60)),
                List.of(PoolState.ok(new PoolId("lido"), new BigInteger(rate), eth(lidoEth), eth(lidoEth)),
                        PoolState.ok(new PoolId("rocketpool"), Wei.ONE_ETHER, eth(10), eth(9))));
    }

    @Test
    void aReceiverThatIsDownGetsTheEventAfterARestartOnceWithItsId() throws Exception {
        Tracker first = new Tracker();
        // Lido 30 of 100 staked ETH: 0.30 > 0.25, fires.
        first.record(snapshot(1, 0, 30, "1000000000000000000"), 100);
        List<AlertEvent> events = first.repository.events(Optional.empty(), 10);
        assertEquals(1, events.size());
        AlertEvent fired = events.get(0);
        assertEquals(AlertTransition.Kind.FIRING, fired.kind());
        assertEquals(new BigDecimal("0.3"), fired.value());
        assertEquals("lido", fired.subject());
        assertEquals(Optional.of(1L), fired.blockNumber());

        // Deliveries are due from when the event was stored (the wall clock), so dispatch from then on.
        Instant now = Instant.now().plusSeconds(1);
        assertEquals(0, first.outbox.dispatch(now), "nobody listens yet");
        assertEquals(1, first.repository.pending());

        Tracker second = new Tracker(); // the tracker restarts; the receiver comes back
        receiver = WebhookReceiver.start(port);
        assertEquals(0, second.outbox.dispatch(now.plusSeconds(5)), "backing off: 10 s after the first failure");
        assertEquals(List.of(), receiver.deliveries());
        assertEquals(1, second.outbox.dispatch(now.plusSeconds(10)));
        assertEquals(1, receiver.deliveries().size());
        assertEquals(fired.id(), receiver.deliveries().get(0).idempotencyKey());
        JsonNode body = receiver.deliveries().get(0).body();
        assertEquals(fired.id(), body.get("id").asText());
        assertEquals("firing", body.get("kind").asText());
        assertEquals("lido-over-quarter", body.get("rule").asText());
        assertEquals("0.3", body.get("value").asText());
        assertEquals("0.25", body.get("threshold").asText());
        assertEquals(T0.toString(), body.get("time").asText());
        assertEquals(0, second.outbox.dispatch(now.plusSeconds(3600)), "delivered once");
        assertEquals(0, second.repository.pending());

        // After the restart the alert is still known to be firing: 0.245 is inside the margin, 0.30 again is not a
        // new crossing; 0.20 resolves it.
        second.record(snapshot(2, 10, 245, "1000000000000000000"), 1000);
        second.record(snapshot(3, 20, 30, "1000000000000000000"), 100);
        assertEquals(1, second.repository.events(Optional.empty(), 10).size());
        second.record(snapshot(4, 30, 20, "1000000000000000000"), 100);
        List<AlertEvent> resolved = second.repository.events(Optional.of(AlertTransition.Kind.RESOLVED), 10);
        assertEquals(1, resolved.size());
        assertEquals(new BigDecimal("0.2"), resolved.get(0).value());
        assertEquals(1, second.outbox.dispatch(now.plusSeconds(7200)));
        assertEquals(List.of(fired.id(), resolved.get(0).id()), idempotencyKeys());
    }

    @Test
    void failedDeliveriesBackOffAndKeepTheirId() throws Exception {
        receiver = WebhookReceiver.start(port);
        receiver.refuse(2);
        Tracker tracker = new Tracker();
        // A negative rebase: lido's rate falls by 1 wei from 1.2e18, a change of -1/1.2e18 = -8.33e-19.
        tracker.record(snapshot(1, 0, 10, "1200000000000000000"), 100);
        tracker.record(snapshot(2, 10, 10, "1199999999999999999"), 100);
        AlertEvent event = tracker.repository.events(Optional.empty(), 10).get(0);
        assertEquals("negative-rebase", event.ruleId());
        assertTrue(event.value().signum() < 0, event.value().toPlainString());
        // -1 / 1.2e18 = -0.000000000000000000833333333|33... kept to 27 decimals.
        assertEquals(new BigDecimal("-8.33333333E-19"), event.value());

        Instant now = Instant.now().plusSeconds(1);
        assertEquals(0, tracker.outbox.dispatch(now)); // 503, next in 10 s
        assertEquals(0, tracker.outbox.dispatch(now.plusSeconds(10))); // 503 again, next in 20 s
        assertEquals(0, tracker.outbox.dispatch(now.plusSeconds(29)));
        assertEquals(1, tracker.outbox.dispatch(now.plusSeconds(30)));
        assertEquals(List.of(event.id()), idempotencyKeys());
        assertEquals(Duration.ofSeconds(10), tracker.outbox.backoff(1));
        assertEquals(Duration.ofSeconds(40), tracker.outbox.backoff(3));
        assertEquals(Duration.ofMinutes(5), tracker.outbox.backoff(20), "capped at the maximum");
    }

    @Test
    void anOlderBlockRecordedLateIsHistoryNotNews() {
        Tracker tracker = new Tracker();
        tracker.record(snapshot(5, 50, 30, "1000000000000000000"), 100); // 0.30: fires
        tracker.record(snapshot(3, 30, 20, "1000000000000000000"), 100); // 0.20, but older than block 5
        assertEquals(List.of(AlertTransition.Kind.FIRING),
                tracker.repository.events(Optional.empty(), 10).stream().map(AlertEvent::kind).toList());
        // A negative rebase is measured against the previous stored block, whatever the order of recording:
        // block 6 at 0.999999 ETH per share against block 5's 1.0 is -0.000001.
        tracker.record(snapshot(6, 60, 30, "999999000000000000"), 100);
        AlertEvent rebase = tracker.repository.events(Optional.empty(), 10).get(0);
        assertEquals("negative-rebase", rebase.ruleId());
        assertEquals(0, new BigDecimal("-0.000001").compareTo(rebase.value()));
    }

    /**
     * A tracker (or a replica taking over the judging) that has had no successful cycle counts from its own start, later
     * than the last success: that is no evidence of fresh data, so the firing alert is not resolved (it was, and
     * fired again three intervals later); the first success resolves it.
     */
    @Test
    void stalenessFiringIsNotResolvedByAClockWithoutASuccess() {
        config = AlertConfigLoader.parse("stale.yml", "rules:\n  stale:\n    metric: stale\n    threshold: 3\n");
        Tracker tracker = new Tracker();
        Duration interval = Duration.ofSeconds(60);
        tracker.service.checkStaleness(T0.plusSeconds(181), T0, interval, false);
        assertEquals(1, tracker.repository.events(Optional.empty(), 10).size(), "fired");
        // taken over (or restarted) at T0 + 200 s, the chain still down: 0.5 intervals since its own start
        tracker.service.checkStaleness(T0.plusSeconds(230), T0.plusSeconds(200), interval, false);
        assertEquals(1, tracker.repository.events(Optional.empty(), 10).size(), "not resolved without a success");
        tracker.service.checkStaleness(T0.plusSeconds(260), T0.plusSeconds(250), interval, true);
        assertEquals(AlertTransition.Kind.RESOLVED, tracker.repository.events(Optional.empty(), 10).get(0).kind(),
                "resolved by a success");
    }

    @Test
    void stalenessFiresAfterThreeIntervalsAndResolves() {
        AlertConfig stale = AlertConfigLoader.parse("stale.yml", "rules:\n  stale:\n    metric: stale\n    threshold: 3\n");
        config = stale;
        Tracker tracker = new Tracker();
        Duration interval = Duration.ofSeconds(60);
        tracker.service.checkStaleness(T0.plusSeconds(180), T0, interval); // 3 intervals: not more than 3
        assertEquals(List.of(), tracker.repository.events(Optional.empty(), 10));
        tracker.service.checkStaleness(T0.plusSeconds(181), T0, interval); // 3.016666 intervals
        AlertEvent fired = tracker.repository.events(Optional.empty(), 10).get(0);
        assertEquals(new BigDecimal("3.016666"), fired.value());
        assertEquals(Optional.empty(), fired.blockNumber());
        tracker.service.checkStaleness(T0.plusSeconds(200), T0.plusSeconds(190), interval);
        assertEquals(AlertTransition.Kind.RESOLVED, tracker.repository.events(Optional.empty(), 10).get(0).kind());
    }

    /**
     * A rule whose event the database refuses (a threshold beyond NUMERIC(60, 27), which the loader refuses but an
     * older file or a future metric might still produce) loses its own evaluation only: the other rule's event is
     * stored and the block is marked evaluated.
     */
    @Test
    void aRuleTheDatabaseRefusesDoesNotStopTheOtherRules() {
        AlertRule poisoned = new AlertRule("poisoned", AlertRule.Metric.POOL_SHARE_OF_LSTS, Optional.of("lido"), 0, null,
                new BigDecimal("1e40"), AlertRule.Direction.BELOW, BigDecimal.ZERO, Duration.ZERO);
        AlertRule good = config.rules().get(0);
        config = new AlertConfig("test", List.of(poisoned, good), config.webhooks());
        Tracker tracker = new Tracker();
        tracker.record(snapshot(1, 0, 30, "1000000000000000000"), 100);
        assertEquals(List.of("lido-over-quarter"), tracker.repository.events(Optional.empty(), 10).stream()
                .map(AlertEvent::ruleId).toList());
        assertEquals(Optional.of(1L), tracker.repository.evaluatedBlock());
    }

    /**
     * A reorg replaces block 2, older than the newest evaluated block 3, and on the new branch lido's rate fell at
     * block 2: the replaced snapshot is evaluated (it used to be skipped as history), and the mark stays at 3.
     */
    @Test
    void aRateChangeThatArrivesThroughAReorgIsEvaluated() {
        Tracker tracker = new Tracker();
        tracker.record(snapshot(1, 0, 10, "1000000000000000000"), 100);
        tracker.record(snapshot(2, 10, 10, "1000000000000000000"), 100);
        tracker.record(snapshot(3, 20, 10, "1000000000000000000"), 100);
        assertEquals(List.of(), tracker.repository.events(Optional.empty(), 10));
        Snapshot original = snapshot(2, 10, 10, "999999000000000000");
        Snapshot replacement = new Snapshot(1, new BlockRef(2, "0x" + "bb".repeat(32), original.block().timestamp()),
                original.pools());
        tracker.record(replacement, 100);
        List<AlertEvent> events = tracker.repository.events(Optional.empty(), 10);
        assertEquals(List.of("negative-rebase"), events.stream().map(AlertEvent::ruleId).toList());
        // 0.999999 against block 1's 1.0: -0.000001
        assertEquals(0, new BigDecimal("-0.000001").compareTo(events.get(0).value()));
        assertEquals(Optional.of(2L), events.get(0).blockNumber());
        assertEquals(Optional.of(3L), tracker.repository.evaluatedBlock());
    }
}
