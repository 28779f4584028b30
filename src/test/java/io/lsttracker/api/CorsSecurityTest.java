package io.lsttracker.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lsttracker.devchain.TestDevchain;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * CORS is off unless origins are configured: a browser page on another origin gets no Access-Control-Allow-Origin
 * and so cannot read the API; with LST_CORS_ORIGINS it may, for the origins listed, for GET only.
 */
class CorsSecurityTest {
    private static final String ORIGIN = "https://dashboard.example";
    private static final String ALLOW_ORIGIN = HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN;

    @Test
    void byDefaultNoOriginIsAllowed() {
        try (TestServer server = TestServer.start(Map.of("tracker.chain.rpc-url", TestDevchain.shared().url()))) {
            TrackerApi api = server.api();
            assertEquals(Optional.empty(), api.pools(ORIGIN).getHeaders().findFirst(ALLOW_ORIGIN));
            assertEquals(Optional.empty(), api.poolsPreflight(ORIGIN, "GET").getHeaders().findFirst(ALLOW_ORIGIN));
        }
    }

    @Test
    void configuredOriginsMayReadWithGetAndNoOtherOriginMay() {
        try (TestServer server = TestServer.start(Map.of("tracker.chain.rpc-url", TestDevchain.shared().url(),
                "micronaut.server.cors.enabled", "true",
                "micronaut.server.cors.configurations.api.allowed-origins", ORIGIN + ",https://other.example"))) {
            TrackerApi api = server.api();
            HttpResponse<JsonNode> get = api.pools(ORIGIN);
            assertEquals(200, get.code());
            assertEquals(Optional.of(ORIGIN), get.getHeaders().findFirst(ALLOW_ORIGIN));
            assertEquals(Optional.of(ORIGIN), api.poolsPreflight(ORIGIN, "GET").getHeaders().findFirst(ALLOW_ORIGIN));

            assertEquals(Optional.empty(), api.pools("https://evil.example").getHeaders().findFirst(ALLOW_ORIGIN));
            assertEquals(Optional.empty(), api.poolsPreflight(ORIGIN, "POST").getHeaders().findFirst(ALLOW_ORIGIN),
                    "GET only");
        }
    }

    @Test
    void corsOnWithoutOriginsIsRefusedAtStartUpSinceAnEmptyListWouldAllowAnyOrigin() {
        // A bare context: no server is needed to see the refusal.
        Exception e = assertThrows(Exception.class, () -> ApplicationContext.builder().deduceEnvironment(false)
                .properties(Map.of("micronaut.server.cors.enabled", "true")).start().close());
        assertTrue(messages(e).contains("no origin is listed (set LST_CORS_ORIGINS)"), messages(e));
        Exception off = assertThrows(Exception.class, () -> ApplicationContext.builder().deduceEnvironment(false)
                .properties(Map.of("micronaut.server.cors.configurations.api.allowed-origins", ORIGIN)).start().close());
        assertTrue(messages(off).contains("set LST_CORS_ENABLED=true"), messages(off));
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
