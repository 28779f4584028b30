package io.lsttracker.api;

import io.lsttracker.pool.PoolDefinition;
import io.lsttracker.rewards.Annualised;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.QueryValue;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import io.lsttracker.rewards.RewardService;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;

/** {@code GET /api/pools/{id}/rewards}: the pool's APR and APY over every window, each with its bounds and method. */
@Controller("/api/pools")
public class RewardsController {
    private final PoolLookup pools;
    private final RewardService rewards;
    private final long maxPoints;

    public RewardsController(PoolLookup pools, RewardService rewards, ApiSettings settings) {
        this.pools = pools;
        this.rewards = rewards;
        this.maxPoints = settings.api().maxHistoryPoints();
    }

    /** One report period's APR: the step's rate change annualised over its own length (signed). */
    public record ReportRate(String startTime, String endTime, long endBlock, String startRate, String endRate,
            String apr, String aprPercent) {
    }

    public record ReportRates(String pool, String method, String from, String to, List<ReportRate> points) {
    }

    /**
     * {@code GET /api/pools/{id}/rewards/history?from=&to=}: the APR of each report whose end lies in the
     * range, the series behind the reward-rate chart (Lido: per TokenRebased, Rocket Pool: per
     * BalancesUpdated, other pools: per rate change of the stored snapshots).
     */
    @Get("/{id}/rewards/history")
    public ReportRates history(@PathVariable String id, @Nullable @QueryValue String from,
            @Nullable @QueryValue String to) {
        PoolDefinition pool = pools.find(id);
        HistoryQuery.Range range = HistoryQuery.range(from, to, Instant.now());
        List<ReportRate> points = rewards.reportSteps(pool).stream()
                .filter(step -> range.contains(step.endTime()))
                .map(step -> {
                    BigDecimal apr = Annualised.apr(step.startRate(), step.endRate(),
                            Duration.between(step.startTime(), step.endTime()).getSeconds());
                    return new ReportRate(step.startTime().toString(), step.endTime().toString(), step.endBlock(),
                            step.startRate().toPlainString(), step.endRate().toPlainString(), apr.toPlainString(),
                            RewardWindowView.percent(apr));
                }).toList();
        if (points.size() > maxPoints) {
            throw ApiException.badParameter("from", points.size() + " reports in the range, more than the limit of "
                    + maxPoints + "; use a shorter range");
        }
        return new ReportRates(pool.id().value(), RewardService.method(pool).id(), range.from().toString(),
                range.to().toString(), points);
    }

    @Get("/{id}/rewards")
    public RewardsJson.RewardsView rewards(@PathVariable String id) {
        PoolDefinition pool = pools.find(id);
        return RewardsJson.view(rewards.rewards(pool));
    }

}
