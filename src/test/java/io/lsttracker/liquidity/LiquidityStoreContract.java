package io.lsttracker.liquidity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.db.TestDatabases;
import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.LiquidityAnswers;
import io.lsttracker.domain.LiquidityAnswers.ExitAnswers;
import io.lsttracker.domain.LiquidityAnswers.LidoQueueAnswers;
import io.lsttracker.domain.LiquidityAnswers.MarketAnswers;
import io.lsttracker.domain.LiquidityAnswers.PoolAnswers;
import io.lsttracker.domain.LiquidityAnswers.Quoted;
import io.lsttracker.domain.PoolId;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Snapshot;
import io.lsttracker.domain.Wei;
import io.lsttracker.liquidity.LiquidityFigures.Market;
import io.lsttracker.pool.PoolRegistry;
import io.lsttracker.snapshot.JdbcSnapshotStore;
import io.lsttracker.snapshot.SnapshotStore;
import io.micronaut.transaction.exceptions.TransactionException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Liquidity figures stored with their snapshot, on H2 and PostgreSQL (subclasses), read back through the history. */
abstract class LiquidityStoreContract {
    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final BigInteger E18 = Wei.ONE_ETHER;
    private static final PoolId LIDO = new PoolId("lido");
    private static final PoolId ROCKETPOOL = new PoolId("rocketpool");
    private static final PoolId COINBASE = new PoolId("coinbase");

    private TestDatabases.TestDatabase database;
    private JdbcSnapshotStore snapshots;
    private LiquidityStore store;
    private LiquidityRecording recording;
    private PoolRegistry pools;
    private Markets markets;

    abstract TestDatabases.TestDatabase open();

