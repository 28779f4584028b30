package io.lsttracker.liquidity;

import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.LiquidityAnswers.ExitAnswers;
import io.lsttracker.domain.LiquidityAnswers.LidoQueueAnswers;
import io.lsttracker.domain.LiquidityAnswers.MarketAnswers;
import io.lsttracker.domain.LiquidityAnswers.Quoted;
import io.lsttracker.domain.Wei;
import io.lsttracker.liquidity.LiquidityFigures.Exit;
import io.lsttracker.liquidity.LiquidityFigures.Market;
import io.lsttracker.liquidity.LiquidityFigures.Quote;
import io.lsttracker.liquidity.LiquidityFigures.WithdrawalQueue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The liquidity figures made of a snapshot's raw answers: pure, exact, and table-tested on hand-computed cases
 * (LiquidityMathTest). docs/LIQUIDITY.md gives every formula.
 */
public final class LiquidityMath {
    /** Discounts are basis points with 2 decimals, rounded half-even. */
    public static final int BPS_SCALE = 2;
    /** The sizes asked of every market, whole tokens: 1, 2, 5 x 10^k up to 1,000,000 (19 sizes). */
    public static final List<BigInteger> LADDER = ladder();
    /** The sizes whose quotes are reported (and must be answered for the market to be quoted). */
    public static final List<BigInteger> REPORTED = List.of(BigInteger.ONE, BigInteger.valueOf(100),
            BigInteger.valueOf(10_000));

    private static final BigInteger BPS = BigInteger.valueOf(10_000);
    private static final BigInteger HUNDRED = BigInteger.valueOf(100);
    private static final BigInteger NINETY_NINE = BigInteger.valueOf(99);

    private LiquidityMath() {
    }

    private static List<BigInteger> ladder() {
        List<BigInteger> sizes = new ArrayList<>();
        for (BigInteger decade = BigInteger.ONE; decade.compareTo(BigInteger.valueOf(1_000_000)) < 0;
                decade = decade.multiply(BigInteger.TEN)) {
            for (int step : new int[] {1, 2, 5}) {
                sizes.add(decade.multiply(BigInteger.valueOf(step)));
            }
        }
        sizes.add(BigInteger.valueOf(1_000_000));
        return List.copyOf(sizes);
    }

    /**
     * (ethOut / (size x redemption) - 1) x 10,000, computed as (ethOut - size x redemption) x 10,000 / (size x
     * redemption) at scale 2, half-even: negative for a discount, positive for a premium.
     *
     * @param redemptionWei wei one whole token redeems for; must be positive
     */
    public static BigDecimal discountBps(BigInteger sizeTokens, BigInteger ethOutWei, BigInteger redemptionWei) {
        BigInteger redeemed = sizeTokens.multiply(redemptionWei);
        if (redeemed.signum() <= 0) {
            throw new IllegalArgumentException("no discount against a redemption of " + redeemed + " wei");
        }
        return new BigDecimal(ethOutWei.subtract(redeemed).multiply(BPS))
                .divide(new BigDecimal(redeemed), BPS_SCALE, RoundingMode.HALF_EVEN);
    }

    /**
     * The 1% depth of a ladder whose first size (1 token) is answered with a positive ethOut(1): the largest size x
     * after the first with ethOut(x) x 100 >= 99 x x x ethOut(1), every size before it passing too; and the size after
     * it, the first that fails (or has no answer: a size the market cannot quote is beyond its depth).
     */
    public static Depth depth(List<Quoted> ladder) {
        BigInteger perToken = ladder.get(0).ethOutWei().orElseThrow();
        Optional<BigInteger> within = Optional.empty();
        for (Quoted quoted : ladder.subList(1, ladder.size())) {
            BigInteger size = quoted.sizeTokens();
            boolean holds = quoted.ethOutWei().map(out -> out.multiply(HUNDRED)
                    .compareTo(NINETY_NINE.multiply(size).multiply(perToken)) >= 0).orElse(false);
            if (!holds) {
                return new Depth(within, Optional.of(size));
            }
            within = Optional.of(size);
        }
        return new Depth(within, Optional.empty());
    }

    /** The 1% depth and the ladder size just beyond it (see {@link Market}). */
    public record Depth(Optional<BigInteger> depthTokens, Optional<BigInteger> depthBelowTokens) {
    }

