package io.lsttracker.liquidity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.LiquidityAnswers.ExitAnswers;
import io.lsttracker.domain.LiquidityAnswers.LidoQueueAnswers;
import io.lsttracker.domain.LiquidityAnswers.MarketAnswers;
import io.lsttracker.domain.LiquidityAnswers.Quoted;
import io.lsttracker.domain.PoolId;
import io.lsttracker.domain.Wei;
import io.lsttracker.liquidity.LiquidityFigures.Exit;
import io.lsttracker.liquidity.LiquidityFigures.Market;
import io.lsttracker.liquidity.LiquidityFigures.Quote;
import io.lsttracker.liquidity.LiquidityFigures.WithdrawalQueue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.web3j.abi.datatypes.Address;

/** The liquidity formulas of docs/LIQUIDITY.md on hand-computed cases (the arithmetic is in each comment). */
class LiquidityMathTest {
    private static final BigInteger E18 = Wei.ONE_ETHER;
    private static final MarketDefinition ONE_ETH = market(MarketDefinition.Redemption.ONE_ETH);
    private static final MarketDefinition POOL_RATE = market(MarketDefinition.Redemption.POOL_RATE);

    private static MarketDefinition market(MarketDefinition.Redemption redemption) {
        return new MarketDefinition(new PoolId("lido"), "curve-test", "Curve test",
                new Address("0xDC24316b9AE028F1497c275EB9192a3Ea0f67022"), MarketDefinition.Kind.CURVE_INT128, 1, 0,
                "stETH", redemption, "test");
    }

    private static BigInteger wei(String ether) {
        return Wei.fromEther(ether);
    }

    /** A ladder whose ethOut for x tokens is {@code out.apply(x)}. */
    private static List<Quoted> ladder(Function<BigInteger, BigInteger> out) {
        List<Quoted> ladder = new ArrayList<>();
        for (BigInteger size : LiquidityMath.LADDER) {
            ladder.add(Quoted.answered(size, out.apply(size)));
        }
        return ladder;
    }

    @Test
    void theLadderIsOneTwoFiveTimesPowersOfTenUpToAMillion() {
        assertEquals(19, LiquidityMath.LADDER.size());
        assertEquals(List.of(1L, 2L, 5L, 10L, 20L, 50L, 100L, 200L, 500L, 1_000L, 2_000L, 5_000L, 10_000L, 20_000L,
                50_000L, 100_000L, 200_000L, 500_000L, 1_000_000L),
                LiquidityMath.LADDER.stream().map(BigInteger::longValueExact).toList());
    }

    @ParameterizedTest(name = "{0} tokens for {1} ETH at {2} ETH each: {3} bps")
    @CsvSource({
        // a premium: 1.0025 / 1 - 1 = 0.0025 = 25 bps
        "1, 1.0025, 1, 25.00",
        // a discount: 99.5 / (100 x 1) - 1 = -0.005 = -50 bps
        "100, 99.5, 1, -50.00",
        // a rate above 1: 10,945 / (10,000 x 1.1 = 11,000) - 1 = -55 / 11,000 = -0.005 = -50 bps
        "10000, 10945, 1.1, -50.00",
        // 1 / 1.1 - 1 = -0.0909090... = -909.0909... bps, to 2 decimals -909.09
        "1, 1, 1.1, -909.09",
        // exactly half a hundredth: (0.9999875 - 1) x 10,000 = -0.125 -> half-even -0.12
        "1, 0.9999875, 1, -0.12",
        // (0.9999865 - 1) x 10,000 = -0.135 -> half-even -0.14
        "1, 0.9999865, 1, -0.14",
        // at par: 0.00
        "2, 2.2, 1.1, 0.00",
    })
    void discountIsSignedBasisPointsAtScaleTwoHalfEven(long size, String ethOut, String redemption, String bps) {
        assertEquals(new BigDecimal(bps),
                LiquidityMath.discountBps(BigInteger.valueOf(size), wei(ethOut), wei(redemption)));
    }

    @Test
    void noDiscountAgainstNothing() {
        assertThrows(IllegalArgumentException.class,
                () -> LiquidityMath.discountBps(BigInteger.ONE, E18, BigInteger.ZERO));
    }