    @BeforeEach
    void openDatabase() {
        database = open();
        snapshots = database.bean(JdbcSnapshotStore.class);
        store = database.bean(LiquidityStore.class);
        recording = database.bean(LiquidityRecording.class);
        pools = database.bean(PoolRegistry.class);
        markets = database.bean(Markets.class);
    }

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }

    private static List<Quoted> ladder(Function<BigInteger, BigInteger> out) {
        List<Quoted> ladder = new ArrayList<>();
        for (BigInteger size : LiquidityMath.LADDER) {
            ladder.add(Quoted.answered(size, out.apply(size)));
        }
        return ladder;
    }

    /**
     * Lido: stETH sells at {@code lidoPrice} ETH at every size, {@code waiting} requests in the queue, the oldest an
     * hour old; Rocket Pool: its market reverts, 2,500 ETH of collateral; Coinbase: its pool failed, so its
     * market has no rate to be quoted against.
     */
    static Snapshot snapshot(long number, String hashByte, Instant time, String lidoPrice, long waiting) {
        BigInteger price = Wei.fromEther(lidoPrice);
        List<Quoted> reverting = new ArrayList<>(ladder(x -> x.multiply(E18)));
        reverting.set(0, Quoted.failed(BigInteger.ONE, "selling 1 rETH: CurveCryptoSwap.get_dy at 0x0f31 reverted"));
        LiquidityAnswers answers = new LiquidityAnswers(List.of(
                new PoolAnswers(LIDO, Optional.of(new MarketAnswers("curve-steth-eth", ladder(x -> x.multiply(price)))),
                        Optional.of(new ExitAnswers(Optional.empty(), Optional.empty(), Optional.of(
                                new LidoQueueAnswers(Wei.fromEther("31337.5"), BigInteger.valueOf(500 + waiting),
                                        BigInteger.valueOf(500), Optional.of(time.getEpochSecond() - 3_600)))))),
                new PoolAnswers(ROCKETPOOL, Optional.of(new MarketAnswers("curve-reth-eth", reverting)),
                        Optional.of(new ExitAnswers(Optional.empty(), Optional.of(Wei.fromEther("2500")),
                                Optional.empty()))),
                new PoolAnswers(COINBASE, Optional.of(new MarketAnswers("curve-cbeth-eth", ladder(x -> x.multiply(E18)))),
                        Optional.empty())));
        return new Snapshot(1, new BlockRef(number, "0x" + hashByte.repeat(32), time), List.of(
                PoolState.ok(LIDO, E18, Wei.fromEther("60"), Wei.fromEther("60")),
                PoolState.ok(ROCKETPOOL, Wei.fromEther("1.1"), Wei.fromEther("33"), Wei.fromEther("30")),
                PoolState.failed(COINBASE, "exchangeRate() reverted")), answers);
    }

    private SnapshotStore.SaveOutcome save(Snapshot snapshot) {
        return snapshots.save(snapshot, List.of(recording.prepare(snapshot)));
    }

    private StoredLiquidity freshHistory() {
        return new StoredLiquidity(pools, markets, store, Optional.empty());
    }

    @Test
    void figuresAreStoredWithTheSnapshotAndReadBackExactly() {
        Snapshot snapshot = snapshot(100, "aa", T0, "0.99", 12);
        assertEquals(SnapshotStore.SaveOutcome.STORED, save(snapshot));
        List<LiquidityFigures> expected = SnapshotLiquidity.of(snapshot, pools, markets);
        assertEquals(pools.pools().size(), expected.size(), "every configured pool");
        List<LiquidityFigures> latest = freshHistory().latest();
        assertEquals(expected, latest, "loaded from the database, in pools.yml order");

        // Hand check of what was stored. Lido: 0.99 ETH a stETH redeemed 1:1 is (0.99 - 1) x 10,000 = -100 bps at
        // every size, so the whole ladder is within 1%; 512 - 500 = 12 requests waiting, the oldest 3,600 s old.
        Market lido = latest.get(0).market().orElseThrow();
        assertEquals(List.of(new BigDecimal("-100.00"), new BigDecimal("-100.00"), new BigDecimal("-100.00")),
                lido.quotes().stream().map(LiquidityFigures.Quote::discountBps).toList());
        assertEquals(Wei.fromEther("9900"), lido.quotes().get(2).ethOutWei());
        assertEquals(Optional.of(BigInteger.valueOf(1_000_000)), lido.depthTokens());
        assertEquals(Optional.empty(), lido.depthBelowTokens());
        LiquidityFigures.WithdrawalQueue queue = latest.get(0).exit().orElseThrow().queue().orElseThrow();
        assertEquals(new LiquidityFigures.WithdrawalQueue(Wei.fromEther("31337.5"), 12, Optional.of(3_600L)), queue);
        // Rocket Pool: the market failed with its reason, the exit still read
        LiquidityFigures rocket = latest.get(1);
        assertEquals(Optional.of("selling 1 rETH: CurveCryptoSwap.get_dy at 0x0f31 reverted"),
                rocket.market().orElseThrow().failure());
        assertEquals(Optional.of(Wei.fromEther("2500")), rocket.exit().orElseThrow().liquidEthWei());
        // Coinbase: no rate, so no quote; a pool with neither market nor exit reads back empty
        assertTrue(latest.get(2).market().orElseThrow().failure().orElseThrow().startsWith("no redemption rate"));
        LiquidityFigures swell = latest.stream().filter(f -> f.pool().value().equals("swell")).findFirst().orElseThrow();
        assertEquals(new LiquidityFigures(swell.pool(), snapshot.block(), Optional.empty(), Optional.empty()), swell);
        assertEquals("0x" + "aa".repeat(32), latest.get(0).block().hash());
    }

    @Test
    void aSnapshotReadWithoutMarketsStoresNoLiquidity() {
        Snapshot plain = snapshot(100, "aa", T0, "0.99", 1);
        Snapshot withoutLiquidity = new Snapshot(plain.chainId(), plain.block(), plain.pools());
        assertEquals(SnapshotStore.SaveOutcome.STORED, save(withoutLiquidity));
        assertEquals(List.of(), store.newest());
        assertEquals(List.of(), freshHistory().latest());
    }

    @Test
    void historyIsOldestFirstWithTheNewestWithinTheLimit() {
        for (int i = 0; i < 4; i++) {
            save(snapshot(100 + i, "0" + i, T0.plus(Duration.ofHours(i)), "0.9" + i, i));
        }
        // blocks 100..103 at T0 + 0..3 h: [T0, T0 + 3h) holds 100..102, the newest two are 101 and 102
        List<LiquidityFigures> two = store.history(LIDO, T0, T0.plus(Duration.ofHours(3)), 2);
        assertEquals(List.of(101L, 102L), two.stream().map(f -> f.block().number()).toList());
        // block 101: 0.91 ETH a stETH, (0.91 - 1) x 10,000 = -900 bps
        assertEquals(new BigDecimal("-900.00"), two.get(0).market().orElseThrow().oneToken().orElseThrow().discountBps());
        assertEquals(4, store.history(LIDO, T0, T0.plus(Duration.ofDays(1)), 10).size());
        assertEquals(List.of(), store.history(LIDO, T0.minusSeconds(60), T0, 10));
        assertEquals(List.of(), store.history(new PoolId("swell"), T0, T0.plus(Duration.ofDays(1)), 10));
        assertEquals(SnapshotLiquidity.of(snapshot(103, "03", T0.plus(Duration.ofHours(3)), "0.93", 3), pools, markets)
                .get(1), store.history(ROCKETPOOL, T0, T0.plus(Duration.ofDays(1)), 1).get(0));
    }

    @Test
    void historyPerIntervalIsTheLastSnapshotOfEachBucketAlignedToTheEpoch() {
        // T0 is 2026-11-01T00:00:00Z, a whole number of hours since the epoch: hourly buckets start at T0 + n h.
        save(snapshot(100, "00", T0, "0.90", 0));
        save(snapshot(101, "01", T0.plus(Duration.ofMinutes(30)), "0.91", 1));
        save(snapshot(102, "02", T0.plus(Duration.ofHours(1)).minusSeconds(1), "0.92", 2));
        save(snapshot(103, "03", T0.plus(Duration.ofHours(1)), "0.93", 3));
        save(snapshot(104, "04", T0.plus(Duration.ofMinutes(190)), "0.94", 4));
        save(snapshot(105, "05", T0.plus(Duration.ofMinutes(230)), "0.95", 5));
        Instant end = T0.plus(Duration.ofHours(4));
        // [T0, +1h): 100, 101, 102 -> 102; [+1h, +2h): 103; [+2h, +3h): none; [+3h, +4h): 104 (3h10), 105 (3h50) -> 105
        List<LiquidityFigures> hourly = store.history(LIDO, T0, end, Duration.ofHours(1));
        assertEquals(List.of(102L, 103L, 105L), hourly.stream().map(f -> f.block().number()).toList());
        // 102: 0.92 ETH a stETH, (0.92 - 1) x 10,000 = -800 bps; 105: (0.95 - 1) x 10,000 = -500 bps
        assertEquals(new BigDecimal("-800.00"), lidoDiscount(hourly.subList(0, 1)));
        assertEquals(new BigDecimal("-500.00"), lidoDiscount(hourly.subList(2, 3)));
        // the whole figures, as stored: 105's Rocket Pool (failed market, exit read), with its block's hash
        Snapshot last = snapshot(105, "05", T0.plus(Duration.ofMinutes(230)), "0.95", 5);
        assertEquals(SnapshotLiquidity.of(last, pools, markets).get(0), hourly.get(2));
        assertEquals(List.of(SnapshotLiquidity.of(last, pools, markets).get(1)),
                store.history(ROCKETPOOL, T0.plus(Duration.ofHours(3)), end, Duration.ofHours(1)));
        // Buckets are aligned to the epoch, not to from: from T0 + 30 min to T0 + 3h50 (105 left out), the first
        // bucket is [T0 + 30 min, T0 + 1h) with 101 and 102 -> 102, then 103, then [+3h, +3h50): 104.
        assertEquals(List.of(102L, 103L, 104L), store.history(LIDO, T0.plus(Duration.ofMinutes(30)),
                T0.plus(Duration.ofMinutes(230)), Duration.ofHours(1)).stream().map(f -> f.block().number()).toList());
        // Two hours: [T0, +2h) holds 100..103 -> 103; [+2h, +4h) holds 104, 105 -> 105
        assertEquals(List.of(103L, 105L), store.history(LIDO, T0, end, Duration.ofHours(2)).stream()
                .map(f -> f.block().number()).toList());
        // a day: the last of all, 105
        assertEquals(List.of(105L), store.history(LIDO, T0, T0.plus(Duration.ofDays(1)), Duration.ofDays(1)).stream()
                .map(f -> f.block().number()).toList());
        assertEquals(List.of(), store.history(LIDO, T0.minusSeconds(3600), T0, Duration.ofMinutes(1)));
        assertEquals(List.of(), store.history(new PoolId("swell"), T0, end, Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> store.history(LIDO, T0, end, Duration.ofMillis(500)));
        // the history bean reads the same
        assertEquals(hourly, database.bean(LiquidityHistory.class).history(LIDO, T0, end, Duration.ofHours(1)));
    }

    @Test
    void aReorgReplacesTheFiguresWithTheSnapshot() {
        save(snapshot(100, "aa", T0, "0.99", 1));
        StoredLiquidity history = freshHistory();
        assertEquals(new BigDecimal("-100.00"), lidoDiscount(history.latest()));
        Snapshot replacement = snapshot(100, "bb", T0, "0.95", 2);
        history.reorganised(100);
        assertEquals(SnapshotStore.SaveOutcome.REPLACED, save(replacement));
        history.recorded(replacement, SnapshotStore.SaveOutcome.REPLACED);
        assertEquals(SnapshotLiquidity.of(replacement, pools, markets), history.latest());
        assertEquals(SnapshotLiquidity.of(replacement, pools, markets), freshHistory().latest());
        assertEquals("0x" + "bb".repeat(32), store.newest().get(0).block().hash());
    }

    @Test
    void theLatestFollowsTheRecordedSnapshotsAndNeverGoesBack() {
        StoredLiquidity history = freshHistory();
        assertEquals(List.of(), history.latest());
        Snapshot first = snapshot(100, "aa", T0, "0.99", 1);
        save(first);
        history.recorded(first, SnapshotStore.SaveOutcome.STORED);
        Snapshot second = snapshot(101, "ab", T0.plusSeconds(12), "0.98", 1);
        save(second);
        history.recorded(second, SnapshotStore.SaveOutcome.STORED);
        assertEquals(new BigDecimal("-200.00"), lidoDiscount(history.latest()));
        // a backfill records an older block after: the latest stays the newest block
        Snapshot older = snapshot(90, "90", T0.minusSeconds(120), "0.50", 1);
        save(older);
        history.recorded(older, SnapshotStore.SaveOutcome.STORED);
        assertEquals(101, history.latest().get(0).block().number());
        assertEquals(Optional.empty(), history.latestExitQueue(), "no beacon exit queue without a beacon reading");
        assertEquals(List.of(), history.exitQueueHistory(T0, T0.plusSeconds(60), 10));
    }

    /** A revert reason quoted at length must not fail the snapshot's transaction: it is stored cut, marked. */
    @Test
    void aFailureLongerThanItsColumnIsStoredCutAndTheSnapshotWithIt() {
        Snapshot plain = snapshot(100, "aa", T0, "0.99", 1);
        String reason = "selling 1 rETH: CurveCryptoSwap.get_dy at 0x0f31 reverted: " + "x".repeat(3000);
        List<Quoted> reverting = new ArrayList<>(ladder(x -> x.multiply(E18)));
        reverting.set(0, Quoted.failed(BigInteger.ONE, reason));
        Snapshot snapshot = new Snapshot(plain.chainId(), plain.block(), plain.pools(), new LiquidityAnswers(List.of(
                new PoolAnswers(ROCKETPOOL, Optional.of(new MarketAnswers("curve-reth-eth", reverting)),
                        Optional.empty()))));
        assertEquals(SnapshotStore.SaveOutcome.STORED, save(snapshot));
        String stored = store.newest().get(0).market().orElseThrow().failure().orElseThrow();
        String marker = "… (" + reason.length() + " characters, cut)";
        assertEquals(reason.substring(0, LiquidityStore.FAILURE_CHARS - marker.length()) + marker, stored);
    }

    @Test
    void figuresAreWrittenOnlyInTheSnapshotsTransaction() {
        Snapshot snapshot = snapshot(100, "aa", T0, "0.99", 1);
        snapshots.save(snapshot);
        assertThrows(TransactionException.class, recording.prepare(snapshot)::store,
                "figures stored on their own, outside a snapshot's save");
        assertEquals(List.of(), store.newest());
    }

    @Test
    void theHistoryBeanStartsWithoutABeaconExitQueue() {
        LiquidityHistory history = database.bean(LiquidityHistory.class);
        assertEquals(Optional.empty(), history.latestExitQueue());
        assertEquals(List.of(), history.latest());
    }

    private static BigDecimal lidoDiscount(List<LiquidityFigures> figures) {
        return figures.get(0).market().orElseThrow().oneToken().orElseThrow().discountBps();
    }
}