    /**
     * The market's figures from its answers.
     *
     * @param poolRateWei the pool's ETH per token at the block (empty when its reading failed); used when the market
     *                    redeems at the pool rate
     */
    public static Market market(MarketDefinition market, MarketAnswers answers, Optional<BigInteger> poolRateWei) {
        Optional<BigInteger> redemption = market.redemption() == MarketDefinition.Redemption.ONE_ETH
                ? Optional.of(Wei.ONE_ETHER) : poolRateWei;
        BigInteger redemptionWei = redemption.orElse(BigInteger.ZERO);
        if (redemption.isEmpty() || redemptionWei.signum() <= 0) {
            return failed(market, redemptionWei, "no redemption rate: the pool's own reading of ETH per "
                    + market.token() + " failed or is not positive at this block");
        }
        List<Quoted> ladder = answers.ladder();
        if (ladder.isEmpty() || !ladder.get(0).sizeTokens().equals(BigInteger.ONE)) {
            return failed(market, redemptionWei, "the ladder of sizes does not start at 1 token");
        }
        Quoted one = ladder.get(0);
        if (one.failure().isPresent()) {
            return failed(market, redemptionWei, one.failure().get());
        }
        if (one.ethOutWei().get().signum() == 0) {
            return failed(market, redemptionWei, "no liquidity: get_dy answers 0 ETH for 1 " + market.token());
        }
        List<Quote> quotes = new ArrayList<>();
        for (BigInteger size : REPORTED) {
            Quoted quoted = ladder.stream().filter(q -> q.sizeTokens().equals(size)).findFirst().orElse(null);
            if (quoted == null) {
                return failed(market, redemptionWei, "no quote asked for " + size + " " + market.token());
            }
            if (quoted.failure().isPresent()) {
                return failed(market, redemptionWei, quoted.failure().get());
            }
            BigInteger out = quoted.ethOutWei().get();
            quotes.add(new Quote(size, out, discountBps(size, out, redemptionWei)));
        }
        Depth depth = depth(ladder);
        return new Market(market.marketId(), market.venue(), market.displayAddress(), market.token(), Optional.empty(),
                redemptionWei, quotes, depth.depthTokens(), depth.depthBelowTokens());
    }

    private static Market failed(MarketDefinition market, BigInteger redemptionWei, String reason) {
        return new Market(market.marketId(), market.venue(), market.displayAddress(), market.token(),
                Optional.of(reason), redemptionWei, List.of(), Optional.empty(), Optional.empty());
    }

    /** The exit figures from the exit contracts' answers at {@code block}. */
    public static Exit exit(ExitAnswers answers, BlockRef block) {
        if (answers.failure().isPresent()) {
            return new Exit(answers.failure(), Optional.empty(), Optional.empty());
        }
        Optional<WithdrawalQueue> queue = Optional.empty();
        if (answers.lidoQueue().isPresent()) {
            LidoQueueAnswers lido = answers.lidoQueue().get();
            BigInteger waiting = lido.lastRequestId().subtract(lido.lastFinalizedRequestId());
            if (waiting.signum() < 0 || waiting.bitLength() > 62) {
                return failedExit("Lido's withdrawal queue answers last request " + lido.lastRequestId()
                        + " and last finalized request " + lido.lastFinalizedRequestId() + ", which cannot both hold");
            }
            Optional<Long> age = Optional.empty();
            if (waiting.signum() > 0) {
                if (lido.oldestUnfinalizedTimestamp().isEmpty()) {
                    return failedExit("Lido's oldest unfinalized request (" + lido.lastFinalizedRequestId().add(
                            BigInteger.ONE) + ") has no creation time");
                }
                long created = lido.oldestUnfinalizedTimestamp().get();
                long seconds = block.timestamp().getEpochSecond() - created;
                if (seconds < 0) {
                    return failedExit("Lido's oldest unfinalized request was created at " + created
                            + ", after block " + block.number() + " (" + block.timestamp() + ")");
                }
                age = Optional.of(seconds);
            }
            queue = Optional.of(new WithdrawalQueue(lido.unfinalizedStETH(), waiting.longValueExact(), age));
        }
        return new Exit(Optional.empty(), answers.liquidEthWei(), queue);
    }

    private static Exit failedExit(String reason) {
        return new Exit(Optional.of(reason), Optional.empty(), Optional.empty());
    }
}
