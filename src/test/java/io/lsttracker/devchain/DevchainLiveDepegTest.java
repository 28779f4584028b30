package io.lsttracker.devchain;

import static io.lsttracker.devchain.MarketReads.callData;
import static io.lsttracker.devchain.MarketReads.discountBps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.chain.RpcConnection;
import io.lsttracker.devchain.lido.SimulatedLido;
import io.lsttracker.devchain.markets.SimulatedMarket;
import io.lsttracker.devchain.markets.SimulatedMarkets;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Address;

/**
 * A devchain of its own (2 days of history, the smallest beacon chain), since these tests write to it: the second
 * depeg of stETH's market still open at the head (--depeg-live-minutes set), its live end and start, and a
 * simulated Curve pool placed beside the markets for a hand-computed quote and an empty pool.
 */
class DevchainLiveDepegTest {
    private static final BigInteger ONE = Devchain.ETH;
    private static final String STETH_MARKET = SimulatedMarkets.market("curve-steth-eth").address();
    private static Devchain devchain;
    private static RpcConnection rpc;
    private static MarketReads reads;

    @BeforeAll
    static void start() {
        DevchainParameters parameters = DevchainParameters.defaults(2).withBlockTime(0)
                .withBeaconValidators(DevchainParameters.MIN_BEACON_VALIDATORS)
                .withDepegLiveMinutes(DevchainParameters.MAX_DEPEG_LIVE_MINUTES);
        devchain = Devchain.start(AnvilProcess.freePort(), parameters);
        rpc = RpcConnection.open(devchain.url(), Duration.ofSeconds(10));
        reads = new MarketReads(rpc);
    }

    @AfterAll
    static void stop() {
        rpc.close();
        devchain.close();
    }

    @Test
    void theLiveDepegIsOpenAtTheHeadThenEndsAndStartsOnDemandAndOnTime() throws Exception {
        // open at the head: 1 stETH sells 2% under 1 ETH (planned to a gwei of balance: within 0.01 bps)
        BigDecimal atHead = stethDiscount();
        assertTrue(atHead.compareTo(new BigDecimal("-200.00")) >= 0 && atHead.compareTo(new BigDecimal("-199.99")) <= 0,
                atHead + " bps at the head");

        devchain.endDepeg();
        BigDecimal ended = stethDiscount();
        // at rest: 100,000 ETH a side, A 1500, a 1 bp fee: the fee and a sliver of slippage
        assertTrue(ended.compareTo(new BigDecimal("-10")) >= 0 && ended.signum() < 0, ended + " bps after endDepeg");

        devchain.startDepeg(150);
        BigDecimal started = stethDiscount();
        assertTrue(started.compareTo(new BigDecimal("-150.00")) >= 0 && started.compareTo(new BigDecimal("-149.99")) <= 0,
                started + " bps after startDepeg");

        // a planned end cancelled (the demo holds the depeg through its backfill): still open after it
        devchain.endDepegIn(Duration.ofMillis(500));
        devchain.keepDepeg();
        Thread.sleep(1500);
        assertEquals(0, stethDiscount().compareTo(started), "the depeg held past its cancelled end");

        // the planned end, on the devchain's timer thread
        devchain.endDepegIn(Duration.ofSeconds(1));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (stethDiscount().compareTo(new BigDecimal("-10")) < 0) {
            assertTrue(System.nanoTime() < deadline, "the depeg did not end within 30 s of its planned end");
            Thread.sleep(200);
        }
        var states = devchain.marketStates("curve-steth-eth");
        assertEquals(0, states.get(states.size() - 1).discountBps());
        assertEquals(states.get(0).balance0(), reads.uint(STETH_MARKET, callData("balances(uint256)", 0), null));
        assertThrows(IllegalArgumentException.class, () -> devchain.startDepeg(0));
    }

