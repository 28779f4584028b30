package io.lsttracker.pool;

import io.lsttracker.domain.PoolId;
import java.util.List;
import java.util.Optional;

/** The configured pools, in the order of the registry file. */
public record PoolRegistry(String source, List<PoolDefinition> pools) {
    public PoolRegistry {
        pools = List.copyOf(pools);
    }

    public Optional<PoolDefinition> find(PoolId id) {
        return pools.stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
