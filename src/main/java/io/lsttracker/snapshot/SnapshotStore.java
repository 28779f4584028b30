package io.lsttracker.snapshot;

import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.PoolId;
import io.lsttracker.domain.Snapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where snapshots are kept. Each snapshot is stored whole or not at all, at most once per block. */
public interface SnapshotStore {

    enum SaveOutcome {
        /** A new block. */
        STORED,
        /** The same block (number and hash) was already stored: nothing was written. */
        ALREADY_STORED,
        /** The block number was stored with another hash (a reorg): the old snapshot was replaced. */
        REPLACED
    }

    default SaveOutcome save(Snapshot snapshot) {
        return save(snapshot, List.of());
    }

    /**
     * Stores the snapshot and the figures derived from it (see {@link SnapshotFigures}) in one transaction: all or
     * nothing. A block stored with another hash is replaced, with its figures.
     */
    SaveOutcome save(Snapshot snapshot, List<SnapshotFigures.Prepared> figures);

    /**
     * {@link #save} of several snapshots (each with its figures, in the same order) in ONE transaction: every one or
     * none (a repair replaces a range of orphaned snapshots at once). A store without transactions saves each.
     */
    default List<SaveOutcome> saveTogether(List<Snapshot> snapshots, List<List<SnapshotFigures.Prepared>> figures) {
        List<SaveOutcome> outcomes = new java.util.ArrayList<>();
        for (int i = 0; i < snapshots.size(); i++) {
            outcomes.add(save(snapshots.get(i), figures.get(i)));
        }
        return outcomes;
    }

    /** The block of the newest stored snapshot. */
    Optional<BlockRef> head();

    /** The newest stored snapshot, whole. */
    Optional<Snapshot> latest();

    /**
     * One pool's successful readings in [from, to), downsampled: per {@code interval} bucket (aligned to the
     * unix epoch), the last reading in the bucket, since rates move in steps and the last value is current.
     */
    List<HistoryPoint> history(PoolId pool, Instant from, Instant to, Duration interval);

    /** Whether the store answers (for /health). */
    boolean isReachable();
}
