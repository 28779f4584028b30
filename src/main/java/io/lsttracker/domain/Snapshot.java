package io.lsttracker.domain;

import java.util.List;
import java.util.Objects;

/**
 * Every configured pool, read at one block, with the raw answers of the pools' markets and exit contracts read in
 * the same multicall ({@link LiquidityAnswers#NONE} when they were not read).
 */
public record Snapshot(long chainId, BlockRef block, List<PoolState> pools, LiquidityAnswers liquidity) {
    public Snapshot {
        Objects.requireNonNull(block, "block");
        pools = List.copyOf(pools);
        Objects.requireNonNull(liquidity, "liquidity");
    }

    /** A snapshot of the pools alone. */
    public Snapshot(long chainId, BlockRef block, List<PoolState> pools) {
        this(chainId, block, pools, LiquidityAnswers.NONE);
    }

    public List<PoolState> failedPools() {
        return pools.stream().filter(p -> !p.isOk()).toList();
    }
}
