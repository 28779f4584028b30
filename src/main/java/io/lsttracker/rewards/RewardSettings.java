package io.lsttracker.rewards;

import io.lsttracker.config.ConfigException;
import io.lsttracker.config.Settings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;

/**
 * {@code tracker.rewards.*}: how report events are read (defaults in application.yml). {@code pageBlocks}
 * (LST_REWARDS_PAGE_BLOCKS) is the block range of one eth_getLogs, under what public providers allow (2k to 10k
 * blocks). {@code lookbackBlocks} (LST_REWARDS_LOOKBACK_BLOCKS; about 35 days of 12-second blocks by default, so
 * the 30-day window is covered) is how far before the first snapshot indexing starts when a pool has never been
 * indexed.
 */
@Context
@ConfigurationProperties("tracker.rewards")
public record RewardSettings(@Nullable Long pageBlocks, @Nullable Long lookbackBlocks) {
    public RewardSettings {
        Settings.required("tracker.rewards.page-blocks", pageBlocks, "a whole number");
        if (pageBlocks < 1 || pageBlocks > 1_000_000) {
            throw new ConfigException("tracker.rewards.page-blocks: must be between 1 and 1000000, got " + pageBlocks);
        }
        Settings.required("tracker.rewards.lookback-blocks", lookbackBlocks, "a whole number");
        if (lookbackBlocks < 0) {
            throw new ConfigException("tracker.rewards.lookback-blocks: must not be negative, got " + lookbackBlocks);
        }
    }
}
