package io.lsttracker.devchain.markets;

import io.lsttracker.devchain.ChainWriter;
import io.lsttracker.devchain.Devchain;
import io.lsttracker.devchain.LiquiditySchedule;
import io.lsttracker.devchain.ScriptedContracts;
import io.lsttracker.devchain.SimulatedPool;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.web3j.abi.datatypes.Address;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * The Curve markets of the tracked tokens on the devchain: a simulated StableSwap pool
 * (src/devchain/contracts/curve/SimCurveStableSwap.sol) at each real pool's address, and the scripted depegs of
 * stETH's market ({@link LiquiditySchedule}).
 *
 * <p>At rest each pool holds {@link SimulatedMarket#ethPerSide()} ETH worth of each coin, so that selling 1 token
 * returns its redemption value less the fee and a sliver of slippage: within 1 to 5 bps of it. A token that accrues
 * value is priced through its own rate at the block (the pool's rate oracle), so the market follows the
 * redemption rate as the history grows it instead of drifting into a discount. The amplifications and fees are
 * round figures of mainnet's order (stETH/ETH: A 1500, 1 bp; the others A 500, 4 bps), not read from a given block;
 * Curve's crypto pools (rETH, cbETH) price with another invariant on mainnet and are StableSwap stand-ins here.
 *
 * <p>A depeg moves stETH's pool along its invariant (swaps of stETH for ETH, without fees): the ETH side falls
 * until 1 stETH sells for the step's discount under 1 ETH, then returns. After the history a depeg may start or end
 * on the devchain's timer thread, so the states are read and written under this object's lock.
 */
public final class SimulatedMarkets implements ScriptedContracts {
    private static final String STETH = "0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84";
    private static final BigInteger ONE_TOKEN = Devchain.ETH;
    private static final BigInteger BPS = BigInteger.valueOf(10_000);
    /** Balances are planned to a gwei: far below a basis point of any quote. */
    private static final BigInteger PLANNING_PRECISION = BigInteger.TEN.pow(9);

    public static final List<SimulatedMarket> MARKETS = List.of(
            market("curve-steth-eth", "lido", "0xDC24316b9AE028F1497c275EB9192a3Ea0f67022", false,
                    SimulatedMarket.ETH, STETH, 1500, 1_000_000, 100_000, null, null, false),
            market("curve-reth-eth", "rocketpool", "0x0f3159811670c117c372428D4E69AC32325e4D0F", true,
                    SimulatedMarket.WETH, "0xae78736Cd615f374D3085123A210448E74Fc6393", 500, 4_000_000, 8_000,
                    "0xae78736Cd615f374D3085123A210448E74Fc6393", "getExchangeRate()", false),
            market("curve-cbeth-eth", "coinbase", "0x5FAE7E604FC3e24fd43A72867ceBaC94c65b404A", true,
                    SimulatedMarket.WETH, "0xBe9895146f7AF43049ca1c1AE358B0541Ea49704", 500, 4_000_000, 4_000,
                    "0xBe9895146f7AF43049ca1c1AE358B0541Ea49704", "exchangeRate()", false),
            market("curve-wbeth-eth", "binance", "0xBfAb6FA95E0091ed66058ad493189D2cB29385E6", false,
                    SimulatedMarket.ETH, "0xa2E3356610840701BDf5611a53974510Ae27E2e1", 500, 4_000_000, 3_000,
                    "0xa2E3356610840701BDf5611a53974510Ae27E2e1", "exchangeRate()", false),
            market("curve-frxeth-eth", "frax", "0xa1F8A6807c402E4A15ef4EBa36528A3FED24E577", false,
                    SimulatedMarket.ETH, "0x5E8422345238F34275888049021821E8E08CAa1f", 500, 4_000_000, 6_000,
                    null, null, false),
            market("curve-ethx-eth", "stader", "0x59Ab5a5b5d617E478a2479B0cAD80DA7e2831492", false,
                    SimulatedMarket.ETH, "0xA35b1B31Ce002FBF2058D22F30f95D405200A15b", 500, 4_000_000, 2_000,
                    "0xcf5EA1b38380f6aF39068375516Daf40Ed70D299", "getExchangeRate()", false),
            market("curve-ankreth-eth", "ankr", "0xA96A65c051bF88B4095Ee1f2451C2A9d43F53Ae2", false,
                    SimulatedMarket.ETH, "0xE95A203B1a91a908F9B9CE46459d101078c2c3cb", 500, 4_000_000, 1_500,
                    "0xE95A203B1a91a908F9B9CE46459d101078c2c3cb", "ratio()", true),
            market("curve-weeth-weth", "etherfi", "0xDB74dfDD3BB46bE8Ce6C33dC9D82777BCFc3dEd5", false,
                    SimulatedMarket.WETH, "0xCd5fE23C85820F7B72D0926FC9b05b43E359b7ee", 500, 4_000_000, 12_000,
                    "0xCd5fE23C85820F7B72D0926FC9b05b43E359b7ee", "getRate()", false));

    /**
     * A market's balances as the devchain wrote them, from {@code block} on (until its next state), and the discount
     * of 1 token they were planned for (a depeg's step; 0 at rest).
     */
    public record MarketState(String marketId, long block, long timestamp, BigInteger balance0, BigInteger balance1,
            int discountBps) {
    }

    private final LiquiditySchedule schedule;
    private final Function<String, BigInteger> ethPerToken;
    private final List<MarketState> states = new ArrayList<>();
    private final Map<Integer, BigInteger[]> depegBalances = new HashMap<>();

    /**
     * @param ethPerToken a pool id's redemption rate now (the simulated pool's ethPerToken), which sets how many
     *                    tokens a market's token side holds at install
     */
    public SimulatedMarkets(LiquiditySchedule schedule, Function<String, BigInteger> ethPerToken) {
        this.schedule = schedule;
        this.ethPerToken = ethPerToken;
    }

    private static SimulatedMarket market(String marketId, String poolId, String address, boolean uint256Index,
            String coin0, String token, long amplification, long fee, long ethPerSide, String rateOracle,
            String rateMethod, boolean rateInverted) {
        return new SimulatedMarket(marketId, poolId, address, uint256Index, coin0, token, amplification, fee,
                BigInteger.valueOf(ethPerSide).multiply(Devchain.ETH), rateOracle, rateMethod, rateInverted);
    }

    public static SimulatedMarket market(String marketId) {
        return MARKETS.stream().filter(m -> m.marketId().equals(marketId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the devchain simulates no market " + marketId));
    }

    @Override
    public Map<String, String> contracts() {
        Map<String, String> contracts = new LinkedHashMap<>();
        MARKETS.forEach(m -> contracts.put(m.address(), m.contractName()));
        return contracts;
    }

    @Override
    public void install(ChainWriter chain) {
        for (SimulatedMarket m : MARKETS) {
            BigInteger method = m.redeemsOneEth() ? BigInteger.ZERO : selector(m.rateMethod());
            String oracle = m.redeemsOneEth() ? Address.DEFAULT.getValue() : m.rateOracle();
            chain.call(m.marketId() + " pool", m.address(), "simSetPool", new Address(m.coin0()), new Address(m.token()),
                    m.amplification(), m.fee(), new Address(oracle), method, m.rateInverted() ? 1 : 0);
            BigInteger rate = m.redeemsOneEth() ? Devchain.ETH : ethPerToken.apply(m.poolId());
            write(chain, m, m.ethPerSide(), m.ethPerSide().multiply(Devchain.ETH).divide(rate), 0);
        }
    }

    @Override
    public List<SimulatedPool.DailyEvent> day(SimulatedPool.HistoryDay day) {
        List<SimulatedPool.DailyEvent> events = new ArrayList<>();
        for (LiquiditySchedule.DepegStep step : schedule.depegSteps()) {
            if (step.at() >= day.midnight() && step.at() < day.midnight() + Devchain.DAY) {
                events.add(new SimulatedPool.DailyEvent(step.at() - day.midnight(),
                        "stETH market: 1 stETH at " + step.discountBps() + " bps under 1 ETH",
                        chain -> depeg(chain, step.discountBps())));
            }
        }
        return events;
    }

    /** Moves stETH's market so that 1 stETH sells for {@code discountBps} under 1 ETH (0: back at rest). */
    public synchronized void depeg(ChainWriter chain, int discountBps) {
        SimulatedMarket steth = MARKETS.get(0);
        BigInteger[] balances = depegBalances.computeIfAbsent(discountBps, this::stethBalances);
        write(chain, steth, balances[0], balances[1], discountBps);
    }

    /**
     * stETH's pool balances at the discount: at rest for 0; else, on the invariant of the pool at rest, the ETH
     * balance at which get_dy(1, 0, 1 stETH) first reaches 1 ETH less the discount (a bisection to a gwei).
     */
    BigInteger[] stethBalances(int discountBps) {
        SimulatedMarket steth = MARKETS.get(0);
        BigInteger rest = steth.ethPerSide();
        if (discountBps == 0) {
            return new BigInteger[] {rest, rest};
        }
        StableSwap pool = new StableSwap(steth.amplification(), steth.fee());
        BigInteger d = pool.invariant(rest, rest);
        BigInteger target = ONE_TOKEN.multiply(BPS.subtract(BigInteger.valueOf(discountBps))).divide(BPS);
        BigInteger low = ONE_TOKEN;
        BigInteger high = rest;
        while (high.subtract(low).compareTo(PLANNING_PRECISION) > 0) {
            BigInteger middle = low.add(high).shiftRight(1);
            BigInteger quote = pool.sellToken(middle, pool.otherBalance(middle, d), Devchain.ETH, ONE_TOKEN);
            if (quote.compareTo(target) >= 0) {
                high = middle;
            } else {
                low = middle;
            }
        }
        return new BigInteger[] {high, pool.otherBalance(high, d)};
    }

    private synchronized void write(ChainWriter chain, SimulatedMarket m, BigInteger balance0, BigInteger balance1,
            int discountBps) {
        chain.call(m.marketId() + " balances", m.address(), "simSetBalances", balance0, balance1);
        states.add(new MarketState(m.marketId(), chain.writtenBlock(), chain.headTimestamp(), balance0, balance1,
                discountBps));
    }

    /** Every state the devchain wrote to {@code marketId}'s pool, in order (the one at install first). */
    public synchronized List<MarketState> states(String marketId) {
        return states.stream().filter(s -> s.marketId().equals(marketId)).toList();
    }

    /** The 4-byte selector of a function signature, right-aligned in a word as simSetPool takes it. */
    static BigInteger selector(String signature) {
        return Numeric.toBigInt(Hash.sha3String(signature).substring(0, 10));
    }
}
