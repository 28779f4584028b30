package io.lsttracker.snapshot;

import io.lsttracker.domain.Snapshot;
import io.lsttracker.store.SnapshotStore;

/** Hears of each snapshot newly stored (or replaced after a reorg) by the {@link SnapshotRecorder}. */
public interface SnapshotListener {
    void recorded(Snapshot snapshot, SnapshotStore.SaveOutcome outcome);
}
