package io.lsttracker.devchain;

import static io.lsttracker.devchain.MarketReads.callData;
import static io.lsttracker.devchain.MarketReads.discountBps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.devchain.markets.SimulatedMarket;
import io.lsttracker.devchain.markets.SimulatedMarkets;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The devchain's Curve markets, on the shared devchain (12 days of history, the second depeg ended before the head):
 * each pool answers mainnet's selectors at its real address, quotes what an independent StableSwap computation of
 * its balances gives, sits within 10 bps of the redemption rate at rest, and stETH's market goes through its depeg.
 */
class DevchainMarketsTest {
    private static final BigInteger ONE = Devchain.ETH;
    private static Devchain devchain;
    private static MarketReads reads;

    @BeforeAll
    static void start() {
        devchain = TestDevchain.shared();
        reads = new MarketReads(TestDevchain.rpc());
    }

    @Test
    void theSelectorsAreMainnets() {
        // The selectors of the common brief's market table (Curve's pools as deployed), from the signatures.
        assertEquals("0x5e0d443f", MarketReads.selector("get_dy(int128,int128,uint256)"));
        assertEquals("0x556d6e9f", MarketReads.selector("get_dy(uint256,uint256,uint256)"));
        assertEquals("0xc6610657", MarketReads.selector("coins(uint256)"));
        assertEquals("0x4903b0d1", MarketReads.selector("balances(uint256)"));
        assertEquals("0xddca3f43", MarketReads.selector("fee()"));
        assertEquals("0xf446c1d0", MarketReads.selector("A()"));
    }

    @Test
    void everyMarketAnswersAtItsMainnetAddressWithTheWrittenBalances() {
        assertEquals(8, SimulatedMarkets.MARKETS.size());
        for (SimulatedMarket market : SimulatedMarkets.MARKETS) {
            String pool = market.address();
            assertEquals(market.coin0().toLowerCase(), reads.address(pool, callData("coins(uint256)", 0), null),
                    market.marketId());
            assertEquals(market.token().toLowerCase(), reads.address(pool, callData("coins(uint256)", 1), null));
            assertEquals(BigInteger.valueOf(market.fee()), reads.uint(pool, callData("fee()"), null));
            assertEquals(BigInteger.valueOf(market.amplification()), reads.uint(pool, callData("A()"), null));
            List<SimulatedMarkets.MarketState> states = devchain.marketStates(market.marketId());
            SimulatedMarkets.MarketState head = states.get(states.size() - 1);
            assertEquals(head.balance0(), reads.uint(pool, callData("balances(uint256)", 0), null), market.marketId());
            assertEquals(head.balance1(), reads.uint(pool, callData("balances(uint256)", 1), null), market.marketId());
            // the other get_dy kind is not there: the call reverts (no such function)
            String otherKind = market.uint256Index() ? "get_dy(int128,int128,uint256)" : "get_dy(uint256,uint256,uint256)";
            assertTrue(reads.reverts(pool, callData(otherKind, 1, 0, ONE), null), market.marketId());
        }
    }

