package io.lsttracker.rewards;

import io.lsttracker.config.ConfigException;
import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * {@code tracker.rewards.*}: how report events are read. {@code pageBlocks} (LST_REWARDS_PAGE_BLOCKS,
 * default 2000) is the block range of one eth_getLogs, under what public providers allow (2k to 10k
 * blocks). {@code lookbackBlocks} (LST_REWARDS_LOOKBACK_BLOCKS, default 250000, about 35 days of 12-second
 * blocks, so the 30-day window is covered) is how far before the first snapshot indexing starts when a
 * pool has never been indexed.
 */
@ConfigurationProperties("tracker.rewards")
public record RewardSettings(Long pageBlocks, Long lookbackBlocks) {
    public static final long DEFAULT_PAGE_BLOCKS = 2000;
    public static final long DEFAULT_LOOKBACK_BLOCKS = 250_000;

    public RewardSettings {
        if (pageBlocks != null && (pageBlocks < 1 || pageBlocks > 1_000_000)) {
            throw new ConfigException("tracker.rewards.page-blocks: must be between 1 and 1000000, got " + pageBlocks);
        }
        if (lookbackBlocks != null && lookbackBlocks < 0) {
            throw new ConfigException("tracker.rewards.lookback-blocks: must not be negative, got " + lookbackBlocks);
        }
    }

    public long pageBlocksOrDefault() {
        return pageBlocks == null ? DEFAULT_PAGE_BLOCKS : pageBlocks;
    }

    public long lookbackBlocksOrDefault() {
        return lookbackBlocks == null ? DEFAULT_LOOKBACK_BLOCKS : lookbackBlocks;
    }
}
