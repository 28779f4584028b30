package io.lsttracker.liquidity;

import io.lsttracker.domain.LiquidityAnswers.PoolAnswers;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Snapshot;
import io.lsttracker.pool.PoolDefinition;
import io.lsttracker.pool.PoolRegistry;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * The liquidity figures of one snapshot, a pure function of its raw liquidity answers and its pools' readings (the
 * pool rate a market redeems at): every configured pool, in pools.yml order.
 */
public final class SnapshotLiquidity {
    private SnapshotLiquidity() {
    }

    /** Every pool's figures; empty when the snapshot was read without its markets and exits. */
    public static List<LiquidityFigures> of(Snapshot snapshot, PoolRegistry pools, Markets markets) {
        if (snapshot.liquidity().isEmpty()) {
            return List.of();
        }
        return pools.pools().stream().map(pool -> of(snapshot, pool, markets)).toList();
    }

    private static LiquidityFigures of(Snapshot snapshot, PoolDefinition pool, Markets markets) {
        Optional<PoolAnswers> answers = snapshot.liquidity().of(pool.id());
        Optional<BigInteger> poolRate = snapshot.pools().stream().filter(p -> p.id().equals(pool.id()))
                .filter(PoolState::isOk).map(PoolState::ethPerToken).findFirst();
        Optional<LiquidityFigures.Market> market = markets.of(pool.id()).flatMap(definition -> answers
                .flatMap(PoolAnswers::market).map(read -> LiquidityMath.market(definition, read, poolRate)));
        Optional<LiquidityFigures.Exit> exit = answers.flatMap(PoolAnswers::exit)
                .map(read -> LiquidityMath.exit(read, snapshot.block()));
        return new LiquidityFigures(pool.id(), snapshot.block(), market, exit);
    }
}
