package io.lsttracker.bench;

import io.micronaut.runtime.Micronaut;

/**
 * The start-up benchmark's baseline: Micronaut started from the same jar with the same HTTP server, but in the
 * "bench" environment alone, so none of what `serve` adds (the "server" environment's database and its Flyway
 * migrations, the snapshot scheduler, the chain connection) is created. It serves {@link PingController}.
 */
public final class BareStart {
    private BareStart() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).environments("bench").deduceEnvironment(false).banner(false).start();
    }
}
