package io.lsttracker.api;

import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.PoolId;
import io.lsttracker.domain.Wei;
import io.lsttracker.liquidity.LiquidityFigures;
import io.lsttracker.liquidity.LiquidityFigures.BeaconExitQueue;
import io.lsttracker.liquidity.LiquidityFigures.Exit;
import io.lsttracker.liquidity.LiquidityFigures.Market;
import io.lsttracker.liquidity.LiquidityFigures.Quote;
import io.lsttracker.liquidity.LiquidityFigures.WithdrawalQueue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Liquidity figures computed by hand for the API, gauge, alert and dashboard tests. The figures are what H2's
 * LiquidityMath derives from a multicall's answers; here each is written down with its arithmetic, so the tests
 * check what is shown of them, to the digit.
 */
public final class LiquidityFixtures {
    public static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");
    public static final String STETH_POOL = "0xDC24316b9AE028F1497c275EB9192a3Ea0f67022";
    public static final String RETH_POOL = "0x0f3159811670c117c372428D4E69AC32325e4D0F";
    public static final String CBETH_POOL = "0x5FAE7E604FC3e24fd43A72867ceBaC94c65b404A";

    private LiquidityFixtures() {
    }

    public static BlockRef block(long number, Instant time) {
        return new BlockRef(number, "0x" + String.format("%064x", number), time);
    }

    static BigInteger wei(String ether) {
        return Wei.fromEther(ether);
    }

    /**
     * One snapshot at block 1,000 (T0) with every kind of figure:
     * <ul>
     * <li>lido, redemption 1 ETH: 1 stETH -> 0.999 ETH: (0.999 / 1 - 1) x 10,000 = -10.00 bps; 100 -> 99.7 ETH:
     *     (99.7 / 100 - 1) x 10,000 = -30.00; 10,000 -> 9,412.3456 ETH: (0.94123456 - 1) x 10,000 = -587.6544,
     *     -587.65 at 2 decimals. 1% depth between 2,000 and 5,000 tokens. Withdrawal queue: 12,345.678 stETH
     *     unfinalized in 42 requests, the oldest 3,600 s old.</li>
     * <li>rocketpool, redemption 1.1 ETH: 1 rETH -> 1.1011 ETH: (1.1011 / 1.1 - 1) x 10,000 = (1.001 - 1) x 10,000
     *     = +10.00 bps (a premium); 100 -> 109.89 ETH: (109.89 / 110 - 1) x 10,000 = -10.00; 10,000 -> 10,835 ETH:
     *     (10,835 / 11,000 - 1) x 10,000 = -150.00. Depth between 1,000 and 2,000. Liquid ETH 1,234.5.</li>
     * <li>coinbase: the market reverted (failed, no quotes); no exit figures.</li>
     * <li>etherfi: no market configured; liquid ETH 5,000.</li>
     * </ul>
     */
    public static List<LiquidityFigures> handComputedSnapshot() {
        return handComputedSnapshot(block(1_000, T0));
    }

    /** {@link #handComputedSnapshot()} at another block. */
    public static List<LiquidityFigures> handComputedSnapshot(BlockRef block) {
        Market steth = new Market("curve-steth-eth", "Curve stETH/ETH", STETH_POOL, "stETH", Optional.empty(),
                Wei.ONE_ETHER, List.of(quote(1, "0.999", "-10.00"), quote(100, "99.7", "-30.00"),
                        quote(10_000, "9412.3456", "-587.65")), tokens(2_000), tokens(5_000));
        Exit lidoExit = new Exit(Optional.empty(), Optional.empty(), Optional.of(new WithdrawalQueue(
                wei("12345.678"), 42, Optional.of(3_600L))));
        Market reth = new Market("curve-reth-eth", "Curve rETH/ETH", RETH_POOL, "rETH", Optional.empty(),
                wei("1.1"), List.of(quote(1, "1.1011", "10.00"), quote(100, "109.89", "-10.00"),
                        quote(10_000, "10835", "-150.00")), tokens(1_000), tokens(2_000));
        Exit rocketExit = new Exit(Optional.empty(), Optional.of(wei("1234.5")), Optional.empty());
        Market cbeth = new Market("curve-cbeth-eth", "Curve cbETH/ETH", CBETH_POOL, "cbETH",
                Optional.of("get_dy reverted at block 1000: execution reverted"), wei("1.05"), List.of(),
                Optional.empty(), Optional.empty());
        return List.of(
                new LiquidityFigures(new PoolId("lido"), block, Optional.of(steth), Optional.of(lidoExit)),
                new LiquidityFigures(new PoolId("rocketpool"), block, Optional.of(reth), Optional.of(rocketExit)),
                new LiquidityFigures(new PoolId("coinbase"), block, Optional.of(cbeth), Optional.empty()),
                new LiquidityFigures(new PoolId("etherfi"), block, Optional.empty(),
                        Optional.of(new Exit(Optional.empty(), Optional.of(wei("5000")), Optional.empty()))));
    }

    /**
     * The beacon exit queue at slot 9,000,000 (block 1,000): 1,000 validators exiting with 32,000 ETH, churn 256 ETH
     * an epoch: 32,000 / (256 x 225) = 32,000 / 57,600 = 0.5555... days, 0.56 at 2 decimals half-even.
     */
    public static BeaconExitQueue handComputedExitQueue() {
        return exitQueue(9_000_000, block(1_000, T0), 1_000, "32000", "256", "0.56");
    }

    public static BeaconExitQueue exitQueue(long slot, BlockRef block, long validators, String exitingEth,
            String churnEth, String waitDays) {
        return new BeaconExitQueue(slot, block, validators, wei(exitingEth), wei(churnEth), new BigDecimal(waitDays));
    }

    /**
     * Lido's figures at {@code block} with the one-token quote at {@code discountBps}: redemption 1 ETH, so ethOut =
     * 1e18 x (1 + bps / 10,000) wei (exact for bps with at most 2 decimals); no other size quoted.
     */
    public static LiquidityFigures lidoAt(BlockRef block, String discountBps) {
        BigDecimal bps = new BigDecimal(discountBps);
        BigInteger ethOut = BigDecimal.ONE.add(bps.movePointLeft(4)).movePointRight(18).toBigIntegerExact();
        Market market = new Market("curve-steth-eth", "Curve stETH/ETH", STETH_POOL, "stETH", Optional.empty(),
                Wei.ONE_ETHER, List.of(new Quote(BigInteger.ONE, ethOut, bps.setScale(2, RoundingMode.UNNECESSARY))),
                Optional.empty(), Optional.empty());
        return new LiquidityFigures(new PoolId("lido"), block, Optional.of(market), Optional.empty());
    }

    /** Lido's figures at {@code block} with its market failed (a revert): no quote, no news for the alerts. */
    public static LiquidityFigures lidoFailedAt(BlockRef block) {
        Market market = new Market("curve-steth-eth", "Curve stETH/ETH", STETH_POOL, "stETH",
                Optional.of("get_dy reverted"), Wei.ONE_ETHER, List.of(), Optional.empty(), Optional.empty());
        return new LiquidityFigures(new PoolId("lido"), block, Optional.of(market), Optional.empty());
    }

    private static Quote quote(long size, String ethOut, String bps) {
        return new Quote(BigInteger.valueOf(size), wei(ethOut), new BigDecimal(bps));
    }

    private static Optional<BigInteger> tokens(long n) {
        return Optional.of(BigInteger.valueOf(n));
    }
}
