package io.lsttracker.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lsttracker.alert.AlertEvent;
import io.lsttracker.alert.AlertRepository;
import io.lsttracker.alert.AlertRule;
import io.lsttracker.alert.AlertTransition;
import io.lsttracker.alert.OutboxDispatcher;
import io.lsttracker.alert.Webhook;
import io.lsttracker.db.TestDatabases;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Two trackers (replicas) sending one PostgreSQL outbox at the same moment to a slow receiver: each pending
 * delivery is posted once, by whichever replica claims it first. (Both used to read the same due rows and post
 * every one of them.)
 */
class OutboxReplicasTest {
    private static final Pattern KEY = Pattern.compile("(?i)idempotency-key: ([0-9a-f-]+)");

    @Test
    void twoReplicasDeliverEachEventOnce() throws Exception {
        try (TestDatabases.TestDatabase db = TestDatabases.postgres();
                RawHttpServer receiver = new RawHttpServer(200, "Content-Length: 0\r\n", out -> { })) {
            AlertRepository repository = db.bean(AlertRepository.class);
            List<AlertEvent> events = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                events.add(new AlertEvent("3f0c1a52-0000-4000-8000-00000000000" + i, "stale-data",
                        AlertRule.Metric.STALE, "tracker", AlertTransition.Kind.FIRING, new BigDecimal("3.5"),
                        new BigDecimal("3"), AlertRule.Direction.ABOVE, Instant.parse("2026-11-01T00:00:00Z"),
                        Optional.empty(), "stale " + i));
            }
            repository.apply(new AlertRepository.Changes(Map.of(), events, Optional.empty()), List.of("ops"), 0);
            List<Webhook> webhooks = List.of(new Webhook("ops", URI.create(receiver.url()), Webhook.Format.GENERIC));
            OutboxDispatcher first = new OutboxDispatcher(repository, webhooks, Duration.ofSeconds(10),
                    Duration.ofMinutes(5), Duration.ofSeconds(5));
            OutboxDispatcher second = new OutboxDispatcher(db.bean(AlertRepository.class), webhooks,
                    Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofSeconds(5));
            Instant now = Instant.now();
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<Integer> a = pool.submit(() -> {
                    go.await();
                    return first.dispatch(now);
                });
                Future<Integer> b = pool.submit(() -> {
                    go.await();
                    return second.dispatch(now);
                });
                go.countDown();
                assertEquals(6, a.get() + b.get(), "six deliveries between the two replicas");
            } finally {
                pool.shutdownNow();
            }
            List<String> keys = new ArrayList<>();
            for (String request : receiver.received()) {
                Matcher m = KEY.matcher(request);
                if (m.find()) {
                    keys.add(m.group(1));
                }
            }
            assertEquals(6, keys.size(), "each event posted once: " + keys);
            assertEquals(6, keys.stream().distinct().count(), keys.toString());
            assertEquals(0, repository.pending());
        }
    }
}
