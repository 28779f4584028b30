package io.lsttracker.devchain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.web3j.abi.datatypes.Address;

/**
 * ether.fi on the devchain: eETH, weETH and the LiquidityPool at their mainnet addresses. The head is near
 * 2.6 million ETH pooled at about 1.085 ETH per share (weETH): round figures of today's order of magnitude,
 * approximate, not copied from a given block. About 1% of the ETH waits in the pool, the rest is out of it.
 *
 * <p>The oracle (EtherFiAdmin) rebases daily at 15:00 UTC: the holders' rewards for the time since the last
 * rebase grow the share rate by Devchain.growth(apr, elapsed), and the protocol's fees (10% of the gross
 * rewards, so one ninth of the holders' part) are minted as eETH at the new rate, which leaves the rate
 * where the rebase put it; on the negative day the rebase is a loss instead. At 18:00 stakers deposit (even
 * days, +2,000 ETH) or withdraw (odd days, -1,500 ETH), which moves the pooled ether and the shares but not
 * the rate, up to wei rounding. weETH's supply stays at 1.9 million.
 */
final class SimulatedEtherFi implements SimulatedPool {
    static final String EETH = "0x35fA164735182de50811E8e2E824cFb9B6118ac2";
    static final String WEETH = "0xCd5fE23C85820F7B72D0926FC9b05b43E359b7ee";
    static final String LIQUIDITY_POOL = "0x308861A430be4cce5502d0A12724771Fc6DaF216";
    /** Devchain accounts of our own for the stakers' and the fee recipient's eETH. */
    static final Address HOLDER = new Address("0x00000000000000000000000000000000e7e4f1a1");
    static final Address FEE_RECIPIENT = new Address("0x00000000000000000000000000000000e7e4f1fe");
    static final BigInteger HEAD_ETHER = BigInteger.valueOf(2_600_000).multiply(Devchain.ETH);
    static final BigDecimal HEAD_RATE = new BigDecimal("1.085");
    static final BigInteger WEETH_SUPPLY = BigInteger.valueOf(1_900_000).multiply(Devchain.ETH);
    /** eETH's net APR has been near 2.9% through 2025 (approximate). */
    static final BigDecimal DEFAULT_APR = new BigDecimal("2.90");
    /** ether.fi keeps 10% of the gross rewards: fees are one ninth of what holders receive. */
    static final BigInteger FEE_PER_HOLDER_REWARD = BigInteger.valueOf(9);
    private static final long REPORT_OFFSET = 15 * 3600;
    private static final MathContext MC = MathContext.DECIMAL128;

    private final EtherFiModel model;
    private final BigDecimal aprPercent;
    private long lastReportTimestamp;

    SimulatedEtherFi(DevchainParameters parameters, long firstMidnight) {
        this.aprPercent = parameters.aprPercent(poolId(), DEFAULT_APR);
        BigDecimal startRate = Devchain.startRate(HEAD_RATE, aprPercent, parameters.historyDays());
        BigInteger inLp = HEAD_ETHER.divide(BigInteger.valueOf(100));
        this.model = new EtherFiModel(HEAD_ETHER.subtract(inLp), inLp, Devchain.divide(HEAD_ETHER, startRate));
        this.lastReportTimestamp = firstMidnight + REPORT_OFFSET - Devchain.DAY;
    }

    @Override
    public String poolId() {
        return "etherfi";
    }

    @Override
    public Map<String, String> contracts() {
        return Map.of(EETH, "SimEtherFiEETH", WEETH, "SimEtherFiWeETH", LIQUIDITY_POOL, "SimEtherFiLiquidityPool");
    }

    @Override
    public void install(ChainWriter chain) {
        chain.transact(LIQUIDITY_POOL, SimulatedContracts.encode("simInitialize", model.outOfLp(), model.inLp(),
                model.shares(), HOLDER, FEE_RECIPIENT), "ether.fi initial state");
        chain.transact(WEETH, SimulatedContracts.encode("simSetTotalSupply", WEETH_SUPPLY), "weETH supply");
    }

    @Override
    public List<DailyEvent> day(HistoryDay day) {
        long reportTimestamp = day.midnight() + REPORT_OFFSET;
        return List.of(
                new DailyEvent(REPORT_OFFSET, "ether.fi oracle rebase",
                        chain -> rebase(chain, reportTimestamp, day.negative())),
                new DailyEvent(18 * 3600, "eETH deposits and withdrawals", chain -> flow(chain, day.index())));
    }

    private void rebase(ChainWriter chain, long reportTimestamp, boolean negative) {
        long elapsed = reportTimestamp - lastReportTimestamp;
        BigDecimal growth = negative ? Devchain.loss(chain.parameters()) : Devchain.growth(aprPercent, elapsed);
        BigInteger change = new BigDecimal(model.pooledEther()).multiply(growth, MC)
                .setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
        if (change.signum() >= 0) {
            BigInteger fees = change.divide(FEE_PER_HOLDER_REWARD);
            model.rebase(change, fees);
            chain.transact(LIQUIDITY_POOL, SimulatedContracts.encode("simRebase", change, fees), "ether.fi rebase");
        } else {
            model.rebase(change, BigInteger.ZERO);
            chain.transact(LIQUIDITY_POOL, SimulatedContracts.encode("simNegativeRebase", change.negate()),
                    "ether.fi negative rebase");
        }
        lastReportTimestamp = reportTimestamp;
    }

    private void flow(ChainWriter chain, int dayIndex) {
        if (dayIndex % 2 == 0) {
            BigInteger amount = BigInteger.valueOf(2_000).multiply(Devchain.ETH);
            model.deposit(amount);
            chain.transact(LIQUIDITY_POOL, SimulatedContracts.encode("simDeposit", amount), "eETH deposits");
        } else {
            BigInteger amount = BigInteger.valueOf(1_500).multiply(Devchain.ETH);
            model.withdraw(amount);
            chain.transact(LIQUIDITY_POOL, SimulatedContracts.encode("simWithdraw", amount), "eETH withdrawals");
        }
    }

    @Override
    public Expected expectedAt(long headTimestamp) {
        return new Expected(model.shareRate(), model.pooledEther(), model.pooledEther());
    }

    EtherFiModel model() {
        return model;
    }
}
