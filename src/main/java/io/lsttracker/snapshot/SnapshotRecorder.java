package io.lsttracker.snapshot;

import io.lsttracker.analytics.SnapshotConcentration;
import io.lsttracker.beacon.StakedTotalSource;
import io.lsttracker.domain.Snapshot;
import io.lsttracker.store.SnapshotStore;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one path by which a snapshot taken from the chain becomes history, whoever took it (the live cycle, a
 * reorg re-read, a backfill, the demo): it is stored (whole, once per block), then every
 * {@link SnapshotListener} hears of it, so figures derived from snapshots are derived the same way for all.
 * Its concentration figures (with the total staked read from the beacon node at the block's slot) are stored
 * in the same transaction as the snapshot.
 */
@Singleton
public final class SnapshotRecorder {
    private final SnapshotStore store;
    private final StakedTotalSource staked;
    private final List<SnapshotListener> listeners;

    @Inject
    public SnapshotRecorder(SnapshotStore store, StakedTotalSource staked, List<SnapshotListener> listeners) {
        this.store = store;
        this.staked = staked;
        this.listeners = List.copyOf(listeners);
    }

    /** Without a beacon node: shares of all staked ETH are stored as absent. */
    public SnapshotRecorder(SnapshotStore store, List<SnapshotListener> listeners) {
        this(store, block -> StakedTotalSource.Reading.absent("no beacon node is configured"), listeners);
    }

    /** Tells every listener that the chain was reorganised from {@code fromBlock} on, before it is read again. */
    public void reorganised(long fromBlock) {
        listeners.forEach(listener -> listener.reorganised(fromBlock));
    }

    public SnapshotStore.SaveOutcome record(Snapshot snapshot) {
        return recordAll(List.of(snapshot)).get(0);
    }

    /**
     * Stores the snapshots in order (each whole, in its own transaction), then lets the listeners hear of the
     * newly stored ones together, so work that covers a range (event indexing) is done once per batch.
     */
    public List<SnapshotStore.SaveOutcome> recordAll(List<Snapshot> snapshots) {
        List<SnapshotStore.SaveOutcome> outcomes = new ArrayList<>(snapshots.size());
        List<SnapshotListener.Recorded> recorded = new ArrayList<>();
        for (Snapshot snapshot : snapshots) {
            StakedTotalSource.Reading total = staked.read(snapshot.block());
            SnapshotStore.SaveOutcome outcome = store.save(snapshot,
                    Optional.of(SnapshotConcentration.of(snapshot, total.total(), total.absentReason())));
            outcomes.add(outcome);
            if (outcome != SnapshotStore.SaveOutcome.ALREADY_STORED) {
                recorded.add(new SnapshotListener.Recorded(snapshot, outcome));
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
