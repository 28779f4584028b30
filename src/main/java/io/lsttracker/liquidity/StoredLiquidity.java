package io.lsttracker.liquidity;

import io.lsttracker.db.StoreException;
import io.lsttracker.domain.PoolId;
import io.lsttracker.domain.Snapshot;
import io.lsttracker.pool.PoolDefinition;
import io.lsttracker.pool.PoolRegistry;
import io.lsttracker.snapshot.SnapshotListener;
import io.lsttracker.snapshot.SnapshotStore;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link LiquidityHistory} over the {@link LiquidityStore}: the latest figures are kept in memory, replaced as each
 * newer snapshot is recorded (a {@link SnapshotListener}) and loaded from the database when first asked for (at
 * start, and again after a reorg); the histories are read with their limit, or per interval, in SQL. The beacon exit queue is the
 * {@link BeaconExitQueues}' when one is configured, else empty.
 */
@Singleton
public final class StoredLiquidity implements LiquidityHistory, SnapshotListener {
    private static final Logger LOG = LoggerFactory.getLogger(StoredLiquidity.class);
    private final PoolRegistry pools;
    private final Markets markets;
    private final LiquidityStore store;
    private final Optional<BeaconExitQueues> beacon;
    /** The newest figures, every pool in pools.yml order; null until loaded (and after a reorg). */
    private volatile List<LiquidityFigures> latest;

    public StoredLiquidity(PoolRegistry pools, Markets markets, LiquidityStore store,
            Optional<BeaconExitQueues> beacon) {
        this.pools = pools;
        this.markets = markets;
        this.store = store;
        this.beacon = beacon;
    }

    @Override
    public List<LiquidityFigures> latest() {
        List<LiquidityFigures> known = latest;
        if (known != null) {
            return known;
        }
        try {
            List<LiquidityFigures> stored = everyPool(store.newest());
            synchronized (this) {
                if (latest == null || newer(stored, latest)) {
                    latest = stored;
                }
                return latest;
            }
        } catch (StoreException e) {
            LOG.warn("the latest liquidity could not be read ({}); asked again next time", e.getMessage());
            return List.of();
        }
    }

    @Override
    public Optional<LiquidityFigures.BeaconExitQueue> latestExitQueue() {
        return beacon.flatMap(BeaconExitQueues::latest);
    }

    @Override
    public List<LiquidityFigures> latestKnown() {
        List<LiquidityFigures> known = latest;
        return known == null ? List.of() : known;
    }

    @Override
    public Optional<LiquidityFigures.BeaconExitQueue> latestExitQueueKnown() {
        return beacon.flatMap(BeaconExitQueues::latestKnown);
    }

    @Override
    public List<LiquidityFigures> history(PoolId pool, Instant from, Instant to, int limit) {
        return store.history(pool, from, to, limit);
    }

    @Override
    public List<LiquidityFigures.BeaconExitQueue> exitQueueHistory(Instant from, Instant to, int limit) {
        return beacon.map(b -> b.history(from, to, limit)).orElse(List.of());
    }

    @Override
    public List<LiquidityFigures> history(PoolId pool, Instant from, Instant to, Duration interval) {
        return store.history(pool, from, to, interval);
    }

    @Override
    public List<LiquidityFigures.BeaconExitQueue> exitQueueHistory(Instant from, Instant to, Duration interval) {
        return beacon.map(b -> b.history(from, to, interval)).orElse(List.of());
    }

    @Override
    public void recorded(Snapshot snapshot, SnapshotStore.SaveOutcome outcome) {
        List<LiquidityFigures> figures = SnapshotLiquidity.of(snapshot, pools, markets);
        if (figures.isEmpty()) {
            return;
        }
        synchronized (this) {
            if (latest == null || latest.isEmpty() || newer(figures, latest)
                    || figures.get(0).block().number() == latest.get(0).block().number()) {
                latest = figures;
            }
        }
    }

    /** The snapshots from {@code fromBlock} on are replaced: the latest is read again from the database. */
    @Override
    public void reorganised(long fromBlock) {
        synchronized (this) {
            latest = null;
        }
    }

    private static boolean newer(List<LiquidityFigures> figures, List<LiquidityFigures> than) {
        return !figures.isEmpty() && (than.isEmpty()
                || figures.get(0).block().number() > than.get(0).block().number());
    }

    /** Stored figures (the pools that have rows) as every configured pool's, in pools.yml order. */
    private List<LiquidityFigures> everyPool(List<LiquidityFigures> stored) {
        if (stored.isEmpty()) {
            return List.of();
        }
        Map<PoolId, LiquidityFigures> byPool = stored.stream()
                .collect(Collectors.toMap(LiquidityFigures::pool, Function.identity()));
        var block = stored.get(0).block();
        return pools.pools().stream().map(PoolDefinition::id).map(id -> byPool.getOrDefault(id,
                new LiquidityFigures(id, block, Optional.empty(), Optional.empty()))).toList();
    }
}
