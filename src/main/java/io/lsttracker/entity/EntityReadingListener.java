package io.lsttracker.entity;

import io.lsttracker.domain.Snapshot;
import io.lsttracker.snapshot.SnapshotListener;
import io.lsttracker.snapshot.SnapshotStore;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.List;

/**
 * Takes the entity reading for the newest snapshot of each batch (at most once an epoch, {@link EntityReadings});
 * a reorg rewinds the deposit index and rule 1's sources so the blocks it replaced are read again.
 */
@Singleton
public final class EntityReadingListener implements SnapshotListener {
    private final EntityReadings readings;
    private final EntityStore store;

    public EntityReadingListener(EntityReadings readings, EntityStore store) {
        this.readings = readings;
        this.store = store;
    }

    @Override
    public void recorded(Snapshot snapshot, SnapshotStore.SaveOutcome outcome) {
        recordedAll(List.of(new Recorded(snapshot, outcome)));
    }

    @Override
    public void recordedAll(List<Recorded> recorded) {
        recorded.stream().map(Recorded::snapshot).max(Comparator.comparingLong(s -> s.block().number()))
                .ifPresent(newest -> readings.readFor(newest.block()));
    }

    @Override
    public void reorganised(long fromBlock) {
        store.rewindTo(fromBlock);
    }
}
