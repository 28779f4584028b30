package io.lsttracker.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.db.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Two `serve` processes (replicas) on one PostgreSQL database, the chain down, five staleness rules that cross one
 * after the other, a webhook receiver that takes 1.5 s per POST, and the replica that judges staleness killed
 * (SIGKILL) while a delivery is in flight. Each rule fires once (one event, no alert_state_pkey collision), the
 * survivor takes over the judging and fires the rules still to cross, and every event reaches the receiver: the one
 * in flight at the kill at most twice, with the same Idempotency-Key (the lease of the dead replica ends and the
 * survivor sends it). Before, both replicas judged staleness on their own clocks, seconds apart: a run of this test
 * on that code had stale-0 fire 3 times (fired and resolved against each other), each time under a new event id.
 */
class AlertReplicasCrashTest {
    private static final Pattern KEY = Pattern.compile("(?i)idempotency-key: ([0-9a-f-]+)");
    private static final int RULES = 5;

    @Test
    void twoReplicasFireEachAlertOnceAndDeliverEveryEventWhenOneIsKilledMidDelivery() throws Exception {
        try (TestDatabases.TestDatabase db = TestDatabases.postgres();
                RawHttpServer receiver = new RawHttpServer(1500, "Content-Length: 0\r\n", out -> { })) {
            StringBuilder rules = new StringBuilder("rules:\n");
            for (int i = 0; i < RULES; i++) {
                // poll interval 500 ms: the rules cross 15, 20, 25, 30 and 35 s after a replica started
                rules.append("  stale-").append(i).append(":\n    metric: stale\n    threshold: ").append(30 + 10 * i)
                        .append('\n');
            }
            rules.append("webhooks:\n  ops:\n    url: ").append(receiver.url()).append('\n');
            Path alerts = Files.createTempFile(Files.createDirectories(Path.of("target")), "replicas-", ".yml");
            Files.writeString(alerts, rules.toString());
            Map<String, String> env = new HashMap<>();
            env.put("LST_DB_URL", db.jdbcUrl());
            env.put("LST_DB_USER", db.user());
            env.put("LST_RPC_URL", "http://127.0.0.1:1"); // the chain is down: every cycle fails
            env.put("LST_HTTP_PORT", "-1");
            env.put("LST_HTTP_HOST", "127.0.0.1");
            env.put("LST_ALERTS_FILE", alerts.toString());
            List<String> fast = List.of("tracker.poll-interval=500ms", "tracker.alerts.dispatch-interval=200ms",
                    "tracker.alerts.retry-base=200ms", "tracker.alerts.retry-max=1s",
                    "tracker.alerts.webhook-timeout=2s");
            DataSource data = db.dataSource();
            List<String> logs = new ArrayList<>();
            try (ChildTracker a = ChildTracker.start(env, fast, List.of("serve"));
                    ChildTracker b = ChildTracker.start(env, fast, List.of("serve"))) {
                await(() -> receiver.requests() >= 1, List.of(a, b), "the first POST");
                // The first delivery is in flight (the receiver answers after 1.5 s): kill the replica that judges
                // staleness, the one that fired.
                ChildTracker judge = a.output().contains("alert firing stale-") ? a : b;
                ChildTracker survivor = judge == a ? b : a;
                judge.kill();
                await(() -> count(data, "SELECT COUNT(*) FROM alert_event") >= RULES
                        && count(data, "SELECT COUNT(*) FROM alert_delivery WHERE delivered_at IS NULL") == 0,
                        List.of(survivor), "every rule fired and every delivery made");
                Thread.sleep(3000); // a second firing or a second send would come here
                logs.add(judge.output());
                logs.add(survivor.output());
                assertTrue(survivor.output().contains("alert firing stale-"),
                        "the survivor took over the judging and fired the rules still to cross:\n" + survivor.output());
            }
            Map<String, Integer> firings = new TreeMap<>();
            try (Connection c = data.getConnection(); Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT rule_id, COUNT(*) FROM alert_event GROUP BY rule_id")) {
                while (r.next()) {
                    firings.put(r.getString(1), r.getInt(2));
                }
            }
            Map<String, Integer> expected = new TreeMap<>();
            for (int i = 0; i < RULES; i++) {
                expected.put("stale-" + i, 1);
            }
            assertEquals(expected, firings, "each rule fired once, by one replica");
            for (String log : logs) {
                assertFalse(log.contains("alert_state_pkey"), log);
                assertFalse(log.contains("not evaluated"), log);
            }

            List<String> eventIds = new ArrayList<>();
            try (Connection c = data.getConnection(); Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT id FROM alert_event ORDER BY id")) {
                while (r.next()) {
                    eventIds.add(r.getString(1));
                }
            }
            Map<String, Integer> posts = new TreeMap<>();
            for (String request : receiver.received()) {
                Matcher m = KEY.matcher(request);
                assertTrue(m.find(), "every POST names its event: " + request);
                posts.merge(m.group(1), 1, Integer::sum);
            }
            assertEquals(eventIds, new ArrayList<>(posts.keySet()), "every event reached the receiver, nothing lost");
            long twice = posts.values().stream().filter(n -> n > 1).count();
            assertTrue(posts.values().stream().allMatch(n -> n <= 2) && twice <= 1,
                    "only the delivery in flight at the kill may be sent again, with its key: " + posts);
        }
    }

    private static void await(BooleanSupplier done, List<ChildTracker> trackers, String what) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                StringBuilder out = new StringBuilder();
                for (ChildTracker t : trackers) {
                    out.append(t.output()).append("\n----\n");
                }
                throw new AssertionError("no " + what + " within 120 s:\n" + out);
            }
            Thread.sleep(100);
        }
    }

    private static long count(DataSource db, String sql) {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (Exception e) {
            throw new AssertionError(sql, e);
        }
    }
}
