package io.lsttracker.snapshot;

import io.lsttracker.domain.Snapshot;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * The one path by which a snapshot taken from the chain becomes history, whoever took it (the live cycle, a
 * reorg re-read, a backfill, the demo): it is stored (whole, once per block) together with the figures every
 * {@link SnapshotFigures} derives from it (one transaction), then every {@link SnapshotListener} hears of it,
 * so figures derived from snapshots are derived the same way for all.
 */
@Singleton
public final class SnapshotRecorder {
    private final SnapshotStore store;
    private final List<SnapshotFigures> figures;
    private final List<SnapshotListener> listeners;

    @Inject
    public SnapshotRecorder(SnapshotStore store, List<SnapshotFigures> figures, List<SnapshotListener> listeners) {
        this.store = store;
        this.figures = List.copyOf(figures);
        this.listeners = List.copyOf(listeners);
    }

    /** A recorder that stores snapshots alone, with no derived figures. */
    public SnapshotRecorder(SnapshotStore store, List<SnapshotListener> listeners) {
        this(store, List.of(), listeners);
    }

    /** Tells every listener that the chain was reorganised from {@code fromBlock} on, before it is read again. */
    public void reorganised(long fromBlock) {
        listeners.forEach(listener -> listener.reorganised(fromBlock));
    }

    public SnapshotStore.SaveOutcome record(Snapshot snapshot) {
        return recordAll(List.of(snapshot)).get(0);
    }

    /**
     * Stores the snapshots (replacing those stored with another hash) in ONE transaction, every one or none, then lets
     * the listeners hear of them together: a repair of orphaned snapshots.
     */
    public List<SnapshotStore.SaveOutcome> recordTogether(List<Snapshot> snapshots) {
        List<List<SnapshotFigures.Prepared>> derived = snapshots.stream()
                .map(snapshot -> figures.stream().map(f -> f.prepare(snapshot)).toList()).toList();
        List<SnapshotStore.SaveOutcome> outcomes = store.saveTogether(snapshots, derived);
        List<SnapshotListener.Recorded> recorded = new ArrayList<>();
        for (int i = 0; i < snapshots.size(); i++) {
            if (outcomes.get(i) != SnapshotStore.SaveOutcome.ALREADY_STORED) {
                recorded.add(new SnapshotListener.Recorded(snapshots.get(i), outcomes.get(i)));
            }
        }
        if (!recorded.isEmpty()) {
            for (SnapshotListener listener : listeners) {
                listener.recordedAll(recorded);
            }
        }
        return outcomes;
    }

    /**
     * Stores the snapshots in order (each whole, in its own transaction), then lets the listeners hear of the
     * newly stored ones together, so work that covers a range (event indexing) is done once per batch.
     */
    public List<SnapshotStore.SaveOutcome> recordAll(List<Snapshot> snapshots) {
        return recordAll(snapshots, false);
    }

    /**
     * Stores a backfill's snapshots as {@link #recordAll} does, telling the listeners they are history: past blocks
     * filled in, which no alert is evaluated on (a fresh database backfilled before `serve` would otherwise fire,
     * and post, every past episode as if it were happening now).
     */
    public List<SnapshotStore.SaveOutcome> recordHistory(List<Snapshot> snapshots) {
        return recordAll(snapshots, true);
    }

    private List<SnapshotStore.SaveOutcome> recordAll(List<Snapshot> snapshots, boolean history) {
        List<SnapshotStore.SaveOutcome> outcomes = new ArrayList<>(snapshots.size());
        List<SnapshotListener.Recorded> recorded = new ArrayList<>();
        for (Snapshot snapshot : snapshots) {
            List<SnapshotFigures.Prepared> derived = figures.stream().map(f -> f.prepare(snapshot)).toList();
            SnapshotStore.SaveOutcome outcome = store.save(snapshot, derived);
            outcomes.add(outcome);
            if (outcome != SnapshotStore.SaveOutcome.ALREADY_STORED) {
                recorded.add(new SnapshotListener.Recorded(snapshot, outcome, history));
            }
        }
        if (!recorded.isEmpty()) {
            for (SnapshotListener listener : listeners) {
                listener.recordedAll(recorded);
            }
        }
        return outcomes;
    }
}