    @Test
    void aBalancedPoolQuotesTheHandComputedStableSwapAndAnEmptyPoolReverts() {
        AnvilRpc node = new AnvilRpc(rpc);
        String operator = node.firstAccount();
        String pool = "0x00000000000000000000000000000000c0e7e501";
        node.setCode(pool, SimulatedContracts.load().runtimeBytecode("SimCurveStableSwapInt128"));
        node.transact(operator, pool, SimulatedContracts.encode("simClaim"), "claim");
        node.transact(operator, pool, SimulatedContracts.encode("simSetPool", new Address(SimulatedMarket.ETH),
                new Address(SimulatedLido.STETH), 100, 4_000_000, Address.DEFAULT, 0, 0), "pool");

        // empty: get_dy reverts (the pool cannot pay: 0 - y - 1 underflows), as Curve's does
        assertTrue(reads.reverts(pool, callData("get_dy(int128,int128,uint256)", 1, 0, ONE), null));
        // one side empty: the invariant divides by the empty balance and reverts too
        node.transact(operator, pool, SimulatedContracts.encode("simSetBalances", BigInteger.ZERO,
                ONE.multiply(BigInteger.valueOf(1000))), "one-sided");
        assertTrue(reads.reverts(pool, callData("get_dy(int128,int128,uint256)", 1, 0, ONE), null));

        // 1,000 ETH and 1,000 stETH, A() = 100, fee 4 bps (4,000,000 / 1e10); sell 1 stETH. By hand:
        //   Ann = A x n = 200. Balanced, D = x0 + x1 = 2,000 (D^3 / (4 x0 x1) = D, so the invariant holds).
        //   Selling 1 stETH: x = 1,001; the ETH balance y solves y^2 + b y = c with
        //     b = x + D / Ann - D = 1,001 + 10 - 2,000 = -989
        //     c = D^3 / (4 x Ann) = 8e9 / 800,800 = 9,990.00999000999...
        //   y = (sqrt(b^2 + 4c) - b) / 2 = (sqrt(978,121 + 39,960.03996...) + 989) / 2
        //     = (1,009.0000198018... + 989) / 2 = 999.0000099009017...
        //   dy = 1,000 - y = 0.9999900990982240 ETH; less the fee: x 0.9996 = 0.9995901030585847 ETH
        //   (the pool also keeps 1 wei back and rounds down: 999,590,103,058,584,711 or ...712 wei)
        BigInteger balance = ONE.multiply(BigInteger.valueOf(1000));
        node.transact(operator, pool, SimulatedContracts.encode("simSetBalances", balance, balance), "balanced");
        BigInteger quoted = reads.uint(pool, callData("get_dy(int128,int128,uint256)", 1, 0, ONE), null);
        assertEquals("0.9995901030585847", new BigDecimal(quoted).movePointLeft(18).setScale(16,
                java.math.RoundingMode.DOWN).toPlainString());
        BigInteger reference = StableSwapReference.sellToken(balance, balance, ONE, ONE, 100, 4_000_000);
        assertTrue(quoted.subtract(reference).abs().compareTo(BigInteger.TWO) <= 0, quoted + " vs " + reference);
        // the quote falls with size: 100 stETH average under 1 stETH's, 10,000 stETH far under
        BigInteger hundred = reads.uint(pool, callData("get_dy(int128,int128,uint256)", 1, 0,
                ONE.multiply(BigInteger.valueOf(100))), null);
        assertTrue(hundred.compareTo(quoted.multiply(BigInteger.valueOf(100))) < 0);
        // and the uint256 kind of the same pool answers the same
        node.setCode(pool, SimulatedContracts.load().runtimeBytecode("SimCurveStableSwapUint256"));
        node.mine(1, 1);
        assertEquals(quoted, reads.uint(pool, callData("get_dy(uint256,uint256,uint256)", 1, 0, ONE), null));
    }

    private static BigDecimal stethDiscount() {
        return discountBps(reads.sellToken(STETH_MARKET, false, ONE, null), ONE, ONE);
    }
}
