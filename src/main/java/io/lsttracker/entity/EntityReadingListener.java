package io.lsttracker.entity;

import io.lsttracker.db.StoreException;
import io.lsttracker.domain.Snapshot;
import io.lsttracker.snapshot.SnapshotListener;
import io.lsttracker.snapshot.SnapshotStore;
import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the entity reading for the newest snapshot of each batch (at most once an epoch, {@link EntityReadings})
 * and brings {@link LatestEntityReading} up to it; a reorg rewinds the deposit index and rule 1's sources so the
 * blocks it replaced are read again. It hears of a snapshot after the quick listeners (order 0: the newest snapshot
 * in memory, the pool metrics, the reward index), since a reading can take a while (a first deposit index), and
 * before the alert rules ({@code AlertService}, order 20), so an entity rule judges the reading of the snapshot's
 * own epoch.
 */
@Singleton
@Order(10)
public final class EntityReadingListener implements SnapshotListener {
    private static final Logger LOG = LoggerFactory.getLogger(EntityReadingListener.class);
    private final EntityReadings readings;
    private final EntityStore store;
    private final LatestEntityReading latest;

    public EntityReadingListener(EntityReadings readings, EntityStore store, LatestEntityReading latest) {
        this.readings = readings;
        this.store = store;
        this.latest = latest;
    }

    @Override
    public void recorded(Snapshot snapshot, SnapshotStore.SaveOutcome outcome) {
        recordedAll(List.of(new Recorded(snapshot, outcome)));
    }

    @Override
    public void recordedAll(List<Recorded> recorded) {
        recorded.stream().map(Recorded::snapshot).max(Comparator.comparingLong(s -> s.block().number()))
                .ifPresent(newest -> {
                    EntityReadings.Outcome outcome = readings.readFor(newest.block());
                    if (outcome == EntityReadings.Outcome.READ || outcome == EntityReadings.Outcome.REUSED) {
                        try {
                            latest.refresh();
                        } catch (StoreException e) {
                            LOG.warn("entities: the latest reading not read again: {} (the one in memory stays)",
                                    e.getMessage());
                        }
                    }
                });
    }

    @Override
    public void reorganised(long fromBlock) {
        store.rewindTo(fromBlock);
    }
}
