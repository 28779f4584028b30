package io.lsttracker.snapshot;

import io.lsttracker.domain.Snapshot;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Figures derived from each snapshot that are stored in the same transaction as the snapshot itself, so that
 * the two are stored whole or not at all and a reorg replaces both (the concentration figures are one). The
 * {@link SnapshotRecorder} asks every implementation to {@link #prepare} its figures before the transaction
 * opens (preparing may read an outside source, such as a beacon node), then the store inserts them.
 */
public interface SnapshotFigures {

    /** What to store with {@code snapshot}; called outside any transaction. */
    Prepared prepare(Snapshot snapshot);

    /** Figures ready to be inserted on the snapshot's own connection, inside its transaction. */
    @FunctionalInterface
    interface Prepared {
        void insert(Connection c) throws SQLException;
    }
}
