package io.lsttracker.api;

import io.lsttracker.concentration.Concentration.Measures;
import io.lsttracker.domain.Tau;
import io.lsttracker.concentration.ConcentrationReport;
import io.lsttracker.concentration.LidoOperators;
import io.lsttracker.concentration.RocketPoolNodes;
import io.lsttracker.beacon.TotalStaked;
import io.lsttracker.domain.PoolId;
import io.lsttracker.domain.Wei;
import java.math.BigDecimal;
import java.util.List;

/**
 * The JSON shape of one snapshot's concentration (docs/sections/concentration.md). Shares are fractions 0..1
 * as decimal strings with 18 decimals, HHI 0..10,000 with 6; amounts are ETH with 18 decimals. Fields that
 * need the total staked are null when it is absent, and {@code totalStakedAbsent} says why.
 */
public record ConcentrationView(SnapshotView.BlockView block, StakedView totalStaked, String totalStakedAbsent,
        String trackedEth, String trackedShareOfStaked, OtherView other, List<String> missingPools,
        List<PoolShareView> pools, MeasuresView amongLsts, MeasuresView ofAllStaked,
        LidoOperatorsView lidoOperators, RocketPoolView rocketPool) {

    /** Total staked: sum of active validators' balances at {@code slot}. */
    public record StakedView(String eth, long slot, long activeValidators) {
    }

    /** Staked ETH outside the tracked pools: many entities we do not know, never counted as one. */
    public record OtherView(String eth, String shareOfStaked) {
    }

    public record PoolShareView(String id, String stakeEth, String shareOfLsts, String shareOfStaked) {
    }

    public record TauView(Integer oneThird, Integer oneHalf, Integer twoThirds) {
    }

    /** Measures over the pools: {@code nakamoto} is the tau-index at 1/2. */
    public record MeasuresView(int pools, String denominatorEth, String largestPool, String largestShare,
            String top3Share, String hhi, TauView tau, Integer nakamoto) {
        static MeasuresView of(Measures m) {
            return new MeasuresView(m.entities(), PoolSummary.ether(m.denominator()), m.largest().orElse(null),
                    plain(m.largestShare()), plain(m.top3Share()), plain(m.hhi()),
                    new TauView(m.tau(Tau.THIRD).orElse(null), m.tau(Tau.HALF).orElse(null),
                            m.tau(Tau.TWO_THIRDS).orElse(null)),
                    m.tau(Tau.HALF).orElse(null));
        }
    }

    /**
     * Concentration among Lido's node operators: {@code operators} with active validators, their
     * {@code activeValidators}, how many of those run through the permissionless Community Staking Module and
     * their share (null when CSM was not read), HHI and tau-indices over active validators, the 10 largest with
     * their shares.
     */
    public record LidoOperatorsView(int operators, long activeValidators, Long permissionlessValidators,
            String permissionlessShare, String hhi, TauView tau, List<OperatorView> largest) {
        static LidoOperatorsView of(LidoOperators lido) {
            Measures m = lido.measures();
            return new LidoOperatorsView(lido.operators(), lido.activeValidators(), lido.permissionlessValidators(),
                    lido.permissionlessShare().map(ConcentrationView::plain).orElse(null), plain(m.hhi()),
                    new TauView(m.tau(Tau.THIRD).orElse(null), m.tau(Tau.HALF).orElse(null),
                            m.tau(Tau.TWO_THIRDS).orElse(null)),
                    lido.largest().stream().map(o -> new OperatorView(o.name(), o.module(), o.activeValidators(),
                            plain(o.share()))).toList());
        }
    }

    public record OperatorView(String name, String module, long activeValidators, String share) {
    }

    /** Rocket Pool's node operators and minipools (created; active = not finalised; staking). */
    public record RocketPoolView(long nodeOperators, long minipools, long activeMinipools, long stakingMinipools) {
        static RocketPoolView of(RocketPoolNodes n) {
            return new RocketPoolView(n.nodeOperators(), n.minipools(), n.activeMinipools(), n.stakingMinipools());
        }
    }

    static ConcentrationView of(ConcentrationReport r) {
        TotalStaked staked = r.staked().orElse(null);
        return new ConcentrationView(SnapshotView.BlockView.of(r.block()),
                staked == null ? null : new StakedView(Wei.toEther(staked.wei()).toPlainString(), staked.slot(),
                        staked.activeValidators()),
                r.stakedAbsent().orElse(null),
                PoolSummary.ether(r.lstTotal()),
                r.lstShareOfStaked().map(ConcentrationView::plain).orElse(null),
                r.other().map(o -> new OtherView(PoolSummary.ether(o), plain(r.otherShare().orElseThrow())))
                        .orElse(null),
                r.missingPools().stream().map(PoolId::value).toList(),
                r.pools().stream().map(p -> new PoolShareView(p.id().value(), PoolSummary.ether(p.stake()),
                        plain(p.shareOfLsts()), p.shareOfStaked().map(ConcentrationView::plain).orElse(null))).toList(),
                MeasuresView.of(r.amongLsts()),
                r.amongStaked().map(MeasuresView::of).orElse(null),
                r.lidoOperators().map(LidoOperatorsView::of).orElse(null),
                r.rocketPool().map(RocketPoolView::of).orElse(null));
    }

    static String plain(BigDecimal value) {
        return value.toPlainString();
    }
}
