package io.lsttracker.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lsttracker.devchain.AnvilProcess;
import io.micronaut.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With the RPC down, cycles fail and are counted, /health turns DOWN with the reason, and the API still answers. */
class HealthTest extends ServerTest {
    private final int deadPort = AnvilProcess.freePort();

    @Override
    protected Map<String, ?> settings() {
        return Map.of("tracker.chain.rpc-url", "http://127.0.0.1:" + deadPort,
                "tracker.max-snapshot-age", "1s");
    }

    @Test
    void anUnreachableChainTurnsHealthDownWithoutBreakingTheApi() throws Exception {
        // DOWN once the age bound passes; wait for a failed cycle too, so the body carries its error
        HttpResponse<JsonNode> health = Await.until(api, "failed cycle on /health", Duration.ofSeconds(10), api::health,
                h -> h.code() != 200 && h.body().has("lastFailure"));
        assertEquals(503, health.code(), health.body().toString());
        JsonNode body = health.body();
        assertEquals("DOWN", body.get("status").asText());
        assertEquals("UP", body.get("database").asText());
        assertTrue(body.get("reason").asText().startsWith("no snapshot cycle has succeeded in the "), body.toString());
        assertTrue(body.get("lastFailure").asText().startsWith("cannot reach RPC endpoint http://127.0.0.1:" + deadPort),
                body.toString());

        String metrics = api.prometheus().body();
        assertTrue(metrics.matches("(?s).*lst_snapshot_cycles_total\\{outcome=\"failed\"} [1-9].*"), metrics);
        assertEquals(200, api.pools().code());
        assertEquals(404, api.latestSnapshot().code());
    }
}
