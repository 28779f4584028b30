package io.lsttracker.api;

import io.lsttracker.concentration.Concentration.Measures;
import io.lsttracker.domain.Tau;
import io.lsttracker.concentration.ConcentrationReport;
import io.lsttracker.concentration.LidoOperators;
import io.lsttracker.concentration.RocketPoolNodes;
import io.lsttracker.beacon.TotalStaked;
import io.lsttracker.domain.PoolId;
import io.lsttracker.domain.Wei;
import io.lsttracker.entity.Entity;
import io.lsttracker.entity.EntityCategory;
import io.lsttracker.entity.EntityReading;
import io.lsttracker.entity.EntityReadings;
import io.lsttracker.entity.EntityRegistry;
import io.lsttracker.entity.EntityStore;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JSON shape of one snapshot's concentration (docs/CONCENTRATION.md). Shares are fractions 0..1 as decimal
 * strings with 18 decimals, HHI 0..10,000 with 6; amounts are ETH with 18 decimals (gwei amounts with 9).
 *
 * <p>Two views. The headline, {@code entities}, is who controls all staked ETH: every validator attributed to an
 * entity (docs/ENTITIES.md), from the latest entity reading; {@code poolsAndEntities} puts each pool's token-side ETH
 * next to its entity's beacon stake. The token view is the rest: each pool's token-side ETH (its totalEth) among the
 * tracked LSTs ({@code amongLsts}) and over the beacon node's total ({@code tokenOfAllStaked}, each pool's
 * {@code tokenShareOfStaked}); fields that need the total staked are null when it is absent, and
 * {@code totalStakedAbsent} says why. The history's points carry the token view only ({@code entities} null,
 * {@code entitiesAbsent} saying where the entities' history is).
 */
