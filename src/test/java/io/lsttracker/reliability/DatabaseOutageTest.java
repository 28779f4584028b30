package io.lsttracker.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.api.TestServer;
import io.lsttracker.db.TestDatabases;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped under a running `serve` (a TCP forwarder in front of it is cut: connections closed, new ones
 * refused), with many API requests waiting on it: the dashboard's static files and /prometheus keep answering at
 * once, API routes and /health answer 503 naming the database within a few seconds, and when it is back the API
 * answers again.
 */
class DatabaseOutageTest {

    @Test
    void aStoppedDatabaseFreezesNothing() throws Exception {
        try (TestDatabases.TestDatabase db = TestDatabases.postgres()) {
            try (TcpCut proxy = TcpCut.inFrontOf(db);
                    TestServer server = TestServer.start(Map.of(
                            "datasources.default.url", proxy.jdbcUrl(),
                            "datasources.default.username", db.user()))) {
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                URI base = server.url();
                assertEquals(200, get(http, base, "/api/alerts").statusCode());

                proxy.cut();
                // Many requests that each wait for a connection: more than Netty has event-loop threads.
                List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
                for (int i = 0; i < 24; i++) {
                    waiting.add(http.sendAsync(HttpRequest.newBuilder(base.resolve("/api/alerts"))
                            .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()));
                }
                Thread.sleep(200);
                long start = System.nanoTime();
                HttpResponse<String> page = get(http, base, "/index.html");
                assertEquals(200, page.statusCode());
                assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(2)) < 0,
                        "the dashboard answered only after " + Duration.ofNanos(System.nanoTime() - start));

                for (CompletableFuture<HttpResponse<String>> f : waiting) {
                    HttpResponse<String> answer = f.get();
                    assertEquals(503, answer.statusCode(), answer.body());
                    assertTrue(answer.body().contains("\"error\":\"database_unavailable\""), answer.body());
                    assertTrue(answer.body().contains("the database (PostgreSQL at 127.0.0.1:" + proxy.port() + "/"),
                            answer.body());
                }
                start = System.nanoTime();
                HttpResponse<String> health = get(http, base, "/health");
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertEquals(503, health.statusCode(), health.body());
                assertTrue(health.body().contains("\"database\":\"DOWN\""), health.body());
                assertTrue(health.body().contains("the database (PostgreSQL at 127.0.0.1:" + proxy.port()), health.body());
                assertTrue(took.compareTo(Duration.ofSeconds(8)) < 0, "/health took " + took);

                start = System.nanoTime();
                HttpResponse<String> metrics = get(http, base, "/prometheus");
                took = Duration.ofNanos(System.nanoTime() - start);
                assertEquals(200, metrics.statusCode());
                assertTrue(metrics.body().contains("lst_snapshot_cycles_total"), "cycle counters are served");
                assertTrue(took.compareTo(Duration.ofSeconds(8)) < 0, "/prometheus took " + took);

                proxy.restore();
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                int status = 0;
                while (System.nanoTime() < deadline && status != 200) {
                    status = get(http, base, "/api/alerts").statusCode();
                    Thread.sleep(200);
                }
                assertEquals(200, status, "the API answers again once the database is back");
            }
        }
    }

    /**
     * The chain is down too (cycles fail) and the database goes away before the staleness rule's 3 intervals are
     * up: the alert is judged without the database (logged, held) and stored with its own time once the database
     * is back, so the webhooks get it; it used to be skipped ("staleness not checked") for the whole outage.
     */
    @Test
    void theStaleDataAlertFiresDuringTheOutageAndIsStoredWhenTheDatabaseIsBack() throws Exception {
        Path rules = Files.createTempFile(Files.createDirectories(Path.of("target")), "stale-", ".yml");
        Files.writeString(rules, "rules:\n  stale-data:\n    metric: stale\n    threshold: 3\n");
        try (TestDatabases.TestDatabase db = TestDatabases.postgres()) {
            try (TcpCut proxy = TcpCut.inFrontOf(db);
                    TestServer server = TestServer.start(Map.of(
                            "datasources.default.url", proxy.jdbcUrl(),
                            "datasources.default.username", db.user(),
                            "tracker.alerts.file", rules.toString()))) {
                proxy.cut();
                Instant cutAt = Instant.now();
                Thread.sleep(7000); // past 3 poll intervals of 1 s, with room for the 2 s connection waits
                Instant restoredAt = Instant.now();
                proxy.restore();
                HttpClient http = HttpClient.newHttpClient();
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                String body = "";
                while (System.nanoTime() < deadline && !body.contains("\"rule\":\"stale-data\"")) {
                    HttpResponse<String> answer = get(http, server.url(), "/api/alerts");
                    body = answer.statusCode() == 200 ? answer.body() : "";
                    Thread.sleep(300);
                }
                Matcher time = Pattern.compile("\"rule\":\"stale-data\".*?\"time\":\"([^\"]+)\"").matcher(body);
                assertTrue(time.find(), "the stale-data event was stored: " + body);
                Instant firedAt = Instant.parse(time.group(1));
                assertTrue(firedAt.isBefore(restoredAt) && !firedAt.isBefore(cutAt.minusSeconds(1)),
                        "fired at " + firedAt + ", during the outage " + cutAt + " .. " + restoredAt);
            }
        }
    }

    private static HttpResponse<String> get(HttpClient http, URI base, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
