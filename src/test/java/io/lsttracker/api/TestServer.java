package io.lsttracker.api;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The tracker as `serve` runs it (environment "server"), on a random port with a private H2 database. */
final class TestServer implements AutoCloseable {
    final ApplicationContext context;
    final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    TestServer(Map<String, Object> overrides) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", -1);
        properties.put("micronaut.server.host", "127.0.0.1");
        properties.put("datasources.default.url", "jdbc:h2:mem:api_" + UUID.randomUUID().toString().replace("-", "")
                + ";DB_CLOSE_DELAY=-1");
        properties.put("tracker.poll-interval", "1s");
        properties.put("tracker.confirmations", 0);
        properties.put("tracker.scheduler.enabled", "true");
        properties.putAll(overrides);
        context = Micronaut.build(new String[0]).environments("server").deduceEnvironment(false).banner(false)
                .properties(properties).start();
        base = context.getBean(EmbeddedServer.class).getURI();
    }

    HttpResponse<String> get(String path) {
        return get(path, "application/json");
    }

    HttpResponse<String> get(String path, String accept) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", accept).GET().build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + ": " + e, e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
