package io.lsttracker.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.config.ConfigException;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The HTTP server's guards: the admin token's length and failed-attempt limit, TRACE, and the request head's timeout. */
class HttpHardeningTest {
    private static final String TOKEN = "0123456789abcdef0123456789abcdef";

    @Test
    void anAdminTokenUnder32CharactersStopsTheStart() {
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> TestServer.start(Map.of("tracker.admin.token", "s3cret-admin-token")).close());
        Throwable cause = e;
        while (!(cause instanceof ConfigException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertEquals("tracker.admin.token (LST_ADMIN_TOKEN): at least 32 characters, got 18 (e.g. the output of "
                + "`openssl rand -hex 32`)", cause.getMessage());
    }

    @Test
    void tenFailedAdminAttemptsAMinuteGet429EvenWithTheRightToken() {
        try (TestServer server = TestServer.start(Map.of("tracker.admin.token", TOKEN,
                "tracker.scheduler.enabled", "false"))) {
            TrackerApi api = server.api();
            for (int i = 0; i < 10; i++) {
                assertEquals(401, api.backfill("nope", "Bearer wrong-" + i).code(), "attempt " + i);
            }
            var refused = api.backfill("nope", "Bearer " + TOKEN);
            assertEquals(429, refused.code(), String.valueOf(refused.body()));
            assertEquals("too_many_requests", refused.body().get("error").asText());
            assertTrue(refused.body().get("message").asText().matches(
                    "10 failed admin attempts from this address in 60 s: try again in \\d+ s"), refused.body().toString());
        }
    }

    @Test
    void traceIsRefusedWith405() throws Exception {
        try (TestServer server = TestServer.start(Map.of("tracker.scheduler.enabled", "false"))) {
            URI base = server.url();
            HttpClient client = HttpClient.newHttpClient();
            for (String path : new String[] {"/", "/index.html", "/api/pools"}) {
                HttpResponse<String> answer = client.send(HttpRequest.newBuilder(base.resolve(path))
                        .method("TRACE", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(405, answer.statusCode(), path + ": " + answer.body());
                assertTrue(answer.body().contains("\"error\":\"method_not_allowed\""), answer.body());
            }
            assertEquals(200, client.send(HttpRequest.newBuilder(base.resolve("/")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode(), "GET still serves the dashboard");
        }
    }

    @Test
    void aConnectionThatDribblesItsHeadIsAnswered408AndClosed() throws Exception {
        try (TestServer server = TestServer.start(Map.of("tracker.scheduler.enabled", "false",
                "tracker.http.request-head-timeout", "1s"));
                Socket socket = new Socket(server.url().getHost(), server.url().getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /api/pools HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            InputStream in = socket.getInputStream();
            // One byte of a header every 200 ms: never silent long enough for an idle timeout.
            Thread dribble = new Thread(() -> {
                try {
                    for (byte b : "X-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".getBytes(StandardCharsets.US_ASCII)) {
                        out.write(b);
                        out.flush();
                        Thread.sleep(200);
                    }
                } catch (Exception closed) {
                    // the server closed the connection: what this test waits for
                }
            });
            dribble.setDaemon(true);
            dribble.start();
            String answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
            assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "closed after " + took);
        }
    }

    @Test
    void aKeptAliveConnectionServesRequestsWithinTheTimeout() throws Exception {
        try (TestServer server = TestServer.start(Map.of("tracker.scheduler.enabled", "false",
                "tracker.http.request-head-timeout", "2s"))) {
            HttpClient client = HttpClient.newHttpClient();
            for (int i = 0; i < 3; i++) {
                assertEquals(200, client.send(HttpRequest.newBuilder(server.url().resolve("/index.html")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode());
                Thread.sleep(500);
            }
        }
    }
}
