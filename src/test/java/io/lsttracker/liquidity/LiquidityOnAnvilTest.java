package io.lsttracker.liquidity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.chain.AbiFunction;
import io.lsttracker.chain.CallFailedException;
import io.lsttracker.chain.ContractAbi;
import io.lsttracker.chain.FaultProxy;
import io.lsttracker.chain.RpcConnection;
import io.lsttracker.chain.Web3jChainReader;
import io.lsttracker.devchain.AnvilProcess;
import io.lsttracker.devchain.Devchain;
import io.lsttracker.devchain.DevchainParameters;
import io.lsttracker.devchain.TestContracts;
import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.BlockSelector;
import io.lsttracker.domain.PoolId;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Snapshot;
import io.lsttracker.domain.Wei;
import io.lsttracker.liquidity.LiquidityFigures.Market;
import io.lsttracker.liquidity.LiquidityFigures.Quote;
import io.lsttracker.pool.PoolAdapters;
import io.lsttracker.pool.PoolDefinition;
import io.lsttracker.pool.PoolRegistry;
import io.lsttracker.snapshot.SnapshotService;
import io.micronaut.context.ApplicationContext;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Address;

/**
 * The markets and exits read on anvil, in the snapshot's one multicall, against small test contracts placed at the
 * markets' real addresses (src/test/resources/contracts): a constant-product pool whose quotes are computed by hand
 * (at the stETH market, and at the rETH market through the other get_dy), an empty pool (cbETH's), a pool that reverts
 * (wBETH's), a pool that burns all the gas it is given (frxETH's, EndlessLoop), and Lido's withdrawal queue. The
 * pools' own readings must be exactly what they are without the liquidity reads. Its own devchain: it changes code.
 */
class LiquidityOnAnvilTest {
    private static final Address MULTICALL3 = new Address("0xcA11bde05977b3631167028862bE2a173976CA11");
    private static final Path PROJECT = Path.of(System.getenv().getOrDefault("LST_PROJECT_DIR", "."));
    private static final BigInteger E18 = Wei.ONE_ETHER;
    private static Devchain devchain;
    private static ApplicationContext beans;
    private static PoolRegistry pools;
    private static Markets configured;

    @BeforeAll
    static void start() {
        devchain = Devchain.start(AnvilProcess.freePort(), DevchainParameters.defaults(1).withBlockTime(0));
        beans = ApplicationContext.builder().deduceEnvironment(false).start();
        pools = beans.getBean(PoolRegistry.class);
        configured = MarketsLoader.load(PROJECT.resolve("config/markets.yml").toString(), pools);
        try (RpcConnection rpc = RpcConnection.open(devchain.url(), Duration.ofSeconds(30))) {
            place(rpc, "lido", "ConstantProductPool");
            place(rpc, "rocketpool", "ConstantProductPool");
            place(rpc, "coinbase", "EmptyCurvePool");
            place(rpc, "binance", "RevertingCurvePool");
            place(rpc, "frax", "EndlessLoop");
            TestContracts.placeAndMine(rpc, pool("lido").address(LiquidityReader.WITHDRAWAL_QUEUE_ROLE).toString(),
                    TestContracts.runtimeBytecode("TestWithdrawalQueue"));
        }
    }

    @AfterAll
    static void stop() {
        beans.close();
        devchain.close();
    }

    private static void place(RpcConnection rpc, String pool, String contract) {
        TestContracts.placeAndMine(rpc, market(pool).address().toString(), TestContracts.runtimeBytecode(contract));
    }

    private static MarketDefinition market(String pool) {
        return configured.of(new PoolId(pool)).orElseThrow();
    }

    private static PoolDefinition pool(String id) {
        return pools.find(new PoolId(id)).orElseThrow();
    }

    /** The configured markets of {@code ids} only (the others' addresses hold whatever the devchain puts there). */
    private static Markets only(String... ids) {
        Set<String> wanted = Set.of(ids);
        return new Markets("test", configured.markets().stream().filter(m -> wanted.contains(m.pool().value())).toList());
    }

    private static LiquidityFigures figures(List<LiquidityFigures> all, String pool) {
        return all.stream().filter(f -> f.pool().value().equals(pool)).findFirst().orElseThrow();
    }

    /** The snapshot's pools read at the same block without any liquidity read. */
    private static List<PoolState> poolsAlone(Web3jChainReader chain, BlockRef block) {
        return new SnapshotService(chain, pools, beans.getBean(PoolAdapters.class))
                .take(new BlockSelector.Number(block.number())).pools();
    }

