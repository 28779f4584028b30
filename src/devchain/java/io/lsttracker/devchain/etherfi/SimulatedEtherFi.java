package io.lsttracker.devchain.etherfi;

import io.lsttracker.devchain.AccruingPool;
import io.lsttracker.devchain.ChainWriter;
import io.lsttracker.devchain.Devchain;
import io.lsttracker.devchain.DevchainParameters;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.web3j.abi.datatypes.Address;

/**
 * ether.fi on the devchain: eETH, weETH and the LiquidityPool at their mainnet addresses. The head is near
 * 2.6 million ETH pooled at about 1.085 ETH per share (weETH): round figures of today's order of magnitude,
 * approximate, not copied from a given block. About 1% of the ETH waits in the pool, the rest is out of it.
 *
 * <p>The oracle (EtherFiAdmin) rebases daily at 15:00 UTC: the holders' rewards for the time since the last
 * rebase grow the share rate by the pool's growth, and the protocol's fees (10% of the gross rewards, so one
 * ninth of the holders' part) are minted as eETH at the new rate, which leaves the rate where the rebase put
 * it; on the negative day the rebase is a loss instead. At 18:00 stakers deposit (even days, +2,000 ETH) or
 * withdraw (odd days, -1,500 ETH), which moves the pooled ether and the shares but not the rate, up to wei
 * rounding ({@link EtherFiModel}). weETH's supply stays at 1.9 million.
 */
public final class SimulatedEtherFi extends AccruingPool {
    static final String EETH = "0x35fA164735182de50811E8e2E824cFb9B6118ac2";
    static final String WEETH = "0xCd5fE23C85820F7B72D0926FC9b05b43E359b7ee";
    public static final String LIQUIDITY_POOL = "0x308861A430be4cce5502d0A12724771Fc6DaF216";
    /** Devchain accounts of our own for the stakers' and the fee recipient's eETH. */
    static final Address HOLDER = new Address("0x00000000000000000000000000000000e7e4f1a1");
    static final Address FEE_RECIPIENT = new Address("0x00000000000000000000000000000000e7e4f1fe");
    static final BigInteger HEAD_ETHER = ether(2_600_000);
    static final BigDecimal HEAD_RATE = new BigDecimal("1.085");
    static final BigInteger WEETH_SUPPLY = ether(1_900_000);
    /** eETH's net APR has been near 2.9% through 2025 (approximate). */
    static final BigDecimal DEFAULT_APR = new BigDecimal("2.90");
    /** ether.fi keeps 10% of the gross rewards: fees are one ninth of what holders receive. */
    static final BigInteger FEE_PER_HOLDER_REWARD = BigInteger.valueOf(9);
    private static final long REPORT_OFFSET = 15 * 3600;

    private final EtherFiModel model;

    public SimulatedEtherFi(DevchainParameters parameters, long firstMidnight) {
        super("etherfi", DEFAULT_APR, parameters,
                Map.of(EETH, "SimEtherFiEETH", WEETH, "SimEtherFiWeETH", LIQUIDITY_POOL, "SimEtherFiLiquidityPool"));
        BigInteger inLp = HEAD_ETHER.divide(BigInteger.valueOf(100));
        this.model = new EtherFiModel(HEAD_ETHER.subtract(inLp), inLp, divide(HEAD_ETHER, startRate(HEAD_RATE)));
        reportedAt(firstMidnight + REPORT_OFFSET - Devchain.DAY);
    }

    @Override
    public void install(ChainWriter chain) {
        chain.call("ether.fi initial state", LIQUIDITY_POOL, "simInitialize", model.outOfLp(), model.inLp(),
                model.shares(), HOLDER, FEE_RECIPIENT);
        chain.call("weETH supply", WEETH, "simSetTotalSupply", WEETH_SUPPLY);
    }

    @Override
    public List<DailyEvent> day(HistoryDay day) {
        return List.of(
                report(day, REPORT_OFFSET, "ether.fi oracle rebase", this::rebase),
                flow(day, 18 * 3600, "eETH deposits and withdrawals", 2_000, 1_500, (chain, eth) -> {
                    model.deposit(eth);
                    chain.call("eETH deposits", LIQUIDITY_POOL, "simDeposit", eth);
                }, (chain, eth) -> {
                    model.withdraw(eth);
                    chain.call("eETH withdrawals", LIQUIDITY_POOL, "simWithdraw", eth);
                }));
    }

    private void rebase(ChainWriter chain, Report report) {
        BigInteger change = times(model.pooledEther(), report.change());
        if (change.signum() >= 0) {
            BigInteger fees = change.divide(FEE_PER_HOLDER_REWARD);
            model.rebase(change, fees);
            chain.call("ether.fi rebase", LIQUIDITY_POOL, "simRebase", change, fees);
        } else {
            model.rebase(change, BigInteger.ZERO);
            chain.call("ether.fi negative rebase", LIQUIDITY_POOL, "simNegativeRebase", change.negate());
        }
    }

    /** LiquidityPool.totalValueInLp() now: the ETH the pool holds, which deposits and withdrawals move. */
    public BigInteger totalValueInLp() {
        return model.inLp();
    }

    @Override
    public Expected expectedAt(long headTimestamp) {
        return new Expected(model.shareRate(), model.pooledEther(), model.pooledEther());
    }
}
