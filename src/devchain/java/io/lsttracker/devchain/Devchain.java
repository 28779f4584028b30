package io.lsttracker.devchain;

import io.lsttracker.chain.RpcConnection;
import io.lsttracker.devchain.beacon.EntityTruth;
import io.lsttracker.devchain.beacon.Stakers;
import io.lsttracker.devchain.beacon.ValidatorSet;
import io.lsttracker.devchain.etherfi.SimulatedEtherFi;
import io.lsttracker.devchain.lido.SimulatedLido;
import io.lsttracker.devchain.lido.SimulatedWithdrawalQueue;
import io.lsttracker.devchain.markets.SimulatedMarkets;
import io.lsttracker.devchain.rocketpool.SimulatedRocketPool;
import io.lsttracker.domain.NodeOperator;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated Ethereum mainnet: anvil with chain id 1, Multicall3 and each {@link SimulatedPool}'s
 * contracts at the real mainnet addresses, and {@code historyDays} of daily oracle reports ending at a head
 * whose timestamp is now.
 *
 * <p>Each UTC day of the history runs every pool's events of that day in time order (see each pool for its
 * schedule). Empty blocks are mined every {@code historyBlockSeconds} in between: anvil slows down as its
 * chain grows, so the history is sparser than mainnet's 12-second blocks. Starting values are chosen so that
 * the head lands near today's mainnet figures (ETH staked, exchange rates).
 */