    @Test
    void marketsAndExitsRideInTheSnapshotsOneMulticall() throws Exception {
        Markets markets = only("lido", "rocketpool", "coinbase", "binance");
        try (FaultProxy proxy = new FaultProxy(devchain.url());
                RpcConnection rpc = RpcConnection.open(proxy.url(), Duration.ofSeconds(30))) {
            Web3jChainReader chain = new Web3jChainReader(rpc, MULTICALL3);
            SnapshotService service = new SnapshotService(chain, pools, beans.getBean(PoolAdapters.class),
                    List.of(new LiquidityReader(pools, markets)));
            BlockRef start = chain.pin(BlockSelector.LATEST);
            poolsAlone(chain, start); // the adapters' address look-ups, done once
            int secondLook = exitRevertsWithoutData(chain, start) ? 1 : 0;

            int before = proxy.requests();
            Snapshot first = service.take(BlockSelector.LATEST);
            assertEquals(3 + secondLook, proxy.requests() - before, "the pin, the one multicall (and the chain "
                    + "reader's second look at calls that failed without data), and the one look-up of the oldest "
                    + "unfinalized Lido request's time (a new request id)");
            assertEquals(poolsAlone(chain, first.block()), first.pools(), "the pools read as without the markets");
            assertEquals(List.of(), first.failedPools());
            List<LiquidityFigures> figures = SnapshotLiquidity.of(first, pools, markets);

            // The constant-product pool, 1,000 ETH and 1,000 tokens, redeemed 1:1 (stETH):
            //   1 token:      1 x 1000 / 1001 ETH      = 0.999000999000999000|999 -> 999000999000999000 wei;
            //                 (0.999000999000999 - 1) x 10,000 = -9.99000999... -> -9.99 bps
            //   100 tokens:   100 x 1000 / 1100 ETH    = 90.909090909090909090|9 -> 90909090909090909090 wei;
            //                 (90.9090... / 100 - 1) x 10,000 = -909.0909... -> -909.09 bps
            //   10,000:       10,000 x 1000 / 11,000   = 909.090909090909090909|09 -> 909090909090909090909 wei;
            //                 (909.0909... / 10,000 - 1) x 10,000 = -9,090.909... -> -9,090.91 bps
            //   1% depth:     ethOut(x)/x = 1000/(1000 + x) >= 0.99 x 1000/1001 while x <= 11.1: 10 holds, 20 not
            List<Quote> expected = List.of(
                    new Quote(BigInteger.ONE, new BigInteger("999000999000999000"), new BigDecimal("-9.99")),
                    new Quote(BigInteger.valueOf(100), new BigInteger("90909090909090909090"), new BigDecimal("-909.09")),
                    new Quote(BigInteger.valueOf(10_000), new BigInteger("909090909090909090909"),
                            new BigDecimal("-9090.91")));
            Market steth = figures(figures, "lido").market().orElseThrow();
            assertEquals(new Market("curve-steth-eth", "Curve stETH/ETH", "0xDC24316b9AE028F1497c275EB9192a3Ea0f67022",
                    "stETH", Optional.empty(), E18, expected, Optional.of(BigInteger.TEN),
                    Optional.of(BigInteger.valueOf(20))), steth);

            // The same pool quoted through get_dy(uint256,uint256,uint256) at the rETH market, against rETH's rate
            Market reth = figures(figures, "rocketpool").market().orElseThrow();
            assertEquals(Optional.empty(), reth.failure());
            assertEquals(expected.stream().map(Quote::ethOutWei).toList(),
                    reth.quotes().stream().map(Quote::ethOutWei).toList());
            BigInteger rethRate = first.pools().stream().filter(p -> p.id().value().equals("rocketpool")).findFirst()
                    .orElseThrow().ethPerToken();
            assertEquals(rethRate, reth.redemptionWei());
            assertTrue(rethRate.compareTo(E18) > 0, "rETH is worth more than 1 ETH on the devchain: " + rethRate);
            assertTrue(reth.quotes().get(0).discountBps().compareTo(steth.quotes().get(0).discountBps()) < 0,
                    "the same ETH out is a deeper discount against a rate above 1");

            assertEquals(Optional.of("no liquidity: get_dy answers 0 ETH for 1 cbETH"),
                    figures(figures, "coinbase").market().orElseThrow().failure());
            assertEquals(Optional.of("selling 1 wBETH: CurveStableSwap.get_dy at "
                    + "0xBfAb6FA95E0091ed66058ad493189D2cB29385E6 reverted: pool is paused"),
                    figures(figures, "binance").market().orElseThrow().failure());

            // Lido's queue: 31,337.5 stETH in requests 501..512; request 501 made an hour before the first block
            LiquidityFigures.Exit lidoExit = figures(figures, "lido").exit().orElseThrow();
            assertEquals(new LiquidityFigures.Exit(Optional.empty(), Optional.empty(), Optional.of(
                    new LiquidityFigures.WithdrawalQueue(Wei.fromEther("31337.5"), 12, Optional.of(3_600L)))), lidoExit);
            assertExitAsTheContractAnswers(chain, first.block(), figures(figures, "rocketpool").exit().orElseThrow(),
                    "RocketTokenRETH", "getTotalCollateral", pool("rocketpool").address("reth"));
            assertExitAsTheContractAnswers(chain, first.block(), figures(figures, "etherfi").exit().orElseThrow(),
                    "EtherFiLiquidityPool", "totalValueInLp", pool("etherfi").address("liquiditypool"));

            // A later block: one eth_call again, the request's time kept, so its age grew with the chain's clock
            TestContracts.placeAndMine(rpc, market("coinbase").address().toString(),
                    TestContracts.runtimeBytecode("EmptyCurvePool"));
            before = proxy.requests();
            Snapshot second = service.take(BlockSelector.LATEST);
            assertEquals(2 + secondLook, proxy.requests() - before, "the pin and the one multicall");
            long elapsed = second.block().timestamp().getEpochSecond() - first.block().timestamp().getEpochSecond();
            assertTrue(elapsed > 0, "a later block");
            assertEquals(Optional.of(3_600L + elapsed), figures(SnapshotLiquidity.of(second, pools, markets), "lido")
                    .exit().orElseThrow().queue().orElseThrow().oldestUnfinalizedAgeSeconds());
        }
    }

