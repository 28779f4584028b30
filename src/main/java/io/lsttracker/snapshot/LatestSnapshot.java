package io.lsttracker.snapshot;

import io.lsttracker.domain.Snapshot;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * The newest stored snapshot, kept in memory for readers that want it on every request (GET /api/pools and its
 * dashboard poll). It is read from the store on first use and read again after anything the
 * {@link SnapshotRecorder} records (a new block, a block replaced after a reorg, older blocks from a backfill) or
 * a reorg it announces, so it is always the store's own answer, read once per change instead of once per request.
 * {@link #generation()} changes with it, for readers that cache what they derive from it.
 */
@Singleton
public final class LatestSnapshot implements SnapshotListener {
    private final SnapshotStore store;
    private long generation;
    private Optional<Snapshot> cached;

    public LatestSnapshot(SnapshotStore store) {
        this.store = store;
    }

    /** The newest stored snapshot, as {@link SnapshotStore#latest()} answers it now. */
    public Optional<Snapshot> get() {
        long before;
        synchronized (this) {
            if (cached != null) {
                return cached;
            }
            before = generation;
        }
        Optional<Snapshot> read = store.latest(); // outside the lock: a slow store does not hold up recording
        synchronized (this) {
            if (generation == before) {
                cached = read; // not kept if a snapshot was recorded while it was being read
            }
        }
        return read;
    }

    /** Changes whenever the newest stored snapshot may have changed. */
    public synchronized long generation() {
        return generation;
    }

    private synchronized void changed() {
        generation++;
        cached = null;
    }

    @Override
    public void recorded(Snapshot snapshot, SnapshotStore.SaveOutcome outcome) {
        changed();
    }

    @Override
    public void recordedAll(List<Recorded> recorded) {
        changed();
    }

    @Override
    public void reorganised(long fromBlock) {
        changed();
    }
}
