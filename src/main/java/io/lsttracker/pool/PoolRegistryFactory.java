package io.lsttracker.pool;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/** The pool registry from tracker.pools-file (LST_POOLS_FILE), ./config/pools.yml or the packaged copy. */
@Factory
public class PoolRegistryFactory {

    @Singleton
    PoolRegistry poolRegistry(@Nullable @Value("${tracker.pools-file:}") String poolsFile) {
        return PoolRegistryLoader.load(poolsFile);
    }
}
