package io.lsttracker.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.devchain.TestDevchain;
import io.micronaut.context.ApplicationContext;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * CORS is off unless origins are configured: a browser page on another origin gets no Access-Control-Allow-Origin
 * and so cannot read the API; with LST_CORS_ORIGINS it may, for the origins listed, for GET only.
 */
class CorsSecurityTest {
    private static final String ORIGIN = "https://dashboard.example";

    @Test
    void byDefaultNoOriginIsAllowed() {
        try (TestServer server = new TestServer(Map.of("tracker.chain.rpc-url", TestDevchain.shared().url()))) {
            HttpResponse<String> get = server.send(HttpRequest.newBuilder(server.base.resolve("/api/pools"))
                    .header("Origin", ORIGIN).GET().build());
            assertEquals(Optional.empty(), get.headers().firstValue("Access-Control-Allow-Origin"));
            HttpResponse<String> preflight = server.send(preflight(server, ORIGIN, "GET"));
            assertEquals(Optional.empty(), preflight.headers().firstValue("Access-Control-Allow-Origin"));
        }
    }

    @Test
    void configuredOriginsMayReadWithGetAndNoOtherOriginMay() {
        try (TestServer server = new TestServer(Map.of("tracker.chain.rpc-url", TestDevchain.shared().url(),
                "micronaut.server.cors.enabled", "true",
                "micronaut.server.cors.configurations.api.allowed-origins", ORIGIN + ",https://other.example"))) {
            HttpResponse<String> get = server.send(HttpRequest.newBuilder(server.base.resolve("/api/pools"))
                    .header("Origin", ORIGIN).GET().build());
            assertEquals(200, get.statusCode());
            assertEquals(Optional.of(ORIGIN), get.headers().firstValue("Access-Control-Allow-Origin"));
            HttpResponse<String> preflight = server.send(preflight(server, ORIGIN, "GET"));
            assertEquals(Optional.of(ORIGIN), preflight.headers().firstValue("Access-Control-Allow-Origin"));

            HttpResponse<String> stranger = server.send(HttpRequest.newBuilder(server.base.resolve("/api/pools"))
                    .header("Origin", "https://evil.example").GET().build());
            assertEquals(Optional.empty(), stranger.headers().firstValue("Access-Control-Allow-Origin"));
            HttpResponse<String> post = server.send(preflight(server, ORIGIN, "POST"));
            assertEquals(Optional.empty(), post.headers().firstValue("Access-Control-Allow-Origin"), "GET only");
        }
    }

    @Test
    void corsOnWithoutOriginsIsRefusedAtStartUpSinceAnEmptyListWouldAllowAnyOrigin() {
        // A bare context (Micronaut.start, as TestServer uses, exits the JVM when start-up fails).
        Exception e = assertThrows(Exception.class, () -> ApplicationContext.builder().deduceEnvironment(false)
                .properties(Map.of("micronaut.server.cors.enabled", "true")).start().close());
        assertTrue(messages(e).contains("no origin is listed (set LST_CORS_ORIGINS)"), messages(e));
        Exception off = assertThrows(Exception.class, () -> ApplicationContext.builder().deduceEnvironment(false)
                .properties(Map.of("micronaut.server.cors.configurations.api.allowed-origins", ORIGIN)).start().close());
        assertTrue(messages(off).contains("set LST_CORS_ENABLED=true"), messages(off));
    }

    private static HttpRequest preflight(TestServer server, String origin, String method) {
        return HttpRequest.newBuilder(server.base.resolve("/api/pools")).header("Origin", origin)
                .header("Access-Control-Request-Method", method).method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build();
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
