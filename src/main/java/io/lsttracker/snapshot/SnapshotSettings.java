package io.lsttracker.snapshot;

import io.lsttracker.config.ConfigException;
import io.lsttracker.config.Settings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * The snapshot cycle's settings, {@code tracker.*} in application.yml (where the defaults are): how often a
 * snapshot is taken (poll-interval, LST_POLL_INTERVAL; the scheduled jobs read the same key), how many blocks
 * behind the head (confirmations, LST_CONFIRMATIONS), and how far below the stored head a reorg is looked for
 * (reorg-depth, LST_REORG_DEPTH). A bad value stops start-up naming its key.
 */
@Context
@ConfigurationProperties("tracker")
public record SnapshotSettings(@Nullable Duration pollInterval, @Nullable Long confirmations,
        @Nullable Long reorgDepth) {
    public SnapshotSettings {
        Settings.positive("tracker.poll-interval", pollInterval);
        Settings.required("tracker.confirmations", confirmations, "a whole number");
        if (confirmations < 0) {
            throw new ConfigException("tracker.confirmations: must not be negative, got " + confirmations);
        }
        Settings.required("tracker.reorg-depth", reorgDepth, "a whole number");
        if (reorgDepth < 1) {
            throw new ConfigException("tracker.reorg-depth: must be at least 1, got " + reorgDepth);
        }
    }
}
