package io.lsttracker.snapshot;

import io.lsttracker.domain.Snapshot;

/**
 * Figures derived from each snapshot that are stored in the same transaction as the snapshot itself, so that
 * the two are stored whole or not at all and a reorg replaces both (the concentration figures are one). The
 * {@link SnapshotRecorder} asks every implementation to {@link #prepare} its figures before the transaction
 * opens (preparing may read an outside source, such as a beacon node), then the store has them stored inside its
 * transaction.
 */
public interface SnapshotFigures {

    /** What to store with {@code snapshot}; called outside any transaction. */
    Prepared prepare(Snapshot snapshot);

    /**
     * Figures ready to be stored. {@link #store} is called inside the snapshot's transaction, and what it writes
     * through Micronaut Data repositories joins that transaction; a failure rolls the snapshot back too.
     */
    @FunctionalInterface
    interface Prepared {
        void store();
    }
}
