package io.lsttracker.pool;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;

/**
 * {@code tracker.pools-file} (LST_POOLS_FILE, or --pools): the pool registry to read; empty means
 * ./config/pools.yml if the working directory has one, else the copy packaged in the jar.
 */
@Context
@ConfigurationProperties("tracker")
public record PoolSettings(@Nullable String poolsFile) {
}
