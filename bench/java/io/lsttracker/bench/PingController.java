package io.lsttracker.bench;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/**
 * The API benchmark's baseline: a route of the same server (same Netty pipeline, routing and Jackson) that
 * does no work, so the difference from {@code /api/pools} is what that endpoint itself costs. Only exists in
 * the "bench" environment, which nothing but {@link ApiBench} sets.
 */
@Controller("/bench")
@Requires(env = "bench")
public class PingController {

    public record Pong(String status) {
    }

    private static final Pong PONG = new Pong("ok");

    @Get("/ping")
    public Pong ping() {
        return PONG;
    }
}
