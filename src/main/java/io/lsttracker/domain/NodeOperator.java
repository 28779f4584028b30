package io.lsttracker.domain;

import java.util.Objects;

/**
 * One node operator of a Lido staking module as its registry reports it at a snapshot's block.
 *
 * <p>{@code deposited} is getNodeOperator's totalDepositedValidators (keys ever deposited to, monotonic) and
 * {@code exited} its totalExitedValidators (keys the accounting oracle has reported exited, monotonic). Their
 * difference is the operator's active validators: the same count Lido itself pays rewards on
 * (NodeOperatorsRegistry.getRewardsDistribution, lidofinance/core contracts/0.4.24/nos; abi/SOURCES.md). It
 * includes validators deposited but still in the activation queue, and lags real exits by up to one oracle
 * report.
 *
 * @param module        the staking module: {@link #CURATED}, {@link #SIMPLE_DVT} or {@link #COMMUNITY_STAKING}
 * @param id            the operator's id inside its module (0-based, as the registry numbers them)
 * @param active        whether the module lets the operator take new deposits; an inactive operator's
 *                      validators keep running until exited, so they still count
 */
public record NodeOperator(String module, long id, String name, String rewardAddress, boolean active,
        long deposited, long exited) {
    public static final String CURATED = "curated";
    public static final String SIMPLE_DVT = "simple-dvt";
    /** Lido's Community Staking Module: open to anyone who posts a bond, the one permissionless module. */
    public static final String COMMUNITY_STAKING = "community-staking";

    public NodeOperator {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rewardAddress, "rewardAddress");
        if (id < 0 || exited < 0 || deposited < exited) {
            throw new IllegalArgumentException("operator " + id + " of " + module + ": exited (" + exited
                    + ") must be between 0 and deposited (" + deposited + ")");
        }
    }

    public long activeValidators() {
        return deposited - exited;
    }

    /** Whether the operator's module lets anyone join (the DAO chooses curated and SimpleDVT operators). */
    public boolean permissionless() {
        return COMMUNITY_STAKING.equals(module);
    }
}
