package io.lsttracker.pool;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The pool registry from tracker.pools-file (LST_POOLS_FILE), ./config/pools.yml or the packaged copy. */
@Factory
public class PoolRegistryFactory {

    @Singleton
    PoolRegistry poolRegistry(PoolSettings settings) {
        return PoolRegistryLoader.load(settings.poolsFile());
    }
}
