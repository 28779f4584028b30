package io.lsttracker.devchain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * Swell's swETH on the devchain: src/devchain/contracts/SimSwellSwETH.sol at the mainnet address. The repricer
 * reprices daily at 06:00 UTC: starting reserves are the live supply at the current rate, and the rewards
 * are chosen so that, after Swell's 10% fee is minted as swETH, the rate grows by the pool's net APR over
 * the time since the last reprice (rewards = reserves x growth / (1 - fee)). On the negative day the reserves
 * are cut by the loss and no rewards are reported. At 18:45 users deposit 300 ETH (even days, minting at the
 * rate) or 250 swETH are burned for withdrawals (odd days). Head figures, approximate: about 80,000 ETH
 * behind swETH at about 1.12 ETH per swETH, 400,000 ETH deposited over swETH's life before the history.
 */
final class SimulatedSwell implements SimulatedPool {
    static final String SWETH = "0xf951E335afb289353dc249e82926178EaC7DEd78";
    static final BigInteger HEAD_ETHER = BigInteger.valueOf(80_000).multiply(Devchain.ETH);
    static final BigDecimal HEAD_RATE = new BigDecimal("1.1200");
    static final BigInteger LIFETIME_DEPOSITS = BigInteger.valueOf(400_000).multiply(Devchain.ETH);
    /** swETH's net APR has been near 3%. */
    static final BigDecimal DEFAULT_APR = new BigDecimal("3.00");
    private static final MathContext MC = MathContext.DECIMAL128;
    private static final long REPRICE_OFFSET = 6 * 3600;
    private static final BigDecimal HOLDERS_SHARE = BigDecimal.ONE.subtract(new BigDecimal(SwellModel.FEE).movePointLeft(18));

    private final SwellModel model;
    private final BigDecimal aprPercent;
    private final BigDecimal startRate;
    private long lastReprice;

    SimulatedSwell(DevchainParameters parameters) {
        this.aprPercent = parameters.aprPercent(poolId(), DEFAULT_APR);
        this.startRate = Devchain.startRate(HEAD_RATE, aprPercent, parameters.historyDays());
        this.model = new SwellModel(Devchain.divide(HEAD_ETHER, HEAD_RATE), LIFETIME_DEPOSITS);
    }

    @Override
    public String poolId() {
        return "swell";
    }

    @Override
    public Map<String, String> contracts() {
        return Map.of(SWETH, "SimSwellSwETH");
    }

    @Override
    public void install(ChainWriter chain) {
        chain.transact(SWETH, SimulatedContracts.encode("simSetRewardPercentages", SwellModel.NODE_OPERATOR_PERCENTAGE,
                SwellModel.TREASURY_PERCENTAGE), "swETH reward percentages");
        chain.transact(SWETH, SimulatedContracts.encode("simSetGenesis", model.supply(), model.deposited()),
                "swETH supply");
        reprice(chain, floor(new BigDecimal(model.supply()).multiply(startRate, MC)), BigInteger.ZERO);
        lastReprice = chain.headTimestamp();
    }

    @Override
    public List<DailyEvent> day(HistoryDay day) {
        long repriceAt = day.midnight() + REPRICE_OFFSET;
        return List.of(
                new DailyEvent(REPRICE_OFFSET, "swETH reprice", chain -> {
                    BigDecimal reserves = new BigDecimal(model.reservesAtCurrentRate());
                    if (day.negative()) {
                        BigDecimal kept = BigDecimal.ONE.add(Devchain.loss(chain.parameters()), MC);
                        reprice(chain, floor(reserves.multiply(kept, MC)), BigInteger.ZERO);
                    } else {
                        BigDecimal growth = Devchain.growth(aprPercent, repriceAt - lastReprice);
                        reprice(chain, floor(reserves), floor(reserves.multiply(growth, MC).divide(HOLDERS_SHARE, MC)));
                    }
                    lastReprice = repriceAt;
                }),
                new DailyEvent(18 * 3600 + 2700, "swETH deposits and withdrawals", chain -> {
                    if (day.index() % 2 == 0) {
                        BigInteger eth = BigInteger.valueOf(300).multiply(Devchain.ETH);
                        model.deposit(eth);
                        chain.transact(SWETH, SimulatedContracts.encode("simDeposit", eth), "swETH deposit");
                    } else {
                        BigInteger swEth = BigInteger.valueOf(250).multiply(Devchain.ETH);
                        model.burn(swEth);
                        chain.transact(SWETH, SimulatedContracts.encode("simBurn", swEth), "swETH burn");
                    }
                }));
    }

    private void reprice(ChainWriter chain, BigInteger preRewardReserves, BigInteger rewards) {
        BigInteger reportedSupply = model.supply();
        model.reprice(preRewardReserves, rewards);
        chain.transact(SWETH, SimulatedContracts.encode("simReprice", preRewardReserves, rewards, reportedSupply),
                "swETH reprice");
    }

    private static BigInteger floor(BigDecimal value) {
        return value.setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
    }

    @Override
    public Expected expectedAt(long headTimestamp) {
        return new Expected(model.rate(), model.reserves(), model.supply());
    }
}
