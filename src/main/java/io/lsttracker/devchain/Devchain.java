package io.lsttracker.devchain;

import io.lsttracker.chain.RpcConnection;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Hash;

/**
 * The simulated Ethereum mainnet: anvil with chain id 1, our contracts at the real mainnet addresses, and
 * {@code historyDays} of daily oracle reports ending at a head whose timestamp is now.
 *
 * <p>Each UTC day of the history: Rocket Pool's oDAO reports balances at 03:00 (BalancesUpdated), Lido's
 * oracle reports at 12:00 (TokenRebased, reportTimestamp = 12:00, submitted 10 minutes later), and at
 * 18:00 deposits and withdrawals move Lido's totals and rETH's supply without moving either rate. Empty
 * blocks are mined every {@code historyBlockSeconds} in between (anvil slows down as its chain grows, so the
 * history is sparser than mainnet's 12-second blocks).
 */
public final class Devchain implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Devchain.class);
    static final long DAY = 86_400;
    static final BigDecimal SECONDS_PER_YEAR = BigDecimal.valueOf(31_536_000);
    private static final BigInteger ETH = BigInteger.TEN.pow(18);
    private static final MathContext MC = MathContext.DECIMAL128;

    /** Order of magnitude of today's mainnet: ETH behind each pool and its exchange rate at the head. */
    static final BigInteger LIDO_HEAD_ETHER = BigInteger.valueOf(9_300_000).multiply(ETH);
    static final BigDecimal LIDO_HEAD_SHARE_RATE = new BigDecimal("1.2250");
    static final BigInteger ROCKETPOOL_HEAD_ETHER = BigInteger.valueOf(600_000).multiply(ETH);
    static final BigDecimal ROCKETPOOL_HEAD_RATE = new BigDecimal("1.1450");
    static final BigInteger WSTETH_SUPPLY = BigInteger.valueOf(3_400_000).multiply(ETH);

    private final AnvilProcess anvil;
    private final RpcConnection rpc;
    private final AnvilRpc node;
    private final String operator;
    private final DevchainParameters parameters;
    private final LidoModel lido;
    private final RocketPoolModel rocketPool;
    private final List<LidoReport> lidoReports = new ArrayList<>();
    private final List<RocketPoolReport> rocketPoolReports = new ArrayList<>();
    private long lidoLastReportTimestamp;
    private long headTimestamp;

    /** A Lido report as the devchain emitted it (the TokenRebased fields). */
    public record LidoReport(long reportTimestamp, long timeElapsed, BigInteger preTotalShares,
            BigInteger preTotalEther, BigInteger postTotalShares, BigInteger postTotalEther,
            BigInteger sharesMintedAsFees) {
    }

    /** A Rocket Pool balances report as the devchain emitted it (the BalancesUpdated fields). */
    public record RocketPoolReport(long block, long slotTimestamp, BigInteger totalEth, BigInteger rethSupply) {
    }

    private Devchain(AnvilProcess anvil, DevchainParameters parameters, long startTimestamp) {
        this.anvil = anvil;
        this.parameters = parameters;
        this.rpc = RpcConnection.open(anvil.url(), Duration.ofSeconds(60));
        this.node = new AnvilRpc(rpc);
        this.operator = node.firstAccount();
        BigDecimal historyYears = BigDecimal.valueOf(parameters.historyDays()).divide(BigDecimal.valueOf(365), MC);
        BigDecimal lidoStartRate = LIDO_HEAD_SHARE_RATE.divide(BigDecimal.ONE.add(
                percent(parameters.lidoAprPercent()).multiply(historyYears, MC), MC), MC);
        BigDecimal rocketStartRate = ROCKETPOOL_HEAD_RATE.divide(BigDecimal.ONE.add(
                percent(parameters.rocketPoolAprPercent()).multiply(historyYears, MC), MC), MC);
        this.lido = new LidoModel(LIDO_HEAD_ETHER, divide(LIDO_HEAD_ETHER, lidoStartRate));
        this.rocketPool = new RocketPoolModel(ROCKETPOOL_HEAD_ETHER, divide(ROCKETPOOL_HEAD_ETHER, rocketStartRate));
        this.headTimestamp = startTimestamp;
    }

    /**
     * Starts anvil on {@code port}, installs the contracts and writes the history. Returns once the head's
     * timestamp is the current time; closing the devchain stops anvil.
     */
    public static Devchain start(int port, DevchainParameters parameters) {
        long now = Instant.now().getEpochSecond();
        long start = now - parameters.historyDays() * DAY - 3600;
        AnvilProcess anvil = AnvilProcess.start(port, start);
        try {
            Devchain devchain = new Devchain(awaitReady(anvil), parameters, start);
            devchain.install();
            devchain.writeHistory(now);
            return devchain;
        } catch (RuntimeException e) {
            anvil.close();
            throw e;
        }
    }

    private static AnvilProcess awaitReady(AnvilProcess anvil) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (RpcConnection probe = RpcConnection.open(anvil.url(), Duration.ofSeconds(2))) {
            while (true) {
                if (!anvil.isAlive()) {
                    throw new DevchainException("anvil exited at start (exit code " + anvil.process().exitValue()
                            + "); is port " + anvil.port() + " already in use?");
                }
                try {
                    probe.web3j().ethChainId().send();
                    return anvil;
                } catch (Exception notYet) {
                    if (System.nanoTime() > deadline) {
                        throw new DevchainException("anvil did not answer on " + anvil.url() + " within 30 s");
                    }
                    sleep(100);
                }
            }
        }
    }

    private void install() {
        SimulatedContracts contracts = SimulatedContracts.load();
        node.setCode(SimulatedContracts.MULTICALL3, contracts.runtimeBytecode("Multicall3"));
        String[][] simulated = {
                {SimulatedContracts.LIDO_STETH, "SimLidoStETH"},
                {SimulatedContracts.LIDO_WSTETH, "SimLidoWstETH"},
                {SimulatedContracts.ROCKET_STORAGE, "SimRocketStorage"},
                {SimulatedContracts.ROCKET_NETWORK_BALANCES, "SimRocketNetworkBalances"},
                {SimulatedContracts.ROCKET_RETH, "SimRocketTokenRETH"},
        };
        for (String[] contract : simulated) {
            node.setCode(contract[0], contracts.runtimeBytecode(contract[1]));
            transact(contract[0], SimulatedContracts.encode("simClaim"), "claim " + contract[1]);
        }
        setLidoTotals();
        transact(SimulatedContracts.LIDO_WSTETH, SimulatedContracts.encode("simSetTotalSupply", WSTETH_SUPPLY),
                "set wstETH supply");
        byte[] key = Hash.sha3("contract.addressrocketNetworkBalances".getBytes(StandardCharsets.US_ASCII));
        transact(SimulatedContracts.ROCKET_STORAGE, SimulatedContracts.encode("simSetAddress", key,
                new org.web3j.abi.datatypes.Address(SimulatedContracts.ROCKET_NETWORK_BALANCES)),
                "register rocketNetworkBalances");
        setRethSupply();
        long now = node.latestBlock().getTimestamp().longValueExact();
        rocketPoolReport(now, false);
    }

    private void writeHistory(long now) {
        long firstMidnight = Math.floorDiv(now - parameters.historyDays() * DAY, DAY) * DAY + DAY;
        lidoLastReportTimestamp = firstMidnight + 12 * 3600 - DAY;
        int day = 0;
        for (long midnight = firstMidnight; midnight + 3 * 3600 < now - 60; midnight += DAY, day++) {
            boolean negative = day == parameters.negativeRebaseDay();
            advanceTo(midnight + 3 * 3600);
            rocketPoolReport(midnight + 3 * 3600 - 12 * 60, negative);

            long lidoSubmission = midnight + 12 * 3600 + 600;
            if (lidoSubmission < now - 60 && day != parameters.skippedLidoReportDay()) {
                advanceTo(lidoSubmission);
                lidoReport(midnight + 12 * 3600, negative);
            }
            long flows = midnight + 18 * 3600;
            if (flows < now - 60) {
                advanceTo(flows);
                boolean even = day % 2 == 0;
                lido.flow(BigInteger.valueOf(even ? 3_000 : -2_500).multiply(ETH));
                setLidoTotals();
                rocketPool.flow(BigInteger.valueOf(even ? 400 : -300).multiply(ETH));
                setRethSupply();
            }
        }
        advanceTo(now);
        node.mine(1, 1);
        headTimestamp = node.latestBlock().getTimestamp().longValueExact();
        if (parameters.blockTimeSeconds() > 0) {
            node.setIntervalMining(parameters.blockTimeSeconds());
        }
        LOG.info("devchain history: {} days, {} Lido reports, {} Rocket Pool reports, head block {}",
                parameters.historyDays(), lidoReports.size(), rocketPoolReports.size(),
                node.latestBlock().getNumber());
    }

    /** Mines empty blocks up to just before {@code timestamp}; the next block will have that timestamp. */
    private void advanceTo(long timestamp) {
        long last = node.latestBlock().getTimestamp().longValueExact();
        long spacing = parameters.historyBlockSeconds();
        long fillers = (timestamp - last - 1) / spacing - 1;
        if (fillers > 0) {
            node.mine(fillers, spacing);
            last = node.latestBlock().getTimestamp().longValueExact();
        }
        if (timestamp > last) {
            node.setNextBlockTimestamp(timestamp);
        }
    }

    private void lidoReport(long reportTimestamp, boolean negative) {
        long elapsed = reportTimestamp - lidoLastReportTimestamp;
        BigDecimal growth = negative ? loss() : growth(parameters.lidoAprPercent(), elapsed);
        LidoModel.Report report = lido.report(growth);
        transact(SimulatedContracts.LIDO_STETH, SimulatedContracts.encode("simReport",
                reportTimestamp, elapsed, report.postEther(), report.postShares(), report.sharesMintedAsFees(),
                lido.beaconValidators(), lido.beaconBalance()), "Lido report");
        lidoReports.add(new LidoReport(reportTimestamp, elapsed, report.preShares(), report.preEther(),
                report.postShares(), report.postEther(), report.sharesMintedAsFees()));
        lidoLastReportTimestamp = reportTimestamp;
    }

    private void rocketPoolReport(long slotTimestamp, boolean negative) {
        if (!rocketPoolReports.isEmpty()) {
            long elapsed = slotTimestamp - rocketPoolReports.get(rocketPoolReports.size() - 1).slotTimestamp();
            rocketPool.report(negative ? loss() : growth(parameters.rocketPoolAprPercent(), elapsed));
        }
        long block = node.latestBlock().getNumber().longValueExact();
        transact(SimulatedContracts.ROCKET_NETWORK_BALANCES, SimulatedContracts.encode("simUpdateBalances",
                block, slotTimestamp, rocketPool.totalEth(), rocketPool.stakingEth(), rocketPool.reportedSupply()),
                "Rocket Pool balances report");
        rocketPoolReports.add(new RocketPoolReport(block, slotTimestamp, rocketPool.totalEth(),
                rocketPool.reportedSupply()));
    }

    private void setLidoTotals() {
        transact(SimulatedContracts.LIDO_STETH, SimulatedContracts.encode("simSetTotals",
                lido.pooledEther(), lido.shares(), lido.depositedValidators()), "Lido totals");
    }

    private void setRethSupply() {
        transact(SimulatedContracts.ROCKET_RETH,
                SimulatedContracts.encode("simSetTotalSupply", rocketPool.liveSupply()), "rETH supply");
    }

    private void transact(String to, byte[] data, String what) {
        node.transact(operator, to, data, what);
    }

    /** Net growth of the rate over {@code seconds} at {@code aprPercent}: apr/100 x seconds / year. */
    static BigDecimal growth(BigDecimal aprPercent, long seconds) {
        return percent(aprPercent).multiply(BigDecimal.valueOf(seconds), MC).divide(SECONDS_PER_YEAR, MC);
    }

    private BigDecimal loss() {
        return BigDecimal.valueOf(parameters.negativeRebaseBps()).movePointLeft(4).negate();
    }

    private static BigDecimal percent(BigDecimal value) {
        return value.movePointLeft(2);
    }

    private static BigInteger divide(BigInteger wei, BigDecimal rate) {
        return new BigDecimal(wei).divide(rate, MC).setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevchainException("interrupted while waiting for anvil");
        }
    }

    public String url() {
        return anvil.url();
    }

    public int port() {
        return anvil.port();
    }

    public DevchainParameters parameters() {
        return parameters;
    }

    public long headTimestamp() {
        return headTimestamp;
    }

    public List<LidoReport> lidoReports() {
        return List.copyOf(lidoReports);
    }

    public List<RocketPoolReport> rocketPoolReports() {
        return List.copyOf(rocketPoolReports);
    }

    /** What Lido's contracts answer now: getPooledEthByShares(1e18), getTotalPooledEther(), getTotalShares(). */
    public BigInteger lidoShareRate() {
        return lido.shareRate();
    }

    public BigInteger lidoPooledEther() {
        return lido.pooledEther();
    }

    public BigInteger lidoShares() {
        return lido.shares();
    }

    /** What Rocket Pool's contracts answer now: getExchangeRate(), getTotalETHBalance(), rETH totalSupply(). */
    public BigInteger rocketPoolExchangeRate() {
        return rocketPool.exchangeRate();
    }

    public BigInteger rocketPoolTotalEth() {
        return rocketPool.totalEth();
    }

    public BigInteger rethSupply() {
        return rocketPool.liveSupply();
    }

    /** Blocks until the JVM is asked to stop (Ctrl-C, SIGTERM); the shutdown hook then stops anvil. */
    public void awaitTermination() throws InterruptedException {
        while (anvil.isAlive()) {
            Thread.sleep(500);
        }
        throw new DevchainException("anvil stopped unexpectedly (exit code " + anvil.process().exitValue() + ")");
    }

    @Override
    public void close() {
        rpc.close();
        anvil.close();
    }
}
