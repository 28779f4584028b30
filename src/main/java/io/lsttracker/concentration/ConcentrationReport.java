package io.lsttracker.concentration;

import io.lsttracker.concentration.Concentration.Measures;
import io.lsttracker.beacon.TotalStaked;
import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.PoolId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Concentration at one snapshot: each pool's stake (its totalEth) and shares, and the measures among the
 * tracked LSTs and over all staked ETH. Computed by {@link SnapshotConcentration} and stored with the snapshot.
 *
 * @param block        the snapshot's block
 * @param pools        pools read successfully, in registry order
 * @param missingPools pools that failed in this snapshot: not counted, so the figures are incomplete
 * @param amongLsts    measures among the tracked pools (denominator: their sum)
 * @param staked       total ETH staked on the beacon chain at the block's slot (or the nearest before)
 * @param amongStaked  measures over all staked ETH (denominator: staked), present with {@code staked}
 * @param stakedAbsent why the shares of all staked ETH are absent (no beacon node configured, it failed...)
 * @param lidoOperators concentration among Lido's node operators, when its modules were read
 * @param rocketPool   Rocket Pool's node operator and minipool counts, when it was read
 */
public record ConcentrationReport(BlockRef block, List<PoolShare> pools, List<PoolId> missingPools,
        Measures amongLsts, Optional<TotalStaked> staked, Optional<Measures> amongStaked,
        Optional<String> stakedAbsent, Optional<LidoOperators> lidoOperators, Optional<RocketPoolNodes> rocketPool) {

    /** Figures among pools only, without operator figures. */
    public ConcentrationReport(BlockRef block, List<PoolShare> pools, List<PoolId> missingPools, Measures amongLsts,
            Optional<TotalStaked> staked, Optional<Measures> amongStaked, Optional<String> stakedAbsent) {
        this(block, pools, missingPools, amongLsts, staked, amongStaked, stakedAbsent, Optional.empty(),
                Optional.empty());
    }

    /** The same figures with the operator figures of the same block. */
    public ConcentrationReport withOperators(Optional<LidoOperators> lido, Optional<RocketPoolNodes> rocket) {
        return new ConcentrationReport(block, pools, missingPools, amongLsts, staked, amongStaked, stakedAbsent,
                lido, rocket);
    }

    /** One pool's stake and shares. */
    public record PoolShare(PoolId id, BigInteger stake, BigDecimal shareOfLsts, Optional<BigDecimal> shareOfStaked) {
    }

    public ConcentrationReport {
        Objects.requireNonNull(block, "block");
        pools = List.copyOf(pools);
        missingPools = List.copyOf(missingPools);
        Objects.requireNonNull(lidoOperators, "lidoOperators");
        Objects.requireNonNull(rocketPool, "rocketPool");
        if (staked.isPresent() != amongStaked.isPresent() || staked.isPresent() == stakedAbsent.isPresent()) {
            throw new IllegalArgumentException("either a total staked with its measures, or the reason it is absent");
        }
    }

    /** Sum of the tracked pools' stakes. */
    public BigInteger lstTotal() {
        return amongLsts.combined();
    }

    /** Staked ETH outside the tracked pools (solo stakers, exchanges, untracked pools): not one entity. */
    public Optional<BigInteger> other() {
        return staked.map(s -> s.wei().subtract(lstTotal()));
    }

    public Optional<BigDecimal> otherShare() {
        return staked.map(s -> Concentration.share(s.wei().subtract(lstTotal()), s.wei()));
    }

    /** The tracked pools' combined share of all staked ETH. */
    public Optional<BigDecimal> lstShareOfStaked() {
        return staked.map(s -> Concentration.share(lstTotal(), s.wei()));
    }
}