public record ConcentrationView(SnapshotView.BlockView block, EntityConcentrationView entities, String entitiesAbsent,
        List<PoolEntityView> poolsAndEntities, StakedView totalStaked, String totalStakedAbsent,
        String trackedEth, String trackedShareOfStaked, OtherView other, List<String> missingPools,
        List<PoolShareView> pools, MeasuresView amongLsts, MeasuresView tokenOfAllStaked,
        LidoOperatorsView lidoOperators, RocketPoolView rocketPool) {

    private static final BigInteger WEI_PER_GWEI = BigInteger.TEN.pow(9);
    static final String HISTORY_HAS_NO_ENTITIES = "the history's points carry the token view only; who controls the "
            + "stake over time is GET /api/entities/history";

    /**
     * Who controls all staked ETH at the latest entity reading: the largest identified entity and its share, the
     * unidentified share (never counted as one entity), and HHI, tau-indices and top-N shares over identified
     * entities as reported and at worst (all unidentified stake given to the largest entity).
     */
    public record EntityConcentrationView(EntitiesView.Source source, String stakedGwei, String stakedEth,
            int entitiesWithStake, String largestEntity, String largestShare, String unidentifiedShare,
            String unidentifiedEth, EntitiesView.Measures identified, EntitiesView.Measures atWorst) {
        static EntityConcentrationView of(EntityStore.StoredReading stored, EntityReadings.Status status,
                Instant now) {
            EntityReading r = stored.reading();
            List<EntityReading.Row> withStake = r.entities().stream().filter(e -> e.activeStakeGwei().signum() > 0)
                    .toList();
            Optional<EntityReading.Row> largest = withStake.stream().findFirst(); // largest stake first
            return new EntityConcentrationView(EntitiesView.source(r, stored.blockNumber(), status, now),
                    r.activeStakeGwei().toString(), EntitiesView.eth(r.activeStakeGwei()), withStake.size(),
                    largest.map(EntityReading.Row::entity).orElse(null),
                    largest.map(e -> plain(e.share())).orElse(null), plain(r.unidentified().share()),
                    EntitiesView.eth(r.unidentified().activeStakeGwei()),
                    EntitiesView.Measures.of(r.measures().reported()), EntitiesView.Measures.of(r.measures().atWorst()));
        }
    }

    /**
     * A pool next to the entity that issues its token: the pool's token-side ETH (its totalEth, e.g. stETH's
     * getTotalPooledEther) at this snapshot and the entity's beacon stake (its active validators' balances) at the
     * entity reading's slot; {@code differenceEth} = token-side - beacon stake, and {@code note} says what it is.
     */
    public record PoolEntityView(String pool, String entity, String category, String tokenSideEth,
            String entityStakeEth, String differenceEth, String note) {
    }

    static final String LIQUID_STAKING_NOTE = "token-side ETH minus the entity's beacon stake: the pool's buffered "
            + "ETH and deposits not yet active on the beacon chain, withdrawals in flight, and any of its validators "
            + "no attribution rule names (docs/ENTITIES.md); the two are read at different times (the snapshot's "
            + "block, the reading's slot)";
    static final String WRAPPED_NOTE = "the token wraps only part of what this entity stakes (it stakes for customers "
            + "who do not hold the token), so its beacon stake can far exceed the token-side ETH; the difference is "
            + "not buffered ETH";

    /** Total staked: sum of active validators' balances at {@code slot}. */
    public record StakedView(String eth, long slot, long activeValidators) {
    }

    /** Staked ETH outside the tracked pools: many entities we do not know, never counted as one. */
    public record OtherView(String eth, String shareOfStaked) {
    }

    /** The token view of one pool: its token-side ETH (totalEth), its share of it among LSTs and of all staked ETH. */
    public record PoolShareView(String id, String tokenSideEth, String shareOfLsts, String tokenShareOfStaked) {
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

    /** A history point: the token view only. */
    static ConcentrationView of(ConcentrationReport r) {
        return of(r, null, HISTORY_HAS_NO_ENTITIES, List.of());
    }

    /**
     * The latest figures: the token view of {@code r} with the entities' headline from {@code reading} (or why there
     * is none) and each pool next to its entity.
     */
    static ConcentrationView latest(ConcentrationReport r, Optional<EntityStore.StoredReading> reading,
            EntityReadings.Status status, EntityRegistry registry, Instant now) {
        if (reading.isEmpty()) {
            return of(r, null, "no entity reading is stored yet" + status.message().map(m -> " (last attempt: " + m
                    + ")").orElse(""), List.of());
        }
        EntityReading e = reading.get().reading();
        List<PoolEntityView> links = new ArrayList<>();
        for (Entity entity : registry.entities()) {
            if (entity.pool().isEmpty()) {
                continue;
            }
            Optional<ConcentrationReport.PoolShare> pool = r.pools().stream()
                    .filter(p -> p.id().equals(entity.pool().get())).findFirst();
            Optional<EntityReading.Row> row = e.row(entity.id());
            if (pool.isEmpty() || row.isEmpty()) {
                continue; // the pool failed in this snapshot, or the entity was labelled after the reading
            }
            BigInteger tokenSide = pool.get().stake();
            BigInteger beacon = row.get().activeStakeGwei().multiply(WEI_PER_GWEI);
            links.add(new PoolEntityView(pool.get().id().value(), entity.id(), entity.category().configName(),
                    PoolSummary.ether(tokenSide), PoolSummary.ether(beacon), PoolSummary.ether(tokenSide.subtract(beacon)),
                    entity.category() == EntityCategory.EXCHANGE ? WRAPPED_NOTE : LIQUID_STAKING_NOTE));
        }
        return of(r, EntityConcentrationView.of(reading.get(), status, now), null, links);
    }

    private static ConcentrationView of(ConcentrationReport r, EntityConcentrationView entities,
            String entitiesAbsent, List<PoolEntityView> links) {
        TotalStaked staked = r.staked().orElse(null);
        return new ConcentrationView(SnapshotView.BlockView.of(r.block()), entities, entitiesAbsent, links,
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
