package io.lsttracker.liquidity;

import io.lsttracker.domain.PoolId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Liquidity as stored with each snapshot (same transaction, replaced on a reorg), read back for the API, the
 * gauges and the alerts. The latest figures are kept in memory by the implementation as each snapshot is
 * recorded, so gauges and GET /api/liquidity never read the database on the hot path.
 */
public interface LiquidityHistory {

    /** Every configured pool's figures at the newest stored snapshot, in pools.yml order; empty before the first. */
    List<LiquidityFigures> latest();

    /** The beacon exit queue at the newest reading; empty without a beacon node or before the first reading. */
    Optional<LiquidityFigures.BeaconExitQueue> latestExitQueue();

    /**
     * {@link #latest()} from memory only, for a Prometheus scrape, which must answer while the database is down:
     * empty until the figures were recorded or read in this process. By default what {@link #latest()} answers
     * (an implementation that holds everything in memory).
     */
    default List<LiquidityFigures> latestKnown() {
        return latest();
    }

    /** {@link #latestExitQueue()} from memory only, as {@link #latestKnown()}. */
    default Optional<LiquidityFigures.BeaconExitQueue> latestExitQueueKnown() {
        return latestExitQueue();
    }

    /**
     * One pool's figures at the stored snapshots with from <= block time < to, oldest first, at most
     * {@code limit} of them (the newest ones when there are more), read with the limit in SQL.
     */
    List<LiquidityFigures> history(PoolId pool, Instant from, Instant to, int limit);

    /**
     * One pool's figures at the last stored snapshot of each {@code interval} with from <= block time < to, oldest
     * first: buckets aligned to the unix epoch (block time / interval), as the snapshot history's, chosen in SQL.
     */
    List<LiquidityFigures> history(PoolId pool, Instant from, Instant to, Duration interval);

    /** The beacon exit queue's readings with from <= block time < to, oldest first, at most {@code limit}. */
    List<LiquidityFigures.BeaconExitQueue> exitQueueHistory(Instant from, Instant to, int limit);

    /**
     * The beacon exit queue's readings with from <= block time < to, the last of each {@code interval} (by the time
     * of the reading's first snapshot, buckets aligned as {@link #history(PoolId, Instant, Instant, Duration)}'s),
     * oldest first; empty without a beacon node.
     */
    List<LiquidityFigures.BeaconExitQueue> exitQueueHistory(Instant from, Instant to, Duration interval);
}
