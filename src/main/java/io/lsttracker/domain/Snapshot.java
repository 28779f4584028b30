package io.lsttracker.domain;

import java.util.List;
import java.util.Objects;

/** Every configured pool, read at one block. */
public record Snapshot(long chainId, BlockRef block, List<PoolState> pools) {
    public Snapshot {
        Objects.requireNonNull(block, "block");
        pools = List.copyOf(pools);
    }

    public List<PoolState> failedPools() {
        return pools.stream().filter(p -> !p.isOk()).toList();
    }
}
