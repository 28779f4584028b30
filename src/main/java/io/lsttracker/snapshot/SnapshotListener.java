package io.lsttracker.snapshot;

import io.lsttracker.domain.Snapshot;

/** Hears of each snapshot newly stored (or replaced after a reorg) by the {@link SnapshotRecorder}. */
public interface SnapshotListener {
    void recorded(Snapshot snapshot, SnapshotStore.SaveOutcome outcome);

    /**
     * A snapshot newly stored, and how. {@code history} is true for a backfill's snapshots: past blocks filled in,
     * which derived figures take in like any other but which are not news (no alert is evaluated on them).
     */
    record Recorded(Snapshot snapshot, SnapshotStore.SaveOutcome outcome, boolean history) {
        /** A snapshot read by the live cycle (or read again after a reorg). */
        public Recorded(Snapshot snapshot, SnapshotStore.SaveOutcome outcome) {
            this(snapshot, outcome, false);
        }
    }

    /**
     * Several snapshots stored together (a backfill batch), oldest first. By default each is heard in turn; a
     * listener whose work covers a range at once (event indexing up to a block) does it once for the batch.
     */
    default void recordedAll(java.util.List<Recorded> recorded) {
        recorded.forEach(r -> recorded(r.snapshot(), r.outcome()));
    }

    /**
     * The chain was reorganised from {@code fromBlock} on: what was derived from those blocks is to be forgotten
     * (the replaced snapshots follow through {@link #recordedAll}). Thrown exceptions fail the cycle, which then
     * finds the same reorg again.
     */
    default void reorganised(long fromBlock) {
    }
}
