package io.lsttracker.snapshot;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;

/** Runs a snapshot cycle every {@code tracker.poll-interval}; only `serve` and `demo` enable it. */
// Created with the context, not at its first run: a configuration it needs that cannot work (alerts.yml,
// pools.yml) stops the start instead of failing every scheduled run (README: "Commands").
@Context
@Requires(property = "tracker.scheduler.enabled", value = "true")
public final class SnapshotJob {
    private final SnapshotCycle cycle;

    public SnapshotJob(SnapshotCycle cycle) {
        this.cycle = cycle;
    }

    @Scheduled(fixedDelay = "${tracker.poll-interval}", initialDelay = "1s")
    void run() {
        cycle.runOnce();
    }
}
