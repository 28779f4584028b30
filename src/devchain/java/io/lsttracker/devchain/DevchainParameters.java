package io.lsttracker.devchain;

import java.math.BigDecimal;
import io.lsttracker.devchain.beacon.ValidatorSet;
import java.util.Map;

/**
 * What the simulated mainnet simulates. The reward rates are net APRs in percent: each report grows the
 * pool's exchange rate by apr/100 x (report interval / 365 days), which is exactly what the per-report APR
 * formula (rate change / starting rate x year / interval) gives back, up to wei rounding. Each simulated
 * pool has a default APR of its own; {@code aprPercent} overrides it by pool id.
 *
 * @param historyDays         days of daily reports mined before the head (0: none)
 * @param aprPercent          net APR in percent by pool id (holders' rate, after the protocol's fee)
 * @param negativeRebaseDay   index of the history day whose reports lose value (-1: none)
 * @param negativeRebaseBps   the loss that day, in basis points of the pool's ETH
 * @param skippedLidoReportDay index of the history day on which Lido's oracle misses its report, so the
 *                            next report covers two days (-1: none)
 * @param historyBlockSeconds spacing of the empty blocks mined between events in the history
 * @param blockTimeSeconds    once the history is written, a block every this many seconds (0: only on demand)
 * @param beaconValidators    validators of the simulated beacon chain (io.lsttracker.devchain.beacon.ValidatorSet)
 * @param rocketPoolBalancesUpgradeDay index of the history day on which Rocket Pool upgrades
 *                            RocketNetworkBalances (a new contract, named by RocketStorage from then on, emits
 *                            the reports; -1: no upgrade)
 * @param depegLiveMinutes    the second depeg of stETH's market, which starts 2 days before the head
 *                            ({@link LiquiditySchedule}), ends this many minutes after the devchain is ready; 0 ends
 *                            it inside the history, before the head
 * @param genesisBlock        the number of the chain's first block (anvil --number; 0 by default). A mainnet-like
 *                            height lets clients written for mainnet count blocks back from the head (Lido's SDK
 *                            looks 7 x 7,600 blocks back) on a history far shorter in blocks than mainnet's
 */
