package io.lsttracker.api;

import io.lsttracker.config.PoolDefinition;
import io.lsttracker.config.PoolRegistry;
import io.lsttracker.domain.PoolId;
import io.lsttracker.rewards.RewardService;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;

/** {@code GET /api/pools/{id}/rewards}: the pool's APR and APY over every window, each with its bounds and method. */
@Controller("/api/pools")
public class RewardsController {
    private final PoolRegistry registry;
    private final RewardService rewards;

    public RewardsController(PoolRegistry registry, RewardService rewards) {
        this.registry = registry;
        this.rewards = rewards;
    }

    @Get("/{id}/rewards")
    public RewardsJson.RewardsView rewards(@PathVariable String id) {
        PoolDefinition pool = find(id);
        return RewardsJson.view(rewards.rewards(pool));
    }

    private PoolDefinition find(String id) {
        PoolId poolId;
        try {
            poolId = new PoolId(id);
        } catch (IllegalArgumentException e) {
            throw unknown(id);
        }
        return registry.find(poolId).orElseThrow(() -> unknown(id));
    }

    private ApiException unknown(String id) {
        return ApiException.notFound("unknown pool '" + id + "' (known: "
                + String.join(", ", registry.pools().stream().map(p -> p.id().value()).toList()) + ")");
    }
}
