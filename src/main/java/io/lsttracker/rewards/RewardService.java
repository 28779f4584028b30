package io.lsttracker.rewards;

import io.lsttracker.pool.PoolDefinition;
import io.lsttracker.domain.PoolId;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A pool's reward windows from what is stored: Lido from its TokenRebased events, Rocket Pool from its
 * BalancesUpdated report points, every other pool from its stored exchange-rate history.
 *
 * <p>The report steps are kept in memory until the stored data changes ({@link #invalidate()}, called once
 * new snapshots are recorded and their events indexed): windows are anchored at reports, not at the clock,
 * so they stay exact between snapshots, and GET /api/pools (every pool's 7-day window) no longer reads each
 * pool's history on every request.
 */
@Singleton
public final class RewardService {
    private final RewardStore store;
    private final Map<PoolId, List<RateStep>> steps = new ConcurrentHashMap<>();
    private final Map<PoolId, PoolRewards> windows = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    public RewardService(RewardStore store) {
        this.store = store;
    }

    /** Forgets the cached steps: the stored snapshots or events have changed. */
    public void invalidate() {
        generation.incrementAndGet();
        steps.clear();
        windows.clear();
    }

    /** Changes whenever the stored data the windows come from may have changed: for callers that cache them. */
    public long generation() {
        return generation.get();
    }

    /** The rates of one pool, every window, and the method they were computed with. */
    public record PoolRewards(PoolDefinition pool, RateMethod method, List<RewardWindow> windows) {
        public RewardWindow window(Window window) {
            return windows.stream().filter(w -> w.window() == window).findFirst().orElseThrow();
        }
    }

    public PoolRewards rewards(PoolDefinition pool) {
        PoolRewards cached = windows.get(pool.id());
        if (cached != null && cached.pool().equals(pool)) {
            return cached;
        }
        long before = generation.get();
        RateMethod method = method(pool);
        PoolRewards computed = new PoolRewards(pool, method,
                RewardWindows.of(reportSteps(pool), method.id(), indexedFrom(pool)));
        if (generation.get() == before) {
            windows.put(pool.id(), computed); // APY's exp/ln at 50 digits is worth computing once per snapshot
        }
        return computed;
    }

    /** The pool's report steps, oldest first: the periods between consecutive rate-setting reports. */
    public List<RateStep> reportSteps(PoolDefinition pool) {
        List<RateStep> cached = steps.get(pool.id());
        if (cached != null) {
            return cached;
        }
        long before = generation.get();
        List<RateStep> read = List.copyOf(steps(pool, method(pool)));
        if (generation.get() == before) {
            steps.put(pool.id(), read); // not cached when the data changed while it was being read
        }
        return read;
    }

    /** Where the pool's report events were first read from (empty for snapshot steps, or when not recorded). */
    private OptionalLong indexedFrom(PoolDefinition pool) {
        return RewardEvent.of(pool.protocol())
                .flatMap(event -> store.indexedFrom(pool.id(), event.eventName()))
                .map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    public static RateMethod method(PoolDefinition pool) {
        return switch (pool.protocol()) {
            case LIDO -> RateMethod.LIDO_TOKEN_REBASED;
            case ROCKETPOOL -> RateMethod.ROCKETPOOL_BALANCES_UPDATED;
            default -> RateMethod.SNAPSHOT_RATE_STEPS;
        };
    }

    private List<RateStep> steps(PoolDefinition pool, RateMethod method) {
        return switch (method) {
            case LIDO_TOKEN_REBASED -> TokenRebased.steps(store.events(pool.id(), RewardEvent.TOKEN_REBASED.eventName())
                    .stream().map(RewardEvent::tokenRebased).toList());
            case ROCKETPOOL_BALANCES_UPDATED -> BalancesUpdated.steps(store.events(pool.id(),
                    RewardEvent.BALANCES_UPDATED.eventName()).stream().map(RewardEvent::balancesUpdated).toList());
            default -> SnapshotSteps.steps(store.rateChanges(pool.id()));
        };
    }
}
