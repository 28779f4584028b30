package io.lsttracker.backfill;

import io.lsttracker.config.ConfigException;
import io.lsttracker.config.Settings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;

/**
 * {@code tracker.backfill.*} (defaults in application.yml): how many reads go in one JSON-RPC batch
 * (LST_BACKFILL_BATCH_SIZE; providers cap batches, commonly at 100 to 1,000 calls) and how many batches may be
 * in flight at once (LST_BACKFILL_MAX_IN_FLIGHT).
 */
@Context
@ConfigurationProperties("tracker.backfill")
public record BackfillSettings(@Nullable Integer batchSize, @Nullable Integer maxInFlight) {
    public BackfillSettings {
        Settings.required("tracker.backfill.batch-size", batchSize, "a whole number");
        if (batchSize < 1 || batchSize > 1000) {
            throw new ConfigException("tracker.backfill.batch-size: must be between 1 and 1000, got " + batchSize);
        }
        Settings.required("tracker.backfill.max-in-flight", maxInFlight, "a whole number");
        if (maxInFlight < 1 || maxInFlight > 16) {
            throw new ConfigException("tracker.backfill.max-in-flight: must be between 1 and 16, got " + maxInFlight);
        }
    }
}