    @Test
    void everyQuoteIsTheStableSwapOfItsBalancesAndWithinTenBpsOfRedemptionAtRest() {
        for (SimulatedMarket market : SimulatedMarkets.MARKETS) {
            String pool = market.address();
            BigInteger balance0 = reads.uint(pool, callData("balances(uint256)", 0), null);
            BigInteger balance1 = reads.uint(pool, callData("balances(uint256)", 1), null);
            BigInteger rate = rateOnChain(market);
            for (BigInteger size : List.of(ONE, ONE.multiply(BigInteger.valueOf(100)),
                    ONE.multiply(BigInteger.valueOf(10_000)))) {
                BigInteger quoted = reads.sellToken(pool, market.uint256Index(), size, null);
                BigInteger expected = StableSwapReference.sellToken(balance0, balance1, rate, size,
                        market.amplification(), market.fee());
                // the pool's integer Newton steps stop within 1 wei and floor each division: a few wei from the reals
                assertTrue(quoted.subtract(expected).abs().compareTo(BigInteger.valueOf(4)) <= 0,
                        market.marketId() + " " + size + ": pool " + quoted + ", reference " + expected);
            }
            // the redemption rate: 1 ETH for stETH and frxETH, else the pool's ethPerToken, as the tracker reads it
            BigInteger redemption = market.redeemsOneEth() ? ONE : devchain.expected(market.poolId()).ethPerToken();
            BigDecimal discount = discountBps(reads.sellToken(pool, market.uint256Index(), ONE, null), ONE, redemption);
            assertTrue(discount.abs().compareTo(BigDecimal.TEN) <= 0, market.marketId() + ": " + discount + " bps");
            // and not flat: at rest the fee alone costs 1 bp (stETH) or 4 bps, so the quote is under redemption
            assertTrue(discount.signum() < 0, market.marketId() + ": " + discount + " bps");
        }
    }

    @Test
    void aTokenThatAccruesValueKeepsItsMarketAtItsRedemptionRateAcrossTheHistory() {
        for (SimulatedMarket market : SimulatedMarkets.MARKETS) {
            if (market.redeemsOneEth()) {
                continue;
            }
            long installed = devchain.marketStates(market.marketId()).get(0).block();
            BigInteger rateThen = rateOnChain(market, installed);
            BigInteger rateNow = rateOnChain(market, null);
            // the history's reports grew the rate (about 12 days of a 2.5-3% APR: some 8 to 10 bps)
            assertTrue(rateNow.compareTo(rateThen) > 0, market.marketId() + ": " + rateThen + " -> " + rateNow);
            BigInteger outThen = reads.sellToken(market.address(), market.uint256Index(), ONE, installed);
            BigInteger outNow = reads.sellToken(market.address(), market.uint256Index(), ONE, null);
            // the same balances quote more ETH as the rate grows, and stay within 10 bps of it at both ends
            assertTrue(outNow.compareTo(outThen) > 0, market.marketId());
            for (BigDecimal discount : List.of(discountBps(outThen, ONE, rateThen), discountBps(outNow, ONE, rateNow))) {
                assertTrue(discount.abs().compareTo(BigDecimal.TEN) <= 0, market.marketId() + ": " + discount + " bps");
            }
        }
    }

    @Test
    void stethsMarketDepegsToThreeHundredBpsAndRecovers() {
        LiquiditySchedule schedule = devchain.liquiditySchedule();
        SimulatedMarket steth = SimulatedMarkets.market("curve-steth-eth");
        List<SimulatedMarkets.MarketState> states = devchain.marketStates("curve-steth-eth");
        int deepestIndex = indexOf(states, LiquiditySchedule.DEEPEST_DISCOUNT_BPS);
        SimulatedMarkets.MarketState deepest = states.get(deepestIndex);
        // planned at the deepest time (an event at the same second as another is mined a second later)
        assertTrue(Math.abs(deepest.timestamp() - schedule.depegDeepest()) <= 2, "deepest at " + deepest.timestamp());
        SimulatedMarkets.MarketState recovered = states.stream().skip(deepestIndex)
                .filter(s -> s.discountBps() == 0).findFirst().orElseThrow();
        assertTrue(Math.abs(recovered.timestamp() - schedule.depegRecovered()) <= 2);

        // at its deepest 1 stETH sells for 3% under 1 ETH: planned to a gwei of balance, so within 0.01 bps of it
        BigInteger deepOut = reads.sellToken(steth.address(), false, ONE, deepest.block());
        BigDecimal deepDiscount = discountBps(deepOut, ONE, ONE);
        assertTrue(deepDiscount.compareTo(new BigDecimal("-300.00")) >= 0
                && deepDiscount.compareTo(new BigDecimal("-299.99")) <= 0, deepDiscount + " bps");
        assertEquals(deepest.balance0(), reads.uint(steth.address(), callData("balances(uint256)", 0), deepest.block()));
        // the pool is lopsided (far more stETH than ETH) and 10,000 stETH moves its price much further
        assertTrue(deepest.balance1().compareTo(deepest.balance0().multiply(BigInteger.TEN)) > 0);
        BigInteger deepLarge = reads.sellToken(steth.address(), false, ONE.multiply(BigInteger.valueOf(10_000)),
                deepest.block());
        assertTrue(discountBps(deepLarge, ONE.multiply(BigInteger.valueOf(10_000)), ONE)
                .compareTo(new BigDecimal("-400")) < 0);
        // the block before the episode and the block after it: at rest, within 10 bps (the fee's 1 bp and a sliver)
        for (long block : new long[] {states.get(0).block(), recovered.block()}) {
            BigDecimal discount = discountBps(reads.sellToken(steth.address(), false, ONE, block), ONE, ONE);
            assertTrue(discount.compareTo(new BigDecimal("-10")) >= 0 && discount.signum() < 0, discount + " at " + block);
        }
        // the discount falls step by step to the deepest, then rises back: never below it, and monotone on each side
        List<SimulatedMarkets.MarketState> episode = states.subList(1, states.indexOf(recovered) + 1);
        assertTrue(episode.size() >= 10, "steps: " + episode.size());
        for (int i = 1; i < episode.size(); i++) {
            int comparison = episode.get(i).balance0().compareTo(episode.get(i - 1).balance0());
            boolean falling = episode.get(i).timestamp() <= deepest.timestamp();
            assertTrue(falling ? comparison <= 0 : comparison >= 0, "step " + i);
        }
    }

