package io.lsttracker.snapshot;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/** Runs a snapshot cycle every {@code tracker.poll-interval}; only `serve` and `demo` enable it. */
@Singleton
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
