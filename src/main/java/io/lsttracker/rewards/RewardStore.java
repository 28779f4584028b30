package io.lsttracker.rewards;

import io.lsttracker.chain.EventLog;
import io.lsttracker.domain.PoolId;
import java.util.List;
import java.util.Optional;

/** Indexed report events with their read cursors, and the stored exchange-rate history reward rates use. */
public interface RewardStore {

    /** The last block up to which {@code event} logs of {@code pool} were read and stored. */
    Optional<Long> cursor(PoolId pool, String event);

    /**
     * The first block from which {@code event} logs of {@code pool} were read: every such log from it up to the
     * cursor is stored. Empty before the first page, and for a cursor stored before this was recorded.
     */
    Optional<Long> indexedFrom(PoolId pool, String event);

    /**
     * Stores the logs of one page and moves the cursor to {@code toBlock}, in one transaction: either both or
     * neither, so a failure in between never leaves a range marked read whose logs are missing. The first page
     * of a pool's event also records {@code indexedFrom}, the block its reading began at.
     */
    void savePage(PoolId pool, String event, List<EventLog> logs, long indexedFrom, long toBlock);

    /** Every stored log of {@code event} for {@code pool}, in chain order. */
    List<EventLog> events(PoolId pool, String event);

    /** Forgets logs from {@code block} on and moves cursors back before it (a reorg replaced that block). */
    void rewindTo(long block);

    /**
     * The pool's successful stored readings at which ethPerToken differs from the reading before (and the
     * first reading), in block order: the exchange-rate history reduced to its steps in the database.
     */
    List<SnapshotSteps.Reading> rateChanges(PoolId pool);
}