    @Test
    void depthOfAConstantProductPool() {
        // reserves 1,000 ETH / 1,000 token: ethOut(x) = x * 1000 / (1000 + x) ETH, so ethOut(x)/x = 1000/(1000+x);
        // within 1% of ethOut(1)/1 = 1000/1001 while 1000/(1000+x) >= 0.99 * 1000/1001, i.e. 1000 + x <= 1011.1:
        // x = 10 holds (1010), x = 20 does not (1020)
        BigInteger reserve = BigInteger.valueOf(1000).multiply(E18);
        List<Quoted> ladder = ladder(x -> x.multiply(E18).multiply(reserve).divide(reserve.add(x.multiply(E18))));
        assertEquals(new LiquidityMath.Depth(Optional.of(BigInteger.TEN), Optional.of(BigInteger.valueOf(20))),
                LiquidityMath.depth(ladder));
    }

    @Test
    void depthAtTheLaddersEnds() {
        // a market that pays 1 ETH a token at any size: the whole ladder is within 1%, nothing beyond it
        assertEquals(new LiquidityMath.Depth(Optional.of(BigInteger.valueOf(1_000_000)), Optional.empty()),
                LiquidityMath.depth(ladder(x -> x.multiply(E18))));
        // 2 tokens already get 1.97 ETH: 1.97 x 100 = 197 < 99 x 2 x 1 = 198, so no size after the first holds
        assertEquals(new LiquidityMath.Depth(Optional.empty(), Optional.of(BigInteger.TWO)),
                LiquidityMath.depth(ladder(x -> x.equals(BigInteger.ONE) ? E18 : x.multiply(wei("0.985")))));
        // exactly 99%: 2 tokens for 1.98 ETH, 198 >= 198, holds; 5 tokens for 4.9 ETH, 490 < 99 x 5 = 495, does not
        assertEquals(new LiquidityMath.Depth(Optional.of(BigInteger.TWO), Optional.of(BigInteger.valueOf(5))),
                LiquidityMath.depth(ladder(x -> x.equals(BigInteger.ONE) ? E18
                        : x.equals(BigInteger.TWO) ? wei("1.98") : x.multiply(wei("0.98")))));
    }

    @Test
    void aSizeTheMarketCannotQuoteIsBeyondItsDepth() {
        List<Quoted> ladder = new ArrayList<>(ladder(x -> x.multiply(E18)));
        ladder.set(5, Quoted.failed(BigInteger.valueOf(50), "get_dy reverted"));
        assertEquals(new LiquidityMath.Depth(Optional.of(BigInteger.valueOf(20)), Optional.of(BigInteger.valueOf(50))),
                LiquidityMath.depth(ladder));
    }

    @Test
    void aQuotedMarketReportsOneHundredAndTenThousandTokens() {
        // 1.1 ETH a token redeemed; the market pays 1.089 ETH for 1 (-100 bps: 1.089/1.1 = 0.99),
        // 108.9 for 100 (-100 bps), 10,780 for 10,000 (10,780 / 11,000 - 1 = -0.02 = -200 bps)
        List<Quoted> ladder = ladder(x -> x.compareTo(BigInteger.valueOf(100)) <= 0 ? x.multiply(wei("1.089"))
                : x.multiply(wei("1.078")));
        Market market = LiquidityMath.market(POOL_RATE, new MarketAnswers("curve-test", ladder), Optional.of(wei("1.1")));
        assertEquals(Optional.empty(), market.failure());
        assertEquals(wei("1.1"), market.redemptionWei());
        assertEquals(List.of(new Quote(BigInteger.ONE, wei("1.089"), new BigDecimal("-100.00")),
                new Quote(BigInteger.valueOf(100), wei("108.9"), new BigDecimal("-100.00")),
                new Quote(BigInteger.valueOf(10_000), wei("10780"), new BigDecimal("-200.00"))), market.quotes());
        // 200 tokens: 1.078 x 100 = 107.8 < 99 x 1.089 = 107.811, so the depth is 100 and 200 is beyond it
        assertEquals(Optional.of(BigInteger.valueOf(100)), market.depthTokens());
        assertEquals(Optional.of(BigInteger.valueOf(200)), market.depthBelowTokens());
        assertEquals("0xDC24316b9AE028F1497c275EB9192a3Ea0f67022", market.address());
    }

