package io.lsttracker.backfill;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small real HTTP server in front of the devchain that stands in for a node or provider behaving in ways
 * anvil does not (a pruned node, a rate limit): each request goes to {@link Behaviour}, which answers itself
 * or forwards to the devchain.
 */
final class RpcProxy implements AutoCloseable {

    /** What the stand-in does with request number {@code n} (from 1); {@code forward} asks the devchain. */
    interface Behaviour {
        Answer answer(int n, String body, Forward forward) throws IOException, InterruptedException;
    }

    interface Forward {
        String send(String body) throws IOException, InterruptedException;
    }

    record Answer(int status, String body, String retryAfter) {
        static Answer ok(String body) {
            return new Answer(200, body, null);
        }
    }

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    RpcProxy(String upstream, Behaviour behaviour) throws IOException {
        HttpClient client = HttpClient.newHttpClient();
        Forward forward = body -> client.send(HttpRequest.newBuilder(URI.create(upstream))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> handle(exchange, behaviour, forward));
        server.start();
    }

    private void handle(HttpExchange exchange, Behaviour behaviour, Forward forward) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Answer answer;
        try {
            answer = behaviour.answer(requests.incrementAndGet(), body, forward);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer = new Answer(500, "interrupted", null);
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (answer.retryAfter() != null) {
            exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
        }
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
