package io.lsttracker.rewards;

import io.lsttracker.analytics.BalancesUpdated;
import io.lsttracker.analytics.RateStep;
import io.lsttracker.analytics.RewardWindow;
import io.lsttracker.analytics.RewardWindows;
import io.lsttracker.analytics.SnapshotSteps;
import io.lsttracker.analytics.TokenRebased;
import io.lsttracker.analytics.Window;
import io.lsttracker.config.PoolDefinition;
import io.lsttracker.store.RewardStore;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * A pool's reward windows from what is stored: Lido from its TokenRebased events, Rocket Pool from its
 * BalancesUpdated report points, every other pool from its stored exchange-rate history.
 */
@Singleton
public final class RewardService {
    private final RewardStore store;

    public RewardService(RewardStore store) {
        this.store = store;
    }

    /** The rates of one pool, every window, and the method they were computed with. */
    public record PoolRewards(PoolDefinition pool, RateMethod method, List<RewardWindow> windows) {
        public RewardWindow window(Window window) {
            return windows.stream().filter(w -> w.window() == window).findFirst().orElseThrow();
        }
    }

    public PoolRewards rewards(PoolDefinition pool) {
        RateMethod method = method(pool);
        return new PoolRewards(pool, method, RewardWindows.of(steps(pool, method), method.id()));
    }

    /** The pool's report steps, oldest first: the periods between consecutive rate-setting reports. */
    public List<RateStep> reportSteps(PoolDefinition pool) {
        return steps(pool, method(pool));
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
