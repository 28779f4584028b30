package io.lsttracker.devchain;

/**
 * Rocket Pool's node operators and minipools as the devchain's RocketNodeManager and RocketMinipoolManager
 * answer them: {@code active} = minipools - finalised, as RocketMinipoolManager.getActiveMinipoolCount.
 */
public record RocketNodeCounts(long nodes, long minipools, long finalised, long staking) {
    public long active() {
        return minipools - finalised;
    }
}
