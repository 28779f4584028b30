package io.lsttracker.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.alert.WebhookReceiver;
import io.lsttracker.devchain.AnvilProcess;
import io.lsttracker.devchain.Devchain;
import io.lsttracker.db.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.http.HttpService;

/**
 * `serve` in a child JVM killed with SIGKILL while it takes live snapshots and while an alert waits in the outbox,
 * then started again over the same PostgreSQL database (every commit durable, unlike H2's file store which
 * writes about once a second): each stored snapshot is whole (every pool, its concentration row), none twice,
 * and the pending delivery goes out once when its receiver is back. A backfill killed mid-run is
 * BackfillResumeTest. The devchain is ReliabilityDevchain: blocks are mined under the tracker while it runs.
 */
class CrashRestartTest {
    private static Devchain devchain;

    static final class Raw extends Response<Object> {
    }

    @BeforeAll
    static void start() {
        devchain = ReliabilityDevchain.shared();
    }

    @Test
    void liveSnapshotsKilledAtRandomMomentsLeaveEveryStoredSnapshotWholeAndNoneTwice() throws Exception {
        try (TestDatabases.TestDatabase db = TestDatabases.postgres(); BlockMiner miner = new BlockMiner()) {
            // No alert rules: the 50 ms poll interval would make the staleness rule flap, which is not this test.
            Path noRules = Files.createTempFile(Files.createDirectories(Path.of("target")), "alerts-", ".yml");
            Files.writeString(noRules, "rules: {}\n");
            Map<String, String> env = env(db, noRules.toString());
            long stored = 0;
            for (int kill = 0; kill < 2; kill++) {
                try (ChildTracker tracker = ChildTracker.start(env, List.of("tracker.poll-interval=50ms"), List.of("serve"))) {
                    long before = stored;
                    await(() -> count(db.dataSource(), "SELECT COUNT(*) FROM snapshot") >= before + 3, tracker,
                            "snapshots after restart " + kill);
                    // Somewhere inside a cycle (a cycle here takes tens of milliseconds).
                    Thread.sleep(ThreadLocalRandom.current().nextInt(0, 60));
                    tracker.kill();
                }
                stored = count(db.dataSource(), "SELECT COUNT(*) FROM snapshot");
                assertWhole(db.dataSource());
            }
            assertTrue(stored >= 6, stored + " snapshots over two runs");
        }
    }

    @Test
    void anAlertPendingWhenTheTrackerIsKilledIsDeliveredOnceAfterRestart() throws Exception {
        int port = AnvilProcess.freePort(); // nothing listens there yet: the receiver is down
        Path alerts = Files.createTempFile(Files.createDirectories(Path.of("target")), "alerts-", ".yml");
        // Lido holds about 25.5% of all staked ETH on the devchain (SimulatedBeacon): this fires at the first snapshot.
        Files.writeString(alerts, """
                rules:
                  lido-over-quarter:
                    metric: pool-share-of-staked
                    pool: lido
                    threshold: 0.25
                    hysteresis: 0.005
                    cooldown: 1h
                webhooks:
                  hook:
                    url: http://127.0.0.1:%d/hook
                """.formatted(port));
        List<String> fast = List.of("tracker.poll-interval=1s", "tracker.alerts.dispatch-interval=200ms",
                "tracker.alerts.retry-base=200ms", "tracker.alerts.retry-max=1s");
        try (TestDatabases.TestDatabase db = TestDatabases.postgres()) {
            Map<String, String> env = env(db, alerts.toString());
            try (ChildTracker first = ChildTracker.start(env, fast, List.of("serve"))) {
                await(() -> count(db.dataSource(), "SELECT COUNT(*) FROM alert_delivery WHERE attempts >= 2") >= 1, first,
                        "a failed delivery attempt");
                first.kill();
            }
            assertEquals(1, count(db.dataSource(), "SELECT COUNT(*) FROM alert_event"));
            assertEquals(0, count(db.dataSource(), "SELECT COUNT(*) FROM alert_delivery WHERE delivered_at IS NOT NULL"));

            List<String> received;
            try (WebhookReceiver receiver = WebhookReceiver.start(port);
                    ChildTracker second = ChildTracker.start(env, fast, List.of("serve"))) {
                await(() -> count(db.dataSource(), "SELECT COUNT(*) FROM alert_delivery WHERE delivered_at IS NOT NULL") == 1,
                        second, "the delivery after restart");
                Thread.sleep(1500); // several dispatch intervals: a second send would arrive here
                second.kill();
                received = receiver.deliveries().stream().map(WebhookReceiver.Delivery::idempotencyKey).toList();
            }
            String eventId = query(db.dataSource(), "SELECT id FROM alert_event");
            assertEquals(List.of(eventId), received, "delivered once, with the event's id");
            assertEquals(1, count(db.dataSource(), "SELECT COUNT(*) FROM alert_event"), "the restart fired nothing new");
        }
    }

