package io.lsttracker.entity;

import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The newest entity reading, for the readers that must not read the database each time: the alert rules of every
 * snapshot and the Prometheus scrape. A reading stored through the {@link EntityStore} is known at once; one stored
 * by another replica becomes known when {@link EntityReadingListener} finds it ({@link #refresh()}); the first
 * {@link #get()} reads the store if nothing is known yet. {@link #current()} answers from memory only.
 */
@Singleton
public final class LatestEntityReading {
    private final EntityStore store;
    private volatile boolean read;

    public LatestEntityReading(EntityStore store) {
        this.store = store;
    }

    /** The newest reading, from memory, or from the store if it has not been read yet (a StoreException if it fails). */
    public Optional<EntityStore.StoredReading> get() {
        Optional<EntityStore.StoredReading> known = store.latestKnown();
        return known.isPresent() || read ? known : refresh();
    }

    /** What is in memory: empty before a reading is stored or read in this process. */
    public Optional<EntityStore.StoredReading> current() {
        return store.latestKnown();
    }

    /** Reads the newest stored reading again (a StoreException if it fails; memory is then unchanged). */
    public Optional<EntityStore.StoredReading> refresh() {
        store.latest();
        read = true;
        return store.latestKnown();
    }
}
