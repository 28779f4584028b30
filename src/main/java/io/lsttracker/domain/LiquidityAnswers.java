package io.lsttracker.domain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The raw answers, in a snapshot's one multicall, of each pool's market (get_dy for a ladder of sizes) and of what
 * its own contracts expose of exits (Lido's withdrawal queue, Rocket Pool's collateral, ether.fi's liquidity pool
 * ETH). Carried in the {@link Snapshot} from the read to the liquidity figures derived from it (docs/LIQUIDITY.md);
 * {@link #NONE} when the snapshot was read without them.
 *
 * @param pools the pools that have a market or an exit read, in pools.yml order
 */
public record LiquidityAnswers(List<PoolAnswers> pools) {
    public static final LiquidityAnswers NONE = new LiquidityAnswers(List.of());

    public LiquidityAnswers {
        pools = List.copyOf(pools);
    }

    public boolean isEmpty() {
        return pools.isEmpty();
    }

    public Optional<PoolAnswers> of(PoolId pool) {
        return pools.stream().filter(p -> p.pool().equals(pool)).findFirst();
    }

    /** These answers followed by {@code more}'s. */
    public LiquidityAnswers and(LiquidityAnswers more) {
        List<PoolAnswers> all = new ArrayList<>(pools);
        all.addAll(more.pools());
        return new LiquidityAnswers(all);
    }

    /** One pool's answers: its market's, its exits'; each empty when the pool has none configured. */
    public record PoolAnswers(PoolId pool, Optional<MarketAnswers> market, Optional<ExitAnswers> exit) {
        public PoolAnswers {
            Objects.requireNonNull(pool, "pool");
        }
    }

    /**
     * get_dy's answers for the ladder of sizes, smallest first.
     *
     * @param marketId the market's id in config/markets.yml
     */
    public record MarketAnswers(String marketId, List<Quoted> ladder) {
        public MarketAnswers {
            ladder = List.copyOf(ladder);
        }
    }

    /**
     * One size of the ladder: what get_dy answered, or why it gave no answer.
     *
     * @param sizeTokens whole tokens sold (x 1e18 base units)
     */
    public record Quoted(BigInteger sizeTokens, Optional<BigInteger> ethOutWei, Optional<String> failure) {
        public Quoted {
            if (ethOutWei.isPresent() == failure.isPresent()) {
                throw new IllegalArgumentException("a quote is either answered or failed: " + ethOutWei + ", " + failure);
            }
        }

        public static Quoted answered(BigInteger sizeTokens, BigInteger ethOutWei) {
            return new Quoted(sizeTokens, Optional.of(ethOutWei), Optional.empty());
        }

        public static Quoted failed(BigInteger sizeTokens, String failure) {
            return new Quoted(sizeTokens, Optional.empty(), Optional.of(failure));
        }
    }

    /**
     * What the pool's exit contracts answered.
     *
     * @param failure      why they could not be read; empty when read
     * @param liquidEthWei Rocket Pool's getTotalCollateral(), ether.fi's totalValueInLp()
     * @param lidoQueue    Lido's withdrawal queue
     */
    public record ExitAnswers(Optional<String> failure, Optional<BigInteger> liquidEthWei,
            Optional<LidoQueueAnswers> lidoQueue) {
        public static ExitAnswers failed(String failure) {
            return new ExitAnswers(Optional.of(failure), Optional.empty(), Optional.empty());
        }
    }

    /**
     * Lido's WithdrawalQueueERC721 answers.
     *
     * @param oldestUnfinalizedTimestamp the creation time (unix seconds) of request lastFinalizedRequestId + 1, read
     *                                   with getWithdrawalStatus; empty when no request is unfinalized
     */
    public record LidoQueueAnswers(BigInteger unfinalizedStETH, BigInteger lastRequestId,
            BigInteger lastFinalizedRequestId, Optional<Long> oldestUnfinalizedTimestamp) {
    }
}
