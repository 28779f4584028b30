package io.lsttracker.concentration;

import io.lsttracker.concentration.Concentration.Measures;
import io.lsttracker.concentration.Concentration.Stake;
import io.lsttracker.concentration.ConcentrationReport.PoolShare;
import io.lsttracker.beacon.TotalStaked;
import io.lsttracker.domain.PoolId;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Snapshot;
import io.lsttracker.domain.Wei;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * The concentration figures of one snapshot, a pure function of the snapshot and the total staked. A pool's
 * stake is its totalEth, the ETH behind its token (docs/CONCENTRATION.md); failed pools are left out and named.
 */
public final class SnapshotConcentration {
    /**
     * More ETH than exists cannot be staked. ETH's whole supply was about 120.7 million in 2025 (docs/CONCENTRATION.md) and grows well under 1% a year, so a beacon total above 150 million ETH is a broken answer,
     * refused as a total below the pools' own is.
     */
    static final BigInteger MAX_STAKED_WEI = BigInteger.valueOf(150_000_000L).multiply(Wei.ONE_ETHER);

    private SnapshotConcentration() {
    }

    /**
     * @param staked       total staked at the snapshot's block, or empty
     * @param absentReason why it is empty (ignored when {@code staked} is present)
     */
    public static ConcentrationReport of(Snapshot snapshot, Optional<TotalStaked> staked, String absentReason) {
        List<PoolState> ok = snapshot.pools().stream().filter(PoolState::isOk).toList();
        List<PoolId> missing = snapshot.failedPools().stream().map(PoolState::id).toList();
        List<Stake> stakes = ok.stream().map(p -> new Stake(p.id().value(), p.totalEth())).toList();
        Measures amongLsts = Concentration.among(stakes);
        Optional<TotalStaked> usable = staked;
        String reason = absentReason;
        if (staked.isPresent() && staked.get().wei().compareTo(amongLsts.combined()) < 0) {
            // Beacon balances exclude ETH the pools hold but have not deposited, yet never by this much:
            // a total below the pools' own is a wrong answer (wrong network, a state far in the past).
            usable = Optional.empty();
            reason = "the beacon node's total staked at slot " + staked.get().slot() + ", "
                    + Wei.toEther(staked.get().wei()).toPlainString() + " ETH, is less than the tracked pools' "
                    + Wei.toEther(amongLsts.combined()).toPlainString() + " ETH; not used";
        } else if (staked.isPresent() && staked.get().wei().compareTo(MAX_STAKED_WEI) > 0) {
            usable = Optional.empty();
            reason = "the beacon node's total staked at slot " + staked.get().slot() + ", "
                    + Wei.toEther(staked.get().wei()).stripTrailingZeros().toPlainString() + " ETH, is more than ETH's "
                    + "whole supply (bound " + Wei.toEther(MAX_STAKED_WEI).stripTrailingZeros().toPlainString()
                    + " ETH); not used";
        }
        Optional<Measures> amongStaked = usable.map(s -> Concentration.of(stakes, s.wei()));
        Optional<TotalStaked> denominator = usable;
        List<PoolShare> shares = ok.stream().map(p -> new PoolShare(p.id(), p.totalEth(),
                Concentration.share(p.totalEth(), amongLsts.combined()),
                denominator.map(s -> Concentration.share(p.totalEth(), s.wei())))).toList();
        // Lido's operators and Rocket Pool's counts: from the first pool that has them (one of each is tracked)
        Optional<LidoOperators> lido = ok.stream().filter(p -> !p.operators().isEmpty()).findFirst()
                .flatMap(p -> OperatorConcentration.of(p.operators()));
        Optional<RocketPoolNodes> rocket = ok.stream().map(RocketPoolNodes::of).flatMap(Optional::stream).findFirst();
        return new ConcentrationReport(snapshot.block(), shares, missing, amongLsts, usable, amongStaked,
                usable.isPresent() ? Optional.empty() : Optional.of(reason), lido, rocket);
    }

    /** A pool's share of all staked ETH, or empty when the report has no total staked. */
    public static Optional<BigDecimal> shareOfStaked(ConcentrationReport report, PoolId pool) {
        return report.pools().stream().filter(p -> p.id().equals(pool)).findFirst().flatMap(PoolShare::shareOfStaked);
    }
}
