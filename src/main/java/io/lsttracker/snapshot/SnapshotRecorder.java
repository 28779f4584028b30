package io.lsttracker.snapshot;

import io.lsttracker.domain.Snapshot;
import io.lsttracker.store.SnapshotStore;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The one path by which a snapshot taken from the chain becomes history, whoever took it (the live cycle, a
 * reorg re-read, a backfill, the demo): it is stored (whole, once per block), then every
 * {@link SnapshotListener} hears of it, so figures derived from snapshots are derived the same way for all.
 */
@Singleton
public final class SnapshotRecorder {
    private final SnapshotStore store;
    private final List<SnapshotListener> listeners;

    public SnapshotRecorder(SnapshotStore store, List<SnapshotListener> listeners) {
        this.store = store;
        this.listeners = List.copyOf(listeners);
    }

    public SnapshotStore.SaveOutcome record(Snapshot snapshot) {
        SnapshotStore.SaveOutcome outcome = store.save(snapshot);
        if (outcome != SnapshotStore.SaveOutcome.ALREADY_STORED) {
            for (SnapshotListener listener : listeners) {
                listener.recorded(snapshot, outcome);
            }
        }
        return outcome;
    }
}
