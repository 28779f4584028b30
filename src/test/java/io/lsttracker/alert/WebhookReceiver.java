package io.lsttracker.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The receiver of alert webhooks in tests: a small real HTTP server (a context of its own whose one route of
 * ours is {@link Hook}, kept out of every other context by spec.name) on a port chosen before it starts, so that
 * alert rules can name it while it is still down. It keeps each delivery (its Idempotency-Key and JSON body) and
 * answers 503 to as many deliveries as it is told to refuse.
 */
public final class WebhookReceiver implements AutoCloseable {
    private static final String SPEC = "WebhookReceiver";

    /** One delivery as it arrived. */
    public record Delivery(String idempotencyKey, JsonNode body) {
    }

    private final EmbeddedServer server;
    private final Hook hook;

    private WebhookReceiver(EmbeddedServer server) {
        this.server = server;
        this.hook = server.getApplicationContext().getBean(Hook.class);
    }

    /** Listens on 127.0.0.1:{@code port}; deliveries go to /hook. */
    public static WebhookReceiver start(int port) {
        return new WebhookReceiver(ApplicationContext.builder().deduceEnvironment(false).banner(false)
                .properties(Map.of("spec.name", SPEC, "micronaut.server.host", "127.0.0.1", "micronaut.server.port", port))
                .run(EmbeddedServer.class));
    }

    /** The deliveries accepted so far, in order. */
    public List<Delivery> deliveries() {
        return List.copyOf(hook.deliveries);
    }

    /** Answers the next {@code deliveries} deliveries with 503 Service Unavailable. */
    public void refuse(int deliveries) {
        hook.refusals.set(deliveries);
    }

    @Override
    public void close() {
        server.getApplicationContext().close();
    }

    @Requires(property = "spec.name", value = SPEC)
    @Controller("/hook")
    static final class Hook {
        private static final ObjectMapper JSON = new ObjectMapper();
        final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
        final AtomicInteger refusals = new AtomicInteger();

        @Post
        HttpResponse<Void> receive(@Nullable @Header("Idempotency-Key") String idempotencyKey, @Body String body)
                throws IOException {
            if (refusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE);
            }
            deliveries.add(new Delivery(idempotencyKey, JSON.readTree(body)));
            return HttpResponse.ok();
        }
    }
}
