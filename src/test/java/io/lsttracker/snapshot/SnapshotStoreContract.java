package io.lsttracker.snapshot;

import io.lsttracker.db.StoreException;
import io.lsttracker.db.TestDatabases;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.LidoDetails;
import io.lsttracker.domain.PoolId;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Snapshot;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every SnapshotStore database must do; run on H2 and on PostgreSQL by the subclasses. */
abstract class SnapshotStoreContract {
    static final PoolId LIDO = new PoolId("lido");
    static final PoolId RP = new PoolId("rocketpool");
    static final BigInteger UINT256_MAX = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);
    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    private TestDatabases.TestDatabase database;
    SnapshotStore store;

    abstract TestDatabases.TestDatabase open();

    @BeforeEach
    void openDatabase() {
        database = open();
        store = database.bean(JdbcSnapshotStore.class);
    }

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }

    static Snapshot snapshot(long number, String hashByte, Instant time, BigInteger lidoRate) {
        LidoDetails details = new LidoDetails(new BigInteger("7615596809374944493357809"), BigInteger.valueOf(285_300),
                BigInteger.valueOf(285_284), new BigInteger("9127500123000000000000000"));
        return new Snapshot(1, new BlockRef(number, "0x" + hashByte.repeat(32), time), List.of(
                PoolState.ok(LIDO, lidoRate, new BigInteger("9318401576165240059448242"), UINT256_MAX, details),
                PoolState.failed(RP, "RocketStorage.getAddress at 0x1d8f... reverted")));
    }

    @Test
    void storesASnapshotWholeAndReadsItBackExactly() {
        Snapshot snapshot = snapshot(100, "ab", T0, new BigInteger("1223594395739820484"));
        assertEquals(SnapshotStore.SaveOutcome.STORED, store.save(snapshot));
        Snapshot read = store.latest().orElseThrow();
        assertEquals(snapshot.block(), read.block());
        assertEquals(1, read.chainId());
        PoolState lido = read.pools().stream().filter(p -> p.id().equals(LIDO)).findFirst().orElseThrow();
        assertEquals(snapshot.pools().get(0), lido);
        assertEquals(UINT256_MAX, lido.tokenSupply(), "a uint256 survives the round trip exactly");
        assertEquals(List.of("totalShares", "depositedValidators", "beaconValidators", "beaconBalance"),
                List.copyOf(lido.details().figures().keySet()));
        PoolState rp = read.pools().stream().filter(p -> p.id().equals(RP)).findFirst().orElseThrow();
        assertEquals(snapshot.pools().get(1), rp);
        assertEquals(Optional.of(snapshot.block()), store.head());
    }

    @Test
    void theSameBlockTwiceIsStoredOnce() throws Exception {
        Snapshot snapshot = snapshot(100, "ab", T0, BigInteger.TEN.pow(18));
        assertEquals(SnapshotStore.SaveOutcome.STORED, store.save(snapshot));
        assertEquals(SnapshotStore.SaveOutcome.ALREADY_STORED, store.save(snapshot));
        assertEquals(1, count("snapshot"));
        assertEquals(2, count("pool_state"));
    }

    @Test
    void twoCyclesRacingForTheSameBlockStoreItOnce() throws Exception {
        Snapshot snapshot = snapshot(100, "ab", T0, BigInteger.TEN.pow(18));
        CyclicBarrier start = new CyclicBarrier(2);
        Callable<SnapshotStore.SaveOutcome> save = () -> {
            start.await();
            return store.save(snapshot);
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<SnapshotStore.SaveOutcome> a = pool.submit(save);
            Future<SnapshotStore.SaveOutcome> b = pool.submit(save);
            List<SnapshotStore.SaveOutcome> outcomes = new ArrayList<>(List.of(a.get(), b.get()));
            outcomes.sort(null);
            assertEquals(List.of(SnapshotStore.SaveOutcome.STORED, SnapshotStore.SaveOutcome.ALREADY_STORED), outcomes);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, count("snapshot"));
        assertEquals(2, count("pool_state"));
    }

    @Test
    void aReorgedBlockIsReplacedWhole() throws Exception {
        store.save(snapshot(100, "ab", T0, BigInteger.TEN.pow(18)));
        Snapshot canonical = snapshot(100, "cd", T0.plusSeconds(1), BigInteger.TEN.pow(18).add(BigInteger.ONE));
        assertEquals(SnapshotStore.SaveOutcome.REPLACED, store.save(canonical));
        assertEquals(canonical.block(), store.latest().orElseThrow().block());
        assertEquals(canonical.pools().get(0).ethPerToken(), store.latest().orElseThrow().pools().stream()
                .filter(p -> p.id().equals(LIDO)).findFirst().orElseThrow().ethPerToken());
        assertEquals(1, count("snapshot"));
        assertEquals(2, count("pool_state"));
    }

    @Test
    void aSnapshotThatCannotBeStoredLeavesNothingBehind() throws Exception {
        store.save(snapshot(99, "aa", T0, BigInteger.TEN.pow(18)));
        PoolState lido = PoolState.ok(LIDO, BigInteger.ONE, BigInteger.ONE, BigInteger.ONE);
        // the same pool twice breaks the primary key on the second pool row, after the snapshot row went in
        Snapshot broken = new Snapshot(1, new BlockRef(100, "0x" + "ee".repeat(32), T0.plusSeconds(60)), List.of(lido, lido));
        assertThrows(StoreException.class, () -> store.save(broken));
        assertEquals(1, count("snapshot"));
        assertEquals(2, count("pool_state"));
        assertEquals(99, store.head().orElseThrow().number());
    }

    @Test
    void historyKeepsTheLastOkReadingOfEachBucket() {
        // readings every 20 minutes for 3 hours; the rate is the reading's minute count, so each is recognisable
        for (int minute = 0; minute < 180; minute += 20) {
            store.save(snapshot(1000 + minute, String.format("%02x", minute), T0.plusSeconds(minute * 60L),
                    BigInteger.valueOf(minute)));
        }
        List<HistoryPoint> hourly = store.history(LIDO, T0, T0.plus(Duration.ofHours(3)), Duration.ofHours(1));
        // buckets [0,60) [60,120) [120,180): their last readings are minutes 40, 100, 160
        assertEquals(List.of(40L, 100L, 160L), hourly.stream().map(p -> p.ethPerToken().longValue()).toList());
        assertEquals(List.of(1040L, 1100L, 1160L), hourly.stream().map(HistoryPoint::blockNumber).toList());
        assertEquals(T0.plusSeconds(40 * 60), hourly.get(0).time());

        // 'from' is inclusive, 'to' exclusive
        List<HistoryPoint> window = store.history(LIDO, T0.plusSeconds(20 * 60), T0.plusSeconds(100 * 60), Duration.ofMinutes(20));
        assertEquals(List.of(20L, 40L, 60L, 80L), window.stream().map(p -> p.ethPerToken().longValue()).toList());

        assertEquals(List.of(), store.history(RP, T0, T0.plus(Duration.ofHours(3)), Duration.ofHours(1)),
                "failed readings are not history");
        assertEquals(List.of(), store.history(LIDO, T0.plus(Duration.ofDays(1)), T0.plus(Duration.ofDays(2)), Duration.ofHours(1)));
    }

    @Test
    void reportsItselfReachable() {
        assertTrue(store.isReachable());
    }

    long count(String table) throws Exception {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }
}