public final class Devchain implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Devchain.class);
    public static final long DAY = 86_400;
    public static final BigInteger ETH = BigInteger.TEN.pow(18);
    /** Most empty blocks mined by one anvil_mine call (see advanceTo). */
    private static final long MINE_CHUNK = 200;

    private final AnvilProcess anvil;
    private final RpcConnection rpc;
    private final AnvilRpc node;
    private final String operator;
    private final DevchainParameters parameters;
    private final List<AccruingPool> pools;
    /** When the depegs of stETH's market and the growth of Lido's withdrawal queue happen. */
    private final LiquiditySchedule liquiditySchedule;
    private final SimulatedMarkets markets;
    private final SimulatedWithdrawalQueue withdrawalQueue;
    /** The pools, then the markets and the withdrawal queue: everything the history moves. */
    private final List<ScriptedContracts> scripted;
    private final ChainWriter writer;
    /** Writes after the history (a depeg started or ended now): each mined at once in a block of its own. */
    private final ChainWriter liveWriter;
    /** Runs the live end of the depeg; a daemon thread, stopped by close. */
    private ScheduledExecutorService depegTimer;
    private ScheduledFuture<?> depegEnd;
    private long headTimestamp;
    /** The beacon REST API of the simulated chain (its validators), started with the devchain. */
    private SimulatedBeacon beacon;
    /** The simulated beacon chain's validators, whose deposits are on the chain. */
    private ValidatorSet validators;
    /** The first block that can hold a deposit: the devchain's "deployment block" of the deposit contract. */
    private long depositContractFirstBlock;
    /** When the history's deposits are mined (before the change slot), and the blocks they were mined in. */
    private long lateDepositsTimestamp;
    private long[] lateDepositBlocks;
    /** Validators deposited during the history, in basis points of --beacon-validators. */
    static final int LATE_VALIDATORS_BPS = 200;
    /**
     * While the history is written, automine is off and each event's transactions wait here, to be mined
     * together in ONE block at the event's time (anvil's cost per block grows with the chain, so fewer blocks
     * make a long history much faster to write); null while automine is on (install).
     */
    private List<String[]> pendingTransactions;
    private long pendingTimestamp;

    /** A Lido report as the devchain emitted it (the TokenRebased fields). */
    public record LidoReport(long reportTimestamp, long timeElapsed, BigInteger preTotalShares,
            BigInteger preTotalEther, BigInteger postTotalShares, BigInteger postTotalEther,
            BigInteger sharesMintedAsFees) {
    }

    /**
     * A Rocket Pool balances report as the devchain emitted it (the BalancesUpdated fields), and the
     * RocketNetworkBalances that emitted it.
     */
    public record RocketPoolReport(long block, long slotTimestamp, BigInteger totalEth, BigInteger rethSupply,
            String emitter) {
    }

    private Devchain(AnvilProcess anvil, DevchainParameters parameters, long firstMidnight, long now) {
        this.anvil = anvil;
        this.parameters = parameters;
        this.rpc = RpcConnection.open(anvil.url(), Duration.ofSeconds(60));
        this.node = new AnvilRpc(rpc);
        this.operator = node.firstAccount();
        this.pools = SimulatedPools.all(parameters, firstMidnight);
        this.liquiditySchedule = new LiquiditySchedule(now, parameters.historyDays(), parameters.depegLiveMinutes());
        this.markets = new SimulatedMarkets(liquiditySchedule, this::ethPerTokenNow);
        this.withdrawalQueue = new SimulatedWithdrawalQueue(liquiditySchedule, pool(SimulatedLido.class));
        List<ScriptedContracts> all = new ArrayList<>(pools);
        all.add(markets);
        all.add(withdrawalQueue);
        this.scripted = List.copyOf(all);
        this.liveWriter = new ChainWriter() {
            /** Sent, then mined at once: after the history anvil may mine on an interval, not on each transaction. */
            @Override
            public void transact(String to, byte[] data, String what) {
                String hash = node.submit(operator, to, data);
                node.mineOne();
                node.requireSuccess(hash, what);
            }

            @Override
            public long headNumber() {
                return node.latestBlock().getNumber().longValueExact();
            }

            @Override
            public long headTimestamp() {
                return node.latestBlock().getTimestamp().longValueExact();
            }

            @Override
            public long writtenBlock() {
                return headNumber();
            }
        };
        this.writer = new ChainWriter() {
            @Override
            public void transact(String to, byte[] data, String what) {
                if (pendingTransactions == null) {
                    node.transact(operator, to, data, what);
                } else {
                    pendingTransactions.add(new String[] {node.submit(operator, to, data), what});
                }
            }

            /** The latest mined block: the one before the block a transaction sent now is mined in. */
            @Override
            public long headNumber() {
                return node.latestBlock().getNumber().longValueExact();
            }

            @Override
            public long writtenBlock() {
                return pendingTransactions == null ? headNumber() : headNumber() + 1;
            }

            /** Once the event has sent a transaction, the time of the block it will be mined in, as with automine. */
            @Override
            public long headTimestamp() {
                if (pendingTransactions != null && !pendingTransactions.isEmpty()) {
                    return pendingTimestamp;
                }
                return node.latestBlock().getTimestamp().longValueExact();
            }
        };
    }

    /**
     * Starts anvil on {@code port}, installs the contracts and writes the history. Returns once the head's
     * timestamp is the current time; closing the devchain stops anvil.
     */
    public static Devchain start(int port, DevchainParameters parameters) {
        long now = Instant.now().getEpochSecond();
        long start = now - parameters.historyDays() * DAY - 3600;
        long firstMidnight = Math.floorDiv(start, DAY) * DAY + DAY;
        AnvilProcess anvil = AnvilProcess.start(port, start, parameters.keptStates(), parameters.genesisBlock());
        if (parameters.keptStates() != AnvilProcess.ARCHIVE) {
            LOG.info("dense history (a block every {} s): anvil keeps the state of the last {} blocks only, in memory; "
                    + "an eth_call at an older block fails (backfill and other archive reads need a history of at most "
                    + "one block an hour)", parameters.historyBlockSeconds(), parameters.keptStates());
        }
        try {
            Devchain devchain = new Devchain(awaitReady(anvil), parameters, firstMidnight, now);
            devchain.install();
            devchain.placeBeaconHistory(start, now);
            devchain.writeHistory(firstMidnight, now);
            devchain.beacon = SimulatedBeacon.start(() -> Instant.now().getEpochSecond(), devchain.validators);
            if (parameters.depegLiveMinutes() > 0) {
                devchain.endDepegIn(Duration.ofMinutes(parameters.depegLiveMinutes()));
            }
            return devchain;
        } catch (RuntimeException e) {
            anvil.close();
            throw e;
        }
    }

    /** Rejects pool ids the devchain does not simulate (say a typo in --apr), naming the known ones. */
    public static void requireSimulated(java.util.Collection<String> poolIds) {
        List<String> known = SimulatedPools.ids();
        for (String id : poolIds) {
            if (!known.contains(id)) {
                throw new IllegalArgumentException("--apr " + id + ": the devchain simulates no pool '" + id
                        + "' (it simulates " + String.join(", ", known) + ")");
            }
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
        for (ScriptedContracts placed : scripted) {
            for (Map.Entry<String, String> contract : placed.contracts().entrySet()) {
                node.setCode(contract.getKey(), contracts.runtimeBytecode(contract.getValue()));
                writer.call("claim " + contract.getValue(), contract.getKey(), "simClaim");
            }
        }
        for (ScriptedContracts placed : scripted) {
            placed.install(writer);
        }
    }

    /**
     * The beacon chain's validators ({@link ValidatorSet}: {@code --beacon-validators} of them, the entities of
     * config/entities.yml) with their exits, slashings, activations and credential changes half-way through the
     * history, and their deposits placed on chain before the history's first day; the 2% deposited during the
     * history ({@value #LATE_VALIDATORS_BPS} bps, with top-ups of the compounding validators) are mined shortly
     * before the change slot, when they appear in the beacon state ({@link #placeLateDeposits}).
     */
    private void placeBeaconHistory(long start, long now) {
        long changeSlot = SimulatedBeacon.slotAt(start + (now - start) / 2);
        validators = new ValidatorSet(parameters.beaconValidators(), changeSlot,
                Stakers.standard(EntityLabels.depositors()), LATE_VALIDATORS_BPS);
        lateDepositsTimestamp = SimulatedBeacon.slotStart(changeSlot).getEpochSecond()
                - Math.min(3600, (now - start) / 8);
        depositContractFirstBlock = writer.headNumber() + 1;
        int transactions = BeaconHistory.place(node, SimulatedContracts.load(), operator, validators);
        LOG.info("beacon chain: {} validators, their deposits in {} transactions from block {}",
                validators.size(), transactions, depositContractFirstBlock);
    }

    private void writeHistory(long firstMidnight, long now) {
        node.setAutomine(false);
        pendingTransactions = new ArrayList<>();
        int day = 0;
        for (long midnight = firstMidnight; midnight < now; midnight += DAY, day++) {
            SimulatedPool.HistoryDay historyDay = new SimulatedPool.HistoryDay(day, midnight,
                    day == parameters.negativeRebaseDay(), day == parameters.skippedLidoReportDay());
            List<SimulatedPool.DailyEvent> events = new ArrayList<>();
            for (ScriptedContracts placed : scripted) {
                events.addAll(placed.day(historyDay));
            }
            events.sort(Comparator.comparingLong(SimulatedPool.DailyEvent::secondsAfterMidnight));
            for (SimulatedPool.DailyEvent event : events) {
                long at = midnight + event.secondsAfterMidnight();
                if (at >= now - 60) {
                    break; // the head is now: later events of today have not happened yet
                }
                if (lateDepositBlocks == null && at >= lateDepositsTimestamp) {
                    placeLateDeposits();
                }
                advanceTo(at);
                long last = writer.headTimestamp();
                pendingTimestamp = Math.max(at, last + 1);
                if (at <= last) {
                    node.setNextBlockTimestamp(pendingTimestamp); // events at one time: one second apart, as automine did
                }
                event.action().accept(writer);
                mineEvent(event.description());
            }
        }
        if (lateDepositBlocks == null) {
            placeLateDeposits();
        }
        pendingTransactions = null;
        node.setAutomine(true);
        advanceTo(now);
        node.mine(1, 1);
        headTimestamp = writer.headTimestamp();
        if (parameters.blockTimeSeconds() > 0) {
            node.setIntervalMining(parameters.blockTimeSeconds());
        }
        LOG.info("devchain history: {} days, head block {} at {}", parameters.historyDays(), writer.headNumber(),
                Instant.ofEpochSecond(headTimestamp));
    }

    /**
     * The deposits made during the history, each in a block of its own from {@link #lateDepositsTimestamp} on. Their
     * validators appear in the beacon state at the change slot, so every one must be mined before it.
     */
    private void placeLateDeposits() {
        advanceTo(lateDepositsTimestamp);
        long from = Math.max(lateDepositsTimestamp, writer.headTimestamp() + 1);
        lateDepositBlocks = BeaconHistory.placeLate(node, SimulatedContracts.load(), operator, validators, from);
        long last = writer.headTimestamp();
        long appear = SimulatedBeacon.slotStart(validators.changeSlot()).getEpochSecond();
        if (last >= appear) {
            throw new DevchainException("the deposits made during the history end at " + Instant.ofEpochSecond(last)
                    + ", not before their validators appear at " + Instant.ofEpochSecond(appear)
                    + " (the change slot); give the history more days");
        }
        LOG.info("beacon chain: {} validators deposited during the history, blocks {} to {}",
                validators.lateSize(), lateDepositBlocks[0], lateDepositBlocks[1]);
    }

    /** Mines the event's transactions in one block and checks that each succeeded. */
    private void mineEvent(String description) {
        if (pendingTransactions.isEmpty()) {
            return;
        }
        node.mineOne();
        for (String[] tx : pendingTransactions) {
            node.requireSuccess(tx[0], description + ": " + tx[1]);
        }
        pendingTransactions.clear();
    }

    /** Mines empty blocks up to just before {@code timestamp}; the next block will have that timestamp. */
    private void advanceTo(long timestamp) {
        long last = writer.headTimestamp();
        long spacing = parameters.historyBlockSeconds();
        long fillers = (timestamp - last - 1) / spacing - 1;
        // In bounded calls: anvil's cost per block grows with the chain, and a dense history's gap between two events
        // (hours of 12-second blocks) mined in one call outlasted the RPC timeout (60 s) on a loaded machine, after
        // which a retry would mine the gap again.
        for (long left = fillers; left > 0; left -= MINE_CHUNK) {
            node.mine(Math.min(left, MINE_CHUNK), spacing);
        }
        if (fillers > 0) {
            last = writer.headTimestamp();
        }
        if (timestamp > last) {
            node.setNextBlockTimestamp(timestamp);
        }
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

    /** The lines `devchain` and `demo` print once the chain and its beacon node answer. */
    void printReady(PrintWriter out) {
        out.println("devchain ready " + url());
        out.println("beacon ready " + beaconUrl());
        out.println("deposit contract, StakeWise vaults registry, ether.fi StakingManager and frxETHMinter logs from block "
                + depositContractFirstBlock + " (for serve: LST_DEPOSIT_FIRST_BLOCK, LST_STAKEWISE_VAULTS_FIRST_BLOCK,"
                + " LST_ETHERFI_FIRST_BLOCK and LST_FRAX_FIRST_BLOCK)");
        out.flush();
    }

    public int port() {
        return anvil.port();
    }

    /** The anvil process (for measuring its memory). */
    public ProcessHandle anvilProcess() {
        return anvil.process().toHandle();
    }

    /** Where anvil writes the states it moves out of memory (an archive history); deleted when the devchain stops. */
    public java.nio.file.Path anvilStateDirectory() {
        return anvil.stateDirectory();
    }

    public DevchainParameters parameters() {
        return parameters;
    }

    /** Base URL of the simulated beacon node's REST API (LST_BEACON_URL). */
    public String beaconUrl() {
        return beacon.url();
    }

    public long headTimestamp() {
        return headTimestamp;
    }

    /** The simulated beacon chain's validators, as its beacon node serves them. */
    public ValidatorSet validators() {
        return validators;
    }

    /**
     * What the devchain's proposed blocks say over slots [from, to] (docs/CLIENTS.md): per entity, blocks per pair
     * of clients their graffiti names (by construction, not by parsing it); {@code missed[0]} gets the slots
     * without a block. {@code currentSlot} is the slot the node took as current (slots after it have no block).
     */
    public Map<String, Map<io.lsttracker.devchain.beacon.Proposals.Said, Long>> proposalTruth(long from, long to,
            long currentSlot, long[] missed) {
        return new io.lsttracker.devchain.beacon.Proposals(validators).truth(from, to, currentSlot, missed);
    }

    /** What the devchain placed on its beacon chain at {@code slot}: each entity's validators and active stake. */
    public Map<String, EntityTruth> entityTruth(long slot) {
        return validators.truth(slot);
    }

    /** The first and last block of the deposits made during the history (validators that appear later). */
    public long[] lateDepositBlocks() {
        return lateDepositBlocks.clone();
    }

    /**
     * The block from which the deposit contract's logs (and StakeWise's VaultsRegistry's, placed in the same
     * step) are to be read on the devchain: its "deployment block".
     */
    public long depositContractFirstBlock() {
        return depositContractFirstBlock;
    }

    private <T extends SimulatedPool> T pool(Class<T> type) {
        return pools.stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }

    private AccruingPool pool(String poolId) {
        return pools.stream().filter(p -> p.poolId().equals(poolId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no simulated pool " + poolId));
    }

    /** A pool's ethPerToken as its contracts answer it at the head so far. */
    private BigInteger ethPerTokenNow(String poolId) {
        return pool(poolId).expectedAt(writer.headTimestamp()).ethPerToken();
    }

    /** Ids of the simulated pools, in registry order. */
    public List<String> poolIds() {
        return pools.stream().map(SimulatedPool::poolId).toList();
    }

    /** Lido's node operators as the simulated modules hold them at the head: curated, SimpleDVT, then CSM, by id. */
    public List<NodeOperator> lidoOperators() {
        return pool(SimulatedLido.class).operators();
    }

    /** Rocket Pool's node and minipool counts at the head. */
    public RocketNodeCounts rocketNodeCounts() {
        return pool(SimulatedRocketPool.class).nodeCounts();
    }

    /** What a snapshot of {@code poolId} at the head must show: ethPerToken, totalEth, tokenSupply in wei. */
    public SimulatedPool.Expected expected(String poolId) {
        return pool(poolId).expectedAt(headTimestamp);
    }

    /** The net APR in percent {@code poolId} simulates: its --apr flag, else the pool's default. */
    public BigDecimal aprPercent(String poolId) {
        return pool(poolId).aprPercent();
    }

    public List<LidoReport> lidoReports() {
        return pool(SimulatedLido.class).reports();
    }

    public List<RocketPoolReport> rocketPoolReports() {
        return pool(SimulatedRocketPool.class).reports();
    }

    /** What Lido's contracts answer now: getPooledEthByShares(1e18), getTotalPooledEther(), getTotalShares(). */
    public BigInteger lidoShareRate() {
        return pool(SimulatedLido.class).shareRate();
    }

    public BigInteger lidoPooledEther() {
        return pool(SimulatedLido.class).pooledEther();
    }

    public BigInteger lidoShares() {
        return pool(SimulatedLido.class).shares();
    }

    /** What Rocket Pool's contracts answer now: getExchangeRate(), getTotalETHBalance(), rETH totalSupply(). */
    public BigInteger rocketPoolExchangeRate() {
        return pool(SimulatedRocketPool.class).exchangeRate();
    }

    public BigInteger rocketPoolTotalEth() {
        return pool(SimulatedRocketPool.class).totalEth();
    }

    public BigInteger rethSupply() {
        return pool(SimulatedRocketPool.class).rethSupply();
    }

    /** When the history's liquidity episodes happen (the depegs of stETH's market, Lido's queue). */
    public LiquiditySchedule liquiditySchedule() {
        return liquiditySchedule;
    }

    /**
     * Every state the devchain wrote to a market's pool ({@link SimulatedMarkets#MARKETS}), in order: balances, and
     * the block from which the pool holds them.
     */
    public List<SimulatedMarkets.MarketState> marketStates(String marketId) {
        SimulatedMarkets.market(marketId);
        return markets.states(marketId);
    }

    /** Lido's withdrawal queue after each of the devchain's writes, in order. */
    public List<SimulatedWithdrawalQueue.QueueState> withdrawalQueueStates() {
        return withdrawalQueue.states();
    }

    /** Every request in Lido's withdrawal queue, request id i at index i - 1. */
    public List<SimulatedWithdrawalQueue.Request> withdrawalRequests() {
        return withdrawalQueue.requests();
    }

    /** What rETH's getTotalCollateral() answers now. */
    public BigInteger rocketPoolTotalCollateral() {
        return pool(SimulatedRocketPool.class).totalCollateral();
    }

    /** What ether.fi's LiquidityPool.totalValueInLp() answers now. */
    public BigInteger etherFiTotalValueInLp() {
        return pool(SimulatedEtherFi.class).totalValueInLp();
    }

    /**
     * Starts a depeg of stETH's market now: from the next block 1 stETH sells for {@code discountBps} under 1 ETH
     * (its pool moved along its invariant, as stETH sold for ETH would move it).
     */
    public void startDepeg(int discountBps) {
        if (discountBps <= 0 || discountBps >= 10_000) {
            throw new IllegalArgumentException("a depeg's discount must be between 1 and 9999 bps, got " + discountBps);
        }
        synchronized (liveWriter) {
            markets.depeg(liveWriter, discountBps);
        }
        LOG.info("stETH's market: 1 stETH sells {} bps under 1 ETH from block {}", discountBps, liveWriter.headNumber());
    }

    /** Ends a depeg of stETH's market now: from the next block its pool is back at rest. */
    public void endDepeg() {
        synchronized (liveWriter) {
            markets.depeg(liveWriter, 0);
        }
        LOG.info("stETH's market is back at rest from block {}", liveWriter.headNumber());
    }

    /**
     * Ends the depeg of stETH's market {@code delay} from now, on a daemon thread (replacing an end planned before);
     * closing the devchain cancels it.
     */
    public synchronized void endDepegIn(Duration delay) {
        if (depegTimer == null) {
            depegTimer = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "devchain-depeg-end");
                thread.setDaemon(true);
                return thread;
            });
        }
        if (depegEnd != null) {
            depegEnd.cancel(false);
        }
        depegEnd = depegTimer.schedule(() -> {
            try {
                endDepeg();
            } catch (RuntimeException e) {
                LOG.warn("stETH's market: the planned end of its depeg failed: {}", e.getMessage());
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("stETH's market: its depeg ends at {}", Instant.now().plus(delay));
    }

    /**
     * Cancels the planned end of stETH's depeg (if any): the depeg lasts until {@link #endDepeg} or a new
     * {@link #endDepegIn}. The demo holds it through its backfill, which may take longer than the depeg's minutes.
     */
    public synchronized void keepDepeg() {
        if (depegEnd != null) {
            depegEnd.cancel(false);
            depegEnd = null;
            LOG.info("stETH's market: the planned end of its depeg is cancelled");
        }
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
        synchronized (this) {
            if (depegTimer != null) {
                depegTimer.shutdownNow();
            }
        }
        if (beacon != null) {
            beacon.close();
        }
        rpc.close();
        anvil.close();
    }
}