public record DevchainParameters(
        int historyDays,
        Map<String, BigDecimal> aprPercent,
        int negativeRebaseDay,
        int negativeRebaseBps,
        int skippedLidoReportDay,
        long historyBlockSeconds,
        long blockTimeSeconds,
        int beaconValidators,
        int rocketPoolBalancesUpgradeDay,
        int depegLiveMinutes,
        long genesisBlock) {

    public static final int DEFAULT_NEGATIVE_REBASE_BPS = 1;
    public static final long DEFAULT_HISTORY_BLOCK_SECONDS = 4 * 3600;
    public static final long DEFAULT_BLOCK_TIME_SECONDS = 12;
    /** Every staker group of the standard set then holds validators of each kind (ValidatorSet). */
    public static final int MIN_BEACON_VALIDATORS = 1_000;
    /** The densest history that is an archive (every block's state kept): an empty block an hour. */
    public static final long ARCHIVE_MIN_BLOCK_SECONDS = 3600;
    /**
     * States a denser history keeps, the last blocks' (12.8 minutes of 12-second blocks): more than the tracker's
     * confirmations (2) and a live snapshot cycle need; each costs memory of the order of the chain's length
     * (docs/BENCHMARKS.md).
     */
    public static final int DENSE_KEPT_STATES = 64;
    /** No upgrade of Rocket Pool's RocketNetworkBalances in the history. */
    public static final int NO_UPGRADE = -1;
    /** The longest a depeg may stay open after the devchain is ready: a day. */
    public static final int MAX_DEPEG_LIVE_MINUTES = 1_440;
    /** The highest genesis block number accepted: far above mainnet's height, far below anvil's limits. */
    public static final long MAX_GENESIS_BLOCK = 1_000_000_000L;

    public DevchainParameters {
        if (historyDays < 0 || historyDays > 3650) {
            throw new IllegalArgumentException("--history-days must be between 0 and 3650, got " + historyDays);
        }
        aprPercent = Map.copyOf(aprPercent);
        aprPercent.forEach((pool, apr) -> requireApr("--apr " + pool, apr));
        if (negativeRebaseBps < 0 || negativeRebaseBps > 10_000) {
            throw new IllegalArgumentException("--negative-rebase-bps must be between 0 and 10000, got " + negativeRebaseBps);
        }
        if (historyBlockSeconds < 12 || historyBlockSeconds > 86_400) {
            throw new IllegalArgumentException(
                    "--history-block-seconds must be between 12 and 86400, got " + historyBlockSeconds);
        }
        if (blockTimeSeconds < 0) {
            throw new IllegalArgumentException("--block-time must not be negative, got " + blockTimeSeconds);
        }
        if (beaconValidators < MIN_BEACON_VALIDATORS || beaconValidators > ValidatorSet.MAX_SIZE) {
            throw new IllegalArgumentException("--beacon-validators must be between " + MIN_BEACON_VALIDATORS + " and "
                    + ValidatorSet.MAX_SIZE + ", got " + beaconValidators);
        }
        if (rocketPoolBalancesUpgradeDay != NO_UPGRADE
                && (rocketPoolBalancesUpgradeDay < 0 || rocketPoolBalancesUpgradeDay >= historyDays)) {
            throw new IllegalArgumentException("--rp-balances-upgrade-day must be -1 (none) or a day of the history, "
                    + "0 to " + (historyDays - 1) + " for --history-days " + historyDays + ", got "
                    + rocketPoolBalancesUpgradeDay);
        }
        if (depegLiveMinutes < 0 || depegLiveMinutes > MAX_DEPEG_LIVE_MINUTES) {
            throw new IllegalArgumentException("--depeg-live-minutes must be between 0 and " + MAX_DEPEG_LIVE_MINUTES
                    + ", got " + depegLiveMinutes);
        }
        if (genesisBlock < 0 || genesisBlock > MAX_GENESIS_BLOCK) {
            throw new IllegalArgumentException("--genesis-block must be between 0 and " + MAX_GENESIS_BLOCK + ", got "
                    + genesisBlock);
        }
    }

    /** The chain starts at block 0. */
    public DevchainParameters(int historyDays, Map<String, BigDecimal> aprPercent, int negativeRebaseDay,
            int negativeRebaseBps, int skippedLidoReportDay, long historyBlockSeconds, long blockTimeSeconds,
            int beaconValidators, int rocketPoolBalancesUpgradeDay, int depegLiveMinutes) {
        this(historyDays, aprPercent, negativeRebaseDay, negativeRebaseBps, skippedLidoReportDay, historyBlockSeconds,
                blockTimeSeconds, beaconValidators, rocketPoolBalancesUpgradeDay, depegLiveMinutes, 0);
    }

    /** The second depeg ends inside the history. */
    public DevchainParameters(int historyDays, Map<String, BigDecimal> aprPercent, int negativeRebaseDay,
            int negativeRebaseBps, int skippedLidoReportDay, long historyBlockSeconds, long blockTimeSeconds,
            int beaconValidators, int rocketPoolBalancesUpgradeDay) {
        this(historyDays, aprPercent, negativeRebaseDay, negativeRebaseBps, skippedLidoReportDay, historyBlockSeconds,
                blockTimeSeconds, beaconValidators, rocketPoolBalancesUpgradeDay, 0);
    }

    /** No upgrade of RocketNetworkBalances. */
    public DevchainParameters(int historyDays, Map<String, BigDecimal> aprPercent, int negativeRebaseDay,
            int negativeRebaseBps, int skippedLidoReportDay, long historyBlockSeconds, long blockTimeSeconds,
            int beaconValidators) {
        this(historyDays, aprPercent, negativeRebaseDay, negativeRebaseBps, skippedLidoReportDay, historyBlockSeconds,
                blockTimeSeconds, beaconValidators, NO_UPGRADE);
    }

    /** The default beacon chain: {@link SimulatedBeacon#VALIDATORS} validators. */
    public DevchainParameters(int historyDays, Map<String, BigDecimal> aprPercent, int negativeRebaseDay,
            int negativeRebaseBps, int skippedLidoReportDay, long historyBlockSeconds, long blockTimeSeconds) {
        this(historyDays, aprPercent, negativeRebaseDay, negativeRebaseBps, skippedLidoReportDay, historyBlockSeconds,
                blockTimeSeconds, SimulatedBeacon.VALIDATORS);
    }

    /** The defaults for {@code historyDays}: the negative rebase mid-history, the missed report a third in. */
    public static DevchainParameters defaults(int historyDays) {
        return new DevchainParameters(historyDays, Map.of(),
                defaultNegativeRebaseDay(historyDays), DEFAULT_NEGATIVE_REBASE_BPS,
                defaultSkippedReportDay(historyDays), DEFAULT_HISTORY_BLOCK_SECONDS, DEFAULT_BLOCK_TIME_SECONDS);
    }

    /** The same simulation with another block time after the history (0: blocks only on demand, for tests). */
    public DevchainParameters withBlockTime(long seconds) {
        return new DevchainParameters(historyDays, aprPercent, negativeRebaseDay, negativeRebaseBps,
                skippedLidoReportDay, historyBlockSeconds, seconds, beaconValidators, rocketPoolBalancesUpgradeDay,
                depegLiveMinutes, genesisBlock);
    }

    /** The same simulation with {@code count} beacon validators. */
    public DevchainParameters withBeaconValidators(int count) {
        return new DevchainParameters(historyDays, aprPercent, negativeRebaseDay, negativeRebaseBps,
                skippedLidoReportDay, historyBlockSeconds, blockTimeSeconds, count, rocketPoolBalancesUpgradeDay,
                depegLiveMinutes, genesisBlock);
    }

    /** The same simulation with Rocket Pool's RocketNetworkBalances upgraded on history day {@code day}. */
    public DevchainParameters withRocketPoolBalancesUpgradeDay(int day) {
        return new DevchainParameters(historyDays, aprPercent, negativeRebaseDay, negativeRebaseBps,
                skippedLidoReportDay, historyBlockSeconds, blockTimeSeconds, beaconValidators, day, depegLiveMinutes, genesisBlock);
    }

    /** The same simulation with empty blocks every {@code seconds} between the history's events. */
    public DevchainParameters withHistoryBlockSeconds(long seconds) {
        return new DevchainParameters(historyDays, aprPercent, negativeRebaseDay, negativeRebaseBps,
                skippedLidoReportDay, seconds, blockTimeSeconds, beaconValidators, rocketPoolBalancesUpgradeDay,
                depegLiveMinutes, genesisBlock);
    }

    /** The same simulation with the second depeg ending {@code minutes} after the devchain is ready (0: before the head). */
    public DevchainParameters withDepegLiveMinutes(int minutes) {
        return new DevchainParameters(historyDays, aprPercent, negativeRebaseDay, negativeRebaseBps,
                skippedLidoReportDay, historyBlockSeconds, blockTimeSeconds, beaconValidators, rocketPoolBalancesUpgradeDay,
                minutes, genesisBlock);
    }

    /** The same simulation on a chain whose first block is {@code number}. */
    public DevchainParameters withGenesisBlock(long number) {
        return new DevchainParameters(historyDays, aprPercent, negativeRebaseDay, negativeRebaseBps,
                skippedLidoReportDay, historyBlockSeconds, blockTimeSeconds, beaconValidators, rocketPoolBalancesUpgradeDay,
                depegLiveMinutes, number);
    }

    /**
     * How many past states anvil keeps ({@link AnvilProcess#start(int, long, int)}). Every block's when the empty
     * blocks of the history come at most once every {@link #ARCHIVE_MIN_BLOCK_SECONDS} seconds (the default: every
     * 4 hours): the devchain is then an archive node, which backfill and the tracker's Rocket Pool emitter search
     * can read at any block. The last {@link #DENSE_KEPT_STATES} for a denser history, whose archive would not fit
     * (the n-th block's state holds n block hashes, so an archive grows with the square of the chain's length).
     */
    public int keptStates() {
        return historyBlockSeconds >= ARCHIVE_MIN_BLOCK_SECONDS ? AnvilProcess.ARCHIVE : DENSE_KEPT_STATES;
    }

    /** The APR of {@code poolId}: the override if one was given, else the pool's own default. */
    public BigDecimal aprPercent(String poolId, BigDecimal defaultPercent) {
        return aprPercent.getOrDefault(poolId, defaultPercent);
    }

    public static int defaultNegativeRebaseDay(int historyDays) {
        return historyDays >= 2 ? historyDays / 2 : -1;
    }

    public static int defaultSkippedReportDay(int historyDays) {
        return historyDays >= 4 ? historyDays / 3 : -1;
    }

    private static void requireApr(String flag, BigDecimal apr) {
        if (apr == null || apr.compareTo(new BigDecimal("-50")) < 0 || apr.compareTo(new BigDecimal("100")) > 0) {
            throw new IllegalArgumentException(flag + " must be a percentage between -50 and 100, got " + apr);
        }
    }
}
