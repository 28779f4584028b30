package io.lsttracker.api;

import io.lsttracker.rewards.RateMethod;
import io.lsttracker.rewards.RewardService;
import java.util.List;

/** The JSON shape of a pool's reward rates, shared by the API and `snapshot --rewards --format json`. */
public final class RewardsJson {
    private RewardsJson() {
    }

    public record RewardsView(String pool, String method, String methodDescription, String formula,
            List<RewardWindowView> windows) {
    }

    public static RewardsView view(RewardService.PoolRewards rewards) {
        return new RewardsView(rewards.pool().id().value(), rewards.method().id(), rewards.method().description(),
                RateMethod.FORMULA, rewards.windows().stream().map(RewardWindowView::of).toList());
    }

    public static List<RewardsView> of(List<RewardService.PoolRewards> rewards) {
        return rewards.stream().map(RewardsJson::view).toList();
    }
}
