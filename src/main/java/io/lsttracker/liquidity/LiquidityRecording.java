package io.lsttracker.liquidity;

import io.lsttracker.domain.Snapshot;
import io.lsttracker.pool.PoolRegistry;
import io.lsttracker.snapshot.SnapshotFigures;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The liquidity figures of each recorded snapshot, stored in the snapshot's transaction: {@link SnapshotLiquidity}
 * makes them of the snapshot's raw answers, {@link LiquidityStore} stores them. A snapshot read without its markets
 * and exits stores none.
 */
@Singleton
public final class LiquidityRecording implements SnapshotFigures {
    private final PoolRegistry pools;
    private final Markets markets;
    private final LiquidityStore store;

    public LiquidityRecording(PoolRegistry pools, Markets markets, LiquidityStore store) {
        this.pools = pools;
        this.markets = markets;
        this.store = store;
    }

    @Override
    public Prepared prepare(Snapshot snapshot) {
        List<LiquidityFigures> figures = SnapshotLiquidity.of(snapshot, pools, markets);
        return figures.isEmpty() ? () -> { } : store.figures(figures);
    }
}