    @Test
    void theSecondDepegEndsInsideTheHistoryWithoutALiveEnd() {
        LiquiditySchedule schedule = devchain.liquiditySchedule();
        assertEquals(0, devchain.parameters().depegLiveMinutes());
        List<SimulatedMarkets.MarketState> states = devchain.marketStates("curve-steth-eth");
        // the last state planned for 200 bps (the first depeg's fall passes through 200 bps too)
        SimulatedMarkets.MarketState deep = states.stream()
                .filter(s -> s.discountBps() == LiquiditySchedule.LIVE_DISCOUNT_BPS).reduce((a, b) -> b).orElseThrow();
        assertTrue(Math.abs(deep.timestamp() - schedule.liveDepegDeepest()) <= 2);
        BigDecimal discount = discountBps(reads.sellToken(SimulatedMarkets.market("curve-steth-eth").address(), false,
                ONE, deep.block()), ONE, ONE);
        assertTrue(discount.compareTo(new BigDecimal("-200.00")) >= 0
                && discount.compareTo(new BigDecimal("-199.99")) <= 0, discount + " bps");
        SimulatedMarkets.MarketState last = states.get(states.size() - 1);
        assertEquals(states.get(0).balance0(), last.balance0(), "at rest at the head");
        assertTrue(last.timestamp() < devchain.headTimestamp() && last.timestamp() > schedule.liveDepegDeepest());
    }

    /** The first state planned for {@code discountBps}. */
    private static int indexOf(List<SimulatedMarkets.MarketState> states, int discountBps) {
        for (int i = 0; i < states.size(); i++) {
            if (states.get(i).discountBps() == discountBps) {
                return i;
            }
        }
        throw new AssertionError("no state planned for " + discountBps + " bps");
    }

    /** The token's rate read from its own contract, as Curve's rate oracle pools read it (ankrETH's inverted). */
    private static BigInteger rateOnChain(SimulatedMarket market) {
        return rateOnChain(market, null);
    }

    private static BigInteger rateOnChain(SimulatedMarket market, Long block) {
        if (market.redeemsOneEth()) {
            return ONE;
        }
        BigInteger answer = reads.uint(market.rateOracle(), MarketReads.selector(market.rateMethod()), block);
        return market.rateInverted() ? ONE.multiply(ONE).divide(answer) : answer;
    }
}
