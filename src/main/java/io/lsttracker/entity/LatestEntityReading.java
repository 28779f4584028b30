package io.lsttracker.entity;

import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The newest stored entity reading, kept in memory for the readers that must not wait on the database: the alert
 * rules of every snapshot and the Prometheus scrape. It is read from the store once, on first use, and again each
 * time {@link EntityReadingListener} has taken a reading or found one stored (by this process or another replica);
 * {@link #current()} answers from memory only.
 */
@Singleton
public final class LatestEntityReading {
    private final EntityStore store;
    /** Null until the store has answered once. */
    private volatile Optional<EntityStore.StoredReading> latest;

    public LatestEntityReading(EntityStore store) {
        this.store = store;
    }

    /** The newest stored reading, read from the store if it has not been yet (a {@code StoreException} if it fails). */
    public Optional<EntityStore.StoredReading> get() {
        Optional<EntityStore.StoredReading> known = latest;
        return known != null ? known : refresh();
    }

    /** What is in memory: empty before the first successful read of the store and before any reading exists. */
    public Optional<EntityStore.StoredReading> current() {
        Optional<EntityStore.StoredReading> known = latest;
        return known == null ? Optional.empty() : known;
    }

    /** Reads the newest stored reading again (a {@code StoreException} if it fails; memory is then unchanged). */
    public Optional<EntityStore.StoredReading> refresh() {
        Optional<EntityStore.StoredReading> read = store.latest();
        synchronized (this) {
            // A slower read of an older epoch never replaces a newer one.
            if (latest == null || read.isPresent() && latest.map(l -> l.reading().epoch() <= read.get().reading()
                    .epoch()).orElse(true)) {
                latest = read;
            }
            return latest;
        }
    }
}
