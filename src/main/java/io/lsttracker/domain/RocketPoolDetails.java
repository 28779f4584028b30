package io.lsttracker.domain;

import java.math.BigInteger;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Rocket Pool's figures beside the rate: the oDAO's last balance report (RocketNetworkBalances.getTotalRETHSupply,
 * getStakingETHBalance, getBalancesBlock) and the node and minipool counts (RocketNodeManager.getNodeCount;
 * RocketMinipoolManager.getMinipoolCount, getActiveMinipoolCount = created and not finalised,
 * getStakingMinipoolCount; abi/SOURCES.md).
 *
 * @param reportedRethSupply rETH supply at the last report, in wei
 * @param stakingEth         ETH staked in minipools at the last report, in wei
 * @param balancesBlock      the block the last report was taken at
 * @param nodeCounts         empty only for a state stored before the tracker read the counts
 */
public record RocketPoolDetails(BigInteger reportedRethSupply, BigInteger stakingEth, BigInteger balancesBlock,
        Optional<NodeCounts> nodeCounts) implements PoolDetails {

    public RocketPoolDetails {
        Objects.requireNonNull(reportedRethSupply, "reportedRethSupply");
        Objects.requireNonNull(stakingEth, "stakingEth");
        Objects.requireNonNull(balancesBlock, "balancesBlock");
        Objects.requireNonNull(nodeCounts, "nodeCounts");
    }

    /** Staking minipools are among the active ones, and active ones among all created (the adapter checks it). */
    public record NodeCounts(BigInteger nodeOperators, BigInteger minipools, BigInteger activeMinipools,
            BigInteger stakingMinipools) {
        public NodeCounts {
            Objects.requireNonNull(nodeOperators, "nodeOperators");
            Objects.requireNonNull(minipools, "minipools");
            Objects.requireNonNull(activeMinipools, "activeMinipools");
            Objects.requireNonNull(stakingMinipools, "stakingMinipools");
        }
    }

    @Override
    public Map<String, String> figures() {
        DetailFigures figures = new DetailFigures().amount("reportedRethSupply", reportedRethSupply)
                .amount("stakingEth", stakingEth)
                .count("balancesBlock", balancesBlock);
        nodeCounts.ifPresent(n -> figures.count("nodeOperators", n.nodeOperators())
                .count("minipools", n.minipools())
                .count("activeMinipools", n.activeMinipools())
                .count("stakingMinipools", n.stakingMinipools()));
        return figures.text();
    }

    static RocketPoolDetails read(DetailFigures.Reader f) {
        Optional<NodeCounts> counts = f.has("nodeOperators")
                ? Optional.of(new NodeCounts(f.count("nodeOperators"), f.count("minipools"), f.count("activeMinipools"),
                        f.count("stakingMinipools")))
                : Optional.empty();
        return new RocketPoolDetails(f.amount("reportedRethSupply"), f.amount("stakingEth"), f.count("balancesBlock"),
                counts);
    }
}
