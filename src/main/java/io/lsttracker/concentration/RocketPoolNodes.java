package io.lsttracker.concentration;

import io.lsttracker.domain.PoolState;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Rocket Pool's node operators and minipools at one snapshot, as its adapter keeps them in the pool's details
 * (RocketNodeManager.getNodeCount; RocketMinipoolManager.getMinipoolCount, getActiveMinipoolCount = created and
 * not finalised, getStakingMinipoolCount).
 */
public record RocketPoolNodes(long nodeOperators, long minipools, long activeMinipools, long stakingMinipools) {
    static final String NODES = "nodeOperators";
    static final String MINIPOOLS = "minipools";
    static final String ACTIVE = "activeMinipools";
    static final String STAKING = "stakingMinipools";

    /** The counts from a pool state's details, or empty when the state has none (not Rocket Pool, or failed). */
    public static Optional<RocketPoolNodes> of(PoolState state) {
        var d = state.details();
        if (!state.isOk() || !d.containsKey(NODES) || !d.containsKey(MINIPOOLS) || !d.containsKey(ACTIVE)
                || !d.containsKey(STAKING)) {
            return Optional.empty();
        }
        return Optional.of(new RocketPoolNodes(count(d.get(NODES)), count(d.get(MINIPOOLS)), count(d.get(ACTIVE)),
                count(d.get(STAKING))));
    }

    private static long count(BigDecimal value) {
        return value.longValueExact();
    }
}
