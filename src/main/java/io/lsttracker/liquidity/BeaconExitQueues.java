package io.lsttracker.liquidity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The beacon chain's exit queue as read with each total staked (at most one reading an epoch) and stored with the
 * snapshot's concentration figures: what {@link LiquidityHistory} reports of the beacon side.
 */
public interface BeaconExitQueues {

    /** The newest reading; empty without a beacon node or before the first reading. */
    Optional<LiquidityFigures.BeaconExitQueue> latest();

    /** {@link #latest()} from memory only (a scrape while the database is down); by default {@link #latest()}. */
    default Optional<LiquidityFigures.BeaconExitQueue> latestKnown() {
        return latest();
    }

    /** The readings with from <= block time < to, oldest first, at most {@code limit} (the newest), limit in SQL. */
    List<LiquidityFigures.BeaconExitQueue> history(Instant from, Instant to, int limit);

    /**
     * The readings with from <= block time < to, the last of each {@code interval} (by the time of the reading's
     * first snapshot, buckets aligned to the unix epoch), oldest first, bucketed in SQL.
     */
    List<LiquidityFigures.BeaconExitQueue> history(Instant from, Instant to, Duration interval);
}
