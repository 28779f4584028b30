package io.lsttracker.concentration;

import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.RocketPoolDetails;
import java.util.Optional;

/**
 * Rocket Pool's node operators and minipools at one snapshot, as its adapter reads them into the pool's
 * {@link RocketPoolDetails} (RocketNodeManager.getNodeCount; RocketMinipoolManager.getMinipoolCount,
 * getActiveMinipoolCount = created and not finalised, getStakingMinipoolCount).
 */
public record RocketPoolNodes(long nodeOperators, long minipools, long activeMinipools, long stakingMinipools) {

    /** The counts from a pool state's details, or empty when the state has none (not Rocket Pool, or failed). */
    public static Optional<RocketPoolNodes> of(PoolState state) {
        if (!state.isOk() || !(state.details() instanceof RocketPoolDetails details)) {
            return Optional.empty();
        }
        return details.nodeCounts().map(n -> new RocketPoolNodes(n.nodeOperators().longValueExact(),
                n.minipools().longValueExact(), n.activeMinipools().longValueExact(),
                n.stakingMinipools().longValueExact()));
    }
}
