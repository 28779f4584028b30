package io.lsttracker.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lsttracker.devchain.AnvilProcess;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With the RPC down, cycles fail and are counted, /health turns DOWN with the reason, and the API still answers. */
class HealthTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anUnreachableChainTurnsHealthDownWithoutBreakingTheApi() throws Exception {
        int deadPort = AnvilProcess.freePort();
        try (TestServer server = new TestServer(Map.of(
                "tracker.chain.rpc-url", "http://127.0.0.1:" + deadPort,
                "tracker.max-snapshot-age", "1s"))) {
            HttpResponse<String> health = server.get("/health");
            // DOWN once the age bound passes; wait for a failed cycle too, so the body carries its error
            for (int i = 0; i < 100 && (health.statusCode() == 200 || !health.body().contains("lastFailure")); i++) {
                Thread.sleep(100);
                health = server.get("/health");
            }
            assertEquals(503, health.statusCode(), health.body());
            JsonNode body = JSON.readTree(health.body());
            assertEquals("DOWN", body.get("status").asText());
            assertEquals("UP", body.get("database").asText());
            assertTrue(body.get("reason").asText().startsWith("no snapshot cycle has succeeded in the "), body.toString());
            assertTrue(body.get("lastFailure").asText().startsWith("cannot reach RPC endpoint http://127.0.0.1:" + deadPort),
                    body.toString());

            String metrics = server.get("/prometheus", "text/plain").body();
            assertTrue(metrics.matches("(?s).*lst_snapshot_cycles_total\\{outcome=\"failed\"} [1-9].*"), metrics);
            assertEquals(200, server.get("/api/pools").statusCode());
            assertEquals(404, server.get("/api/snapshots/latest").statusCode());
        }
    }
}
