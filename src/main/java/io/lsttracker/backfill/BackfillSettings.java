package io.lsttracker.backfill;

import io.lsttracker.config.ConfigException;
import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * {@code tracker.backfill.*}: how many reads go in one JSON-RPC batch (LST_BACKFILL_BATCH_SIZE; providers cap
 * batches, commonly at 100 to 1,000 calls) and how many batches may be in flight at once
 * (LST_BACKFILL_MAX_IN_FLIGHT).
 */
@ConfigurationProperties("tracker.backfill")
public record BackfillSettings(Integer batchSize, Integer maxInFlight) {
    public static final int DEFAULT_BATCH_SIZE = 50;
    public static final int DEFAULT_MAX_IN_FLIGHT = 2;

    public BackfillSettings {
        batchSize = batchSize == null ? DEFAULT_BATCH_SIZE : batchSize;
        maxInFlight = maxInFlight == null ? DEFAULT_MAX_IN_FLIGHT : maxInFlight;
        if (batchSize < 1 || batchSize > 1000) {
            throw new ConfigException("tracker.backfill.batch-size: must be between 1 and 1000, got " + batchSize);
        }
        if (maxInFlight < 1 || maxInFlight > 16) {
            throw new ConfigException("tracker.backfill.max-in-flight: must be between 1 and 16, got " + maxInFlight);
        }
    }
}
