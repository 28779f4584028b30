package io.lsttracker.api;

import io.lsttracker.pool.PoolDefinition;
import io.lsttracker.pool.PoolRegistry;
import io.lsttracker.domain.PoolId;
import jakarta.inject.Singleton;

/** Finds the pool a request names, or answers 404 with the ids that exist. */
@Singleton
public final class PoolLookup {
    private final PoolRegistry registry;

    public PoolLookup(PoolRegistry registry) {
        this.registry = registry;
    }

    public PoolDefinition find(String id) {
        PoolId poolId;
        try {
            poolId = new PoolId(id);
        } catch (IllegalArgumentException e) {
            throw unknown(id);
        }
        return registry.find(poolId).orElseThrow(() -> unknown(id));
    }

    private ApiException unknown(String id) {
        return ApiException.notFound("unknown pool '" + id + "' (known: "
                + String.join(", ", registry.pools().stream().map(p -> p.id().value()).toList()) + ")");
    }
}
