package io.lsttracker.devchain.lido;

import io.lsttracker.devchain.AccruingPool;
import io.lsttracker.devchain.ChainWriter;
import io.lsttracker.devchain.Devchain;
import io.lsttracker.devchain.DevchainParameters;
import io.lsttracker.domain.NodeOperator;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lido on the devchain: stETH, wstETH and the LidoLocator naming them at their mainnet addresses, and the node
 * operator registries ({@link LidoOperators}). The accounting oracle reports at 12:00 UTC (reportTimestamp = 12:00, the transaction
 * ten minutes later), emitting TokenRebased; on the skipped day it misses the report, so the next one covers two
 * days (timeElapsed = 172800). At 18:00 deposits (even days, +3,000 ETH) or withdrawals (odd days, -2,500 ETH)
 * move the totals at the current rate.
 *
 * <p>The accounting is kept in exact wei: pooled ether and shares. Rewards are taken gross, and Lido's 10% fee
 * is minted as new shares the way Lido mints them (shares = rewards x fee x preShares / (postEther - rewards x
 * fee)), so the share rate grows by the net rate. For a net growth g over the report, gross rewards
 * R = E x g / (1 - fee) give exactly postRate = (E + (1 - fee) R) / P = preRate x (1 + g), before wei rounding.
 */
public final class SimulatedLido extends AccruingPool {
    public static final String STETH = "0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84";
    static final String WSTETH = "0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0";
    /** Lido's address book, through which clients written for mainnet (Lido's SDK) find stETH. */
    public static final String LOCATOR = "0xC1d0b3DE6792Bf6b4b37EccdcC24e45978Cfd2Eb";
    static final BigInteger HEAD_ETHER = ether(9_300_000);
    static final BigDecimal HEAD_SHARE_RATE = new BigDecimal("1.2250");
    static final BigInteger WSTETH_SUPPLY = ether(3_400_000);
    /** Lido's net APR has been near 2.8% through 2025. */
    static final BigDecimal DEFAULT_APR = new BigDecimal("2.80");
    static final BigDecimal FEE = new BigDecimal("0.10");
    private static final BigInteger VALIDATOR_BALANCE = ether(32);
    private static final long REPORT_OFFSET = 12 * 3600;

    private final List<Devchain.LidoReport> reports = new ArrayList<>();
    private final LidoOperators operators = new LidoOperators();
    private BigInteger pooledEther = HEAD_ETHER;
    private BigInteger shares;

    public SimulatedLido(DevchainParameters parameters, long firstMidnight) {
        super("lido", DEFAULT_APR, parameters, Map.of(STETH, "SimLidoStETH", WSTETH, "SimLidoWstETH",
                LidoOperators.CURATED, "SimLidoNodeOperatorsRegistry", LidoOperators.SIMPLE_DVT,
                "SimLidoNodeOperatorsRegistry", LidoOperators.CSM, "SimLidoCSModule", LOCATOR, "SimLidoLocator"));
        this.shares = divide(HEAD_ETHER, startRate(HEAD_SHARE_RATE));
        reportedAt(firstMidnight + REPORT_OFFSET - Devchain.DAY);
    }

    @Override
    public void install(ChainWriter chain) {
        writeTotals(chain);
        chain.call("wstETH supply", WSTETH, "simSetTotalSupply", WSTETH_SUPPLY);
        operators.install(chain);
    }

    @Override
    public List<DailyEvent> day(HistoryDay day) {
        List<DailyEvent> events = new ArrayList<>(operators.day(day));
        if (!day.skipped()) {
            events.add(report(day, REPORT_OFFSET, 600, "Lido oracle report", this::report));
        }
        events.add(flow(day, 18 * 3600, "Lido deposits and withdrawals", 3_000, 2_500, (chain, ether) -> {
            BigInteger newShares = ether.multiply(shares).divide(pooledEther);
            pooledEther = pooledEther.add(ether);
            shares = shares.add(newShares);
            writeTotals(chain);
        }));
        return events;
    }

    /** Rewards (no fee on a loss) change the pooled ether; the fee is minted as shares. */
    private void report(ChainWriter chain, Report report) {
        BigInteger preEther = pooledEther;
        BigInteger preShares = shares;
        BigInteger feeShares = BigInteger.ZERO;
        if (report.change().signum() >= 0) {
            BigInteger rewards = floor(new BigDecimal(preEther).multiply(report.change(), MC)
                    .divide(BigDecimal.ONE.subtract(FEE), MC));
            pooledEther = preEther.add(rewards);
            BigDecimal feeEther = new BigDecimal(rewards).multiply(FEE, MC);
            feeShares = floor(feeEther.multiply(new BigDecimal(preShares), MC)
                    .divide(new BigDecimal(pooledEther).subtract(feeEther, MC), MC));
            shares = preShares.add(feeShares);
        } else {
            pooledEther = preEther.subtract(times(preEther, report.change().negate()));
        }
        chain.call("Lido report", STETH, "simReport", report.timestamp(), report.elapsed(), pooledEther, shares,
                feeShares, beaconValidators(), beaconBalance());
        reports.add(new Devchain.LidoReport(report.timestamp(), report.elapsed(), preShares, preEther, shares,
                pooledEther, feeShares));
    }

    private void writeTotals(ChainWriter chain) {
        chain.call("Lido totals", STETH, "simSetTotals", pooledEther, shares, depositedValidators());
    }

    /** 98% of the pooled ether sits on the beacon chain; the rest is buffered. */
    private BigInteger beaconBalance() {
        return pooledEther.multiply(BigInteger.valueOf(98)).divide(BigInteger.valueOf(100));
    }

    private BigInteger beaconValidators() {
        return beaconBalance().divide(VALIDATOR_BALANCE);
    }

    /** A few validators deposited but not yet seen on the beacon chain. */
    private BigInteger depositedValidators() {
        return beaconValidators().add(BigInteger.valueOf(40));
    }

    @Override
    public Expected expectedAt(long headTimestamp) {
        return new Expected(shareRate(), pooledEther, pooledEther);
    }

    /** The TokenRebased fields of every report, in order. */
    public List<Devchain.LidoReport> reports() {
        return List.copyOf(reports);
    }

    /** The node operators as the modules hold them now: curated, SimpleDVT, then CSM, by id. */
    public List<NodeOperator> operators() {
        return operators.operators();
    }

    /** ETH per share as Lido answers getPooledEthByShares(1e18): rounded down. */
    public BigInteger shareRate() {
        return Devchain.ETH.multiply(pooledEther).divide(shares);
    }

    /** getTotalPooledEther(). */
    public BigInteger pooledEther() {
        return pooledEther;
    }

    /** getTotalShares(). */
    public BigInteger shares() {
        return shares;
    }
}