    @Test
    void anEmptyMarketFailsWithTheReason() {
        Market market = LiquidityMath.market(ONE_ETH, new MarketAnswers("curve-test", ladder(x -> BigInteger.ZERO)),
                Optional.empty());
        assertEquals(Optional.of("no liquidity: get_dy answers 0 ETH for 1 stETH"), market.failure());
        assertEquals(List.of(), market.quotes());
        assertEquals(E18, market.redemptionWei(), "stETH redeems 1:1 whatever the pool reads");
    }

    @Test
    void aRevertingMarketFailsWithTheCallsReason() {
        List<Quoted> ladder = ladder(x -> x.multiply(E18));
        ladder.set(0, Quoted.failed(BigInteger.ONE, "selling 1 stETH: CurveStableSwap.get_dy at 0xDC24 reverted"));
        assertEquals(Optional.of("selling 1 stETH: CurveStableSwap.get_dy at 0xDC24 reverted"),
                LiquidityMath.market(ONE_ETH, new MarketAnswers("curve-test", ladder), Optional.empty()).failure());
        List<Quoted> bigOnes = ladder(x -> x.multiply(E18));
        bigOnes.set(12, Quoted.failed(BigInteger.valueOf(10_000), "selling 10000 stETH: reverted"));
        assertEquals(Optional.of("selling 10000 stETH: reverted"),
                LiquidityMath.market(ONE_ETH, new MarketAnswers("curve-test", bigOnes), Optional.empty()).failure());
    }

    @Test
    void aPoolRateMarketWithoutThePoolsReadingFails() {
        Market market = LiquidityMath.market(POOL_RATE, new MarketAnswers("curve-test", ladder(x -> x.multiply(E18))),
                Optional.empty());
        assertEquals(Optional.of("no redemption rate: the pool's own reading of ETH per stETH failed or is not "
                + "positive at this block"), market.failure());
        assertEquals(BigInteger.ZERO, market.redemptionWei());
    }

    @Test
    void lidosQueueCountsRequestsAndAgesTheOldest() {
        BlockRef block = new BlockRef(10, "0x" + "aa".repeat(32), Instant.ofEpochSecond(1_700_086_400L));
        // requests 101..110 unfinalized: 110 - 100 = 10; the oldest made at 1,700,000,000, the block a day later
        Exit exit = LiquidityMath.exit(new ExitAnswers(Optional.empty(), Optional.empty(), Optional.of(
                new LidoQueueAnswers(wei("1234.5"), BigInteger.valueOf(110), BigInteger.valueOf(100),
                        Optional.of(1_700_000_000L)))), block);
        assertEquals(new Exit(Optional.empty(), Optional.empty(), Optional.of(
                new WithdrawalQueue(wei("1234.5"), 10, Optional.of(86_400L)))), exit);
        // nothing unfinalized: no age
        assertEquals(Optional.of(new WithdrawalQueue(BigInteger.ZERO, 0, Optional.empty())), LiquidityMath.exit(
                new ExitAnswers(Optional.empty(), Optional.empty(), Optional.of(new LidoQueueAnswers(BigInteger.ZERO,
                        BigInteger.valueOf(7), BigInteger.valueOf(7), Optional.empty()))), block).queue());
        // more finalized than requested cannot be
        assertEquals(Optional.of("Lido's withdrawal queue answers last request 7 and last finalized request 8, which "
                + "cannot both hold"), LiquidityMath.exit(new ExitAnswers(Optional.empty(), Optional.empty(),
                Optional.of(new LidoQueueAnswers(BigInteger.ZERO, BigInteger.valueOf(7), BigInteger.valueOf(8),
                        Optional.empty()))), block).failure());
    }

    @Test
    void liquidEthAndFailuresPassThrough() {
        BlockRef block = new BlockRef(10, "0x" + "aa".repeat(32), Instant.ofEpochSecond(1_700_000_000L));
        assertEquals(new Exit(Optional.empty(), Optional.of(wei("2500")), Optional.empty()), LiquidityMath.exit(
                new ExitAnswers(Optional.empty(), Optional.of(wei("2500")), Optional.empty()), block));
        assertEquals(new Exit(Optional.of("RocketTokenRETH.getTotalCollateral at 0xae78 reverted"), Optional.empty(),
                Optional.empty()), LiquidityMath.exit(
                        ExitAnswers.failed("RocketTokenRETH.getTotalCollateral at 0xae78 reverted"), block));
    }
}
