package io.lsttracker.liquidity;

import io.lsttracker.concentration.ConcentrationStore;
import io.lsttracker.db.StoreException;
import io.lsttracker.domain.Snapshot;
import io.lsttracker.snapshot.SnapshotListener;
import io.lsttracker.snapshot.SnapshotStore;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The beacon chain's exit queue as stored with the total staked (concentration's rows, V95): the queue's size read
 * from the beacon node, and here the churn and the wait derived from it ({@link BeaconExitChurn}). The newest
 * reading is kept in memory: read on first use (at start, when the gauges register) and again after each batch of
 * recorded snapshots (one indexed query, which also follows a reorg's replacements), so the gauges and the API do
 * not read the database for it on every request.
 */
@Singleton
public final class StoredBeaconExitQueues implements BeaconExitQueues, SnapshotListener {
    private static final Logger LOG = LoggerFactory.getLogger(StoredBeaconExitQueues.class);

    private final ConcentrationStore store;
    /** The newest reading; null until first read. */
    private volatile Optional<LiquidityFigures.BeaconExitQueue> latest;

    public StoredBeaconExitQueues(ConcentrationStore store) {
        this.store = store;
    }

    @Override
    public Optional<LiquidityFigures.BeaconExitQueue> latest() {
        Optional<LiquidityFigures.BeaconExitQueue> held = latest;
        if (held != null) {
            return held;
        }
        Optional<LiquidityFigures.BeaconExitQueue> read = read();
        synchronized (this) {
            if (latest == null) {
                latest = read; // unless a recording has read a newer one meanwhile
            }
            return latest;
        }
    }

    @Override
    public Optional<LiquidityFigures.BeaconExitQueue> latestKnown() {
        Optional<LiquidityFigures.BeaconExitQueue> held = latest;
        return held == null ? Optional.empty() : held;
    }

    @Override
    public List<LiquidityFigures.BeaconExitQueue> history(Instant from, Instant to, int limit) {
        return store.exitQueueHistory(from, to, limit).stream().map(StoredBeaconExitQueues::figures).toList();
    }

    @Override
    public List<LiquidityFigures.BeaconExitQueue> history(Instant from, Instant to, Duration interval) {
        return store.exitQueueHistory(from, to, interval).stream().map(StoredBeaconExitQueues::figures).toList();
    }

    @Override
    public void recorded(Snapshot snapshot, SnapshotStore.SaveOutcome outcome) {
        reload();
    }

    @Override
    public void recordedAll(List<Recorded> recorded) {
        reload(); // once for a batch
    }

    @Override
    public void reorganised(long fromBlock) {
        Optional<LiquidityFigures.BeaconExitQueue> held = latest;
        if (held != null && held.isPresent() && held.get().block().number() >= fromBlock) {
            reload();
        }
    }

    /** Reads the newest reading again; a database that fails keeps the one held (logged), as the snapshot is stored. */
    private void reload() {
        try {
            Optional<LiquidityFigures.BeaconExitQueue> read = read();
            synchronized (this) {
                latest = read;
            }
        } catch (StoreException e) {
            Optional<LiquidityFigures.BeaconExitQueue> held = latest;
            LOG.warn("the newest exit queue reading was not read again, {} is kept: {}", held == null
                    || held.isEmpty() ? "none" : "the one of slot " + held.get().slot(), e.getMessage());
        }
    }

    private Optional<LiquidityFigures.BeaconExitQueue> read() {
        return store.latestExitQueue().map(StoredBeaconExitQueues::figures);
    }

    private static LiquidityFigures.BeaconExitQueue figures(ConcentrationStore.ExitQueueReading reading) {
        return BeaconExitChurn.of(reading.block(), reading.slot(), reading.queue());
    }
}
