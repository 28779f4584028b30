package io.lsttracker.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.lsttracker.devchain.AnvilProcess;
import io.micronaut.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Secrets in configuration (an RPC URL with its API key in the path and the query, a beacon URL with a password and
 * a key, the database password, the admin token, a Slack-style webhook URL) appear in no log line, no stack trace
 * and no API answer, while everything that could show them fails: the RPC and beacon endpoints are down, the
 * staleness alert fires and its webhook is refused, an admin call brings a wrong token. Every secret holds
 * "s3cr3t", so one search finds any of them.
 */
class SecretsInLogsSecurityTest {
    private static final String MARK = "s3cr3t";

    @Test
    void noSecretFromConfigurationReachesTheLogsOrTheApi() throws Exception {
        int down = AnvilProcess.freePort();
        Path alerts = Files.createTempFile(Files.createDirectories(Path.of("target")), "alerts-", ".yml");
        Files.writeString(alerts, """
                rules:
                  stale:
                    metric: stale
                    threshold: 3
                webhooks:
                  slack:
                    url: http://127.0.0.1:%d/services/T0000/B0000/HOOK-s3cr3t
                """.formatted(down));
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        List<String> bodies = new ArrayList<>();
        try (TestServer server = TestServer.start(Map.of(
                "tracker.chain.rpc-url", "http://127.0.0.1:" + down + "/v2/RPCKEY-s3cr3t?apikey=QUERY-s3cr3t",
                "tracker.beacon.url", "http://user:PASS-s3cr3t@127.0.0.1:" + down + "/key/BEACON-s3cr3t",
                "tracker.admin.token", "ADMIN-s3cr3t-0123456789abcdef0123456789",
                "tracker.alerts.file", alerts.toString(),
                "tracker.alerts.dispatch-interval", "100ms",
                "tracker.poll-interval", "100ms",
                "datasources.default.url", "jdbc:h2:mem:secrets_" + UUID.randomUUID().toString().replace("-", "")
                        + ";DB_CLOSE_DELAY=-1",
                "datasources.default.password", "DB-s3cr3t"))) {
            long deadline = System.currentTimeMillis() + 30_000;
            // wait for the webhook attempt and for a failed cycle (with retries and backoff, that takes a while)
            while (logs.list.stream().noneMatch(e -> e.getFormattedMessage().contains("to webhook slack failed"))
                    || logs.list.stream().noneMatch(e -> e.getFormattedMessage().contains("cannot reach RPC endpoint"))) {
                assertTrue(System.currentTimeMillis() < deadline, "the webhook or the RPC was not tried: " + text(logs));
                Thread.sleep(50);
            }
            TrackerApi api = server.api();
            for (HttpResponse<JsonNode> answer : List.of(api.health(), api.pools(), api.alerts(null, null),
                    api.history("lido", "x", null, null))) {
                bodies.add(answer.body().toString());
            }
            HttpResponse<JsonNode> admin = api.startBackfill("Bearer ADMIN-s3cr3t-wrong",
                    "{\"from\":\"2026-01-01\",\"to\":\"2026-01-02\"}");
            assertEquals(401, admin.code());
            bodies.add(admin.body().toString());
        } finally {
            root.detachAppender(logs);
        }
        String all = text(logs);
        // The failures were logged, naming where they happened: the test looked at the lines that could leak.
        assertTrue(all.contains("cannot reach RPC endpoint http://127.0.0.1:" + down + "/…"), all);
        assertTrue(bodies.get(0).contains("http://127.0.0.1:" + down + "/…"), "/health names the endpoint: " + bodies.get(0));
        assertTrue(!all.contains(MARK), "a secret in the logs:\n" + all);
        for (String body : bodies) {
            assertTrue(!body.contains(MARK), "a secret in an API answer: " + body);
        }
    }

    private static String text(ListAppender<ILoggingEvent> logs) {
        StringBuilder all = new StringBuilder();
        for (ILoggingEvent e : List.copyOf(logs.list)) {
            all.append(e.getFormattedMessage()).append('\n');
            if (e.getThrowableProxy() != null) {
                all.append(ThrowableProxyUtil.asString(e.getThrowableProxy())).append('\n');
            }
        }
        return all.toString();
    }
}
