package io.lsttracker.liquidity;

import io.lsttracker.domain.PoolId;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * TEMPORARY (issue 15, branch liq-show): the API, the gauges and the alerts inject {@link LiquidityHistory}, whose
 * implementation is written on another branch; until the two are merged, this empty one lets a whole context start
 * in tests. The lead deletes it at the merge. Tests that need figures replace it (api/FakeLiquidityHistory).
 */
@Singleton
@Secondary
public class EmptyLiquidityHistory implements LiquidityHistory {
    @Override
    public List<LiquidityFigures> latest() {
        return List.of();
    }

    @Override
    public Optional<LiquidityFigures.BeaconExitQueue> latestExitQueue() {
        return Optional.empty();
    }

    @Override
    public List<LiquidityFigures> history(PoolId pool, Instant from, Instant to, int limit) {
        return List.of();
    }

    @Override
    public List<LiquidityFigures.BeaconExitQueue> exitQueueHistory(Instant from, Instant to, int limit) {
        return List.of();
    }
}