    /**
     * Whether Rocket Pool's or ether.fi's exit function reverts without data on this devchain (a simulated contract
     * without it): the chain reader then reads the multicall's failed-without-data calls again, one by one, in one more
     * request (README, "snapshot"), since such a call may have been starved of gas by a neighbour.
     */
    private static boolean exitRevertsWithoutData(Web3jChainReader chain, BlockRef block) {
        return List.of(ContractAbi.load("RocketTokenRETH").function("getTotalCollateral")
                        .call(pool("rocketpool").address("reth")),
                ContractAbi.load("EtherFiLiquidityPool").function("totalValueInLp")
                        .call(pool("etherfi").address("liquiditypool"))).stream()
                .map(call -> chain.aggregate(block, List.of(call)).get(0))
                .anyMatch(result -> !result.success() && result.length() == 0);
    }

    /** The exit read in the multicall is what the contract answers on its own: its figure, or its failure. */
    private static void assertExitAsTheContractAnswers(Web3jChainReader chain, BlockRef block,
            LiquidityFigures.Exit exit, String contract, String function, Address target) {
        AbiFunction read = ContractAbi.load(contract).function(function);
        var call = read.call(target);
        try {
            BigInteger answer = read.decodeUint(call, chain.aggregate(block, List.of(call)).get(0));
            assertEquals(new LiquidityFigures.Exit(Optional.empty(), Optional.of(answer), Optional.empty()), exit);
        } catch (CallFailedException e) {
            assertEquals(new LiquidityFigures.Exit(Optional.of(e.getMessage()), Optional.empty(), Optional.empty()),
                    exit);
        }
    }

    @Test
    void aMarketThatBurnsAllTheGasFailsAloneAndTheRestReadAsUsual() throws Exception {
        Markets markets = only("lido", "frax");
        try (FaultProxy proxy = new FaultProxy(devchain.url());
                RpcConnection rpc = RpcConnection.open(proxy.url(), Duration.ofSeconds(30))) {
            Web3jChainReader chain = new Web3jChainReader(rpc, MULTICALL3);
            SnapshotService service = new SnapshotService(chain, pools, beans.getBean(PoolAdapters.class),
                    List.of(new LiquidityReader(pools, markets)));
            poolsAlone(chain, chain.pin(BlockSelector.LATEST));
            int before = proxy.requests();
            Snapshot read = service.take(BlockSelector.LATEST);
            assertEquals(4, proxy.requests() - before, "the pin, the multicall that fails as a whole, one batch of the "
                    + "calls one by one, then the look-up of the oldest Lido request's time");
            List<LiquidityFigures> figures = SnapshotLiquidity.of(read, pools, markets);
            String failure = figures(figures, "frax").market().orElseThrow().failure().orElseThrow();
            // anvil's words for running out of gas: "EVM error OutOfGas", or "...ReentrancySentryOOG" at a store
            assertTrue(failure.matches("selling 1 frxETH: CurveStableSwap.get_dy at "
                    + "0xa1F8A6807c402E4A15ef4EBa36528A3FED24E577 failed: .*(OutOfGas|OOG).*"), failure);
            Market steth = figures(figures, "lido").market().orElseThrow();
            assertEquals(Optional.empty(), steth.failure());
            assertEquals(new BigInteger("999000999000999000"), steth.oneToken().orElseThrow().ethOutWei());
            assertEquals(List.of(), read.failedPools());
            assertEquals(poolsAlone(chain, read.block()), read.pools(), "the pools read as without the markets");
        }
    }
}