    private static Map<String, String> env(TestDatabases.TestDatabase db, String alertsFile) {
        Map<String, String> env = new HashMap<>();
        env.put("LST_DB_URL", db.jdbcUrl());
        env.put("LST_DB_USER", db.user());
        env.put("LST_RPC_URL", devchain.url());
        env.put("LST_BEACON_URL", devchain.beaconUrl());
        env.put("LST_CONFIRMATIONS", "0");
        env.put("LST_HTTP_PORT", "-1");
        env.put("LST_HTTP_HOST", "127.0.0.1");
        env.put("LST_ALERTS_FILE", alertsFile);
        return env;
    }

    /** Every stored snapshot has a row for each pool and its concentration row; no block is stored twice. */
    private static void assertWhole(DataSource db) throws Exception {
        int pools = devchain.poolIds().size();
        assertEquals(0, count(db, "SELECT COUNT(*) FROM (SELECT block_number FROM pool_state GROUP BY block_number "
                + "HAVING COUNT(*) <> " + pools + ") partial"), "no partial snapshot");
        assertEquals(0, count(db, "SELECT COUNT(*) FROM snapshot s WHERE NOT EXISTS "
                + "(SELECT 1 FROM pool_state p WHERE p.block_number = s.block_number)"), "no snapshot without pools");
        assertEquals(0, count(db, "SELECT COUNT(*) FROM snapshot s WHERE NOT EXISTS "
                + "(SELECT 1 FROM concentration c WHERE c.block_number = s.block_number)"), "no snapshot without concentration");
        assertEquals(count(db, "SELECT COUNT(*) FROM snapshot"), count(db, "SELECT COUNT(DISTINCT block_hash) FROM snapshot"),
                "no block twice");
    }

    /** Mines a block every 20 ms on the devchain while the tracker runs, so every cycle has a new block to store. */
    private static final class BlockMiner implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final HttpService rpc = new HttpService(devchain.url());
        private final Thread thread = new Thread(this::run, "block-miner");

        BlockMiner() {
            thread.setDaemon(true);
            thread.start();
        }

        private void run() {
            while (running.get()) {
                try {
                    new Request<>("evm_mine", List.of(), rpc, Raw.class).send();
                    Thread.sleep(20);
                } catch (IOException e) {
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(5000);
        }
    }

    private static void await(Check condition, ChildTracker tracker, String what) throws Exception {
        // Generous: the child JVM's start-up alone took over a minute on 2 cores under other builds' load.
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (!condition.ok()) {
            if (!tracker.process.isAlive()) {
                throw new AssertionError("the tracker exited while waiting for " + what + ":\n" + tracker.output());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within 180 s:\n" + tracker.output());
            }
            Thread.sleep(25);
        }
    }

    interface Check {
        boolean ok() throws Exception;
    }

    static long count(DataSource db, String sql) throws Exception {
        return Long.parseLong(query(db, sql));
    }

    private static String query(DataSource db, String sql) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }
}
