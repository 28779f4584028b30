package io.lsttracker.rewards;

import io.lsttracker.db.StoreException;
import io.lsttracker.db.TestDatabases;
import io.lsttracker.snapshot.JdbcSnapshotStore;
import io.lsttracker.snapshot.SnapshotStore;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.chain.EventLog;
import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.PoolId;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Snapshot;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every RewardStore database must do; run on H2 and on PostgreSQL by the subclasses. */
abstract class RewardStoreContract {
    static final PoolId LIDO = new PoolId("lido");
    static final PoolId CB = new PoolId("coinbase");
    static final String EVENT = "TokenRebased";

    private TestDatabases.TestDatabase database;
    RewardStore store;
    SnapshotStore snapshots;

    abstract TestDatabases.TestDatabase open();

    @BeforeEach
    void openDatabase() {
        database = open();
        store = database.bean(JdbcRewardStore.class);
        snapshots = database.bean(JdbcSnapshotStore.class);
    }

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }

    static EventLog log(long block, long index) {
        // A full-size TokenRebased log: two topics and six 32-byte words, the largest value a uint256 holds.
        String word = "f".repeat(64);
        return new EventLog("0xae7ab96520de3a18e5e111b5eaab095312d7fe84", block, "0x" + String.format("%064x", block),
                index, List.of("0xff08c3ef606d198e316ef5b822193c489965899eb4e3c248cea1a4626c3eda50",
                        String.format("0x%064x", block * 12)), "0x" + word.repeat(6));
    }

    @Test
    void pagesAndCursorsAreStoredTogetherAndReadBackInChainOrder() {
        assertEquals(Optional.empty(), store.cursor(LIDO, EVENT));
        assertEquals(Optional.empty(), store.indexedFrom(LIDO, EVENT));
        store.savePage(LIDO, EVENT, List.of(log(120, 3), log(110, 0)), 100, 1999);
        store.savePage(LIDO, EVENT, List.of(), 100, 3999);
        // A later reading (after a restart) goes on from the cursor: where the first one began stays.
        store.savePage(LIDO, EVENT, List.of(log(4000, 1)), 4000, 5999);
        assertEquals(Optional.of(5999L), store.cursor(LIDO, EVENT));
        assertEquals(Optional.of(100L), store.indexedFrom(LIDO, EVENT));
        assertEquals(Optional.empty(), store.cursor(CB, EVENT), "cursors are per pool");
        assertEquals(List.of(log(110, 0), log(120, 3), log(4000, 1)), store.events(LIDO, EVENT));
        assertEquals(List.of(), store.events(LIDO, "BalancesUpdated"));
    }

    @Test
    void aPageThatFailsLeavesNeitherItsLogsNorItsCursor() {
        store.savePage(LIDO, EVENT, List.of(log(110, 0)), 0, 1999);
        // The same log again violates the key: the whole page, cursor included, rolls back.
        assertThrows(StoreException.class,
                () -> store.savePage(LIDO, EVENT, List.of(log(2500, 0), log(110, 0)), 0, 3999));
        assertEquals(Optional.of(1999L), store.cursor(LIDO, EVENT));
        assertEquals(List.of(log(110, 0)), store.events(LIDO, EVENT));
    }

    @Test
    void aReorgForgetsEventsFromTheReplacedBlockOnAndRewindsTheCursor() {
        store.savePage(LIDO, EVENT, List.of(log(100, 0), log(200, 0), log(300, 0)), 50, 400);
        store.rewindTo(200);
        assertEquals(List.of(log(100, 0)), store.events(LIDO, EVENT));
        assertEquals(Optional.of(199L), store.cursor(LIDO, EVENT));
    }

    @Test
    void rateChangesAreTheSnapshotsWhereTheRateMoved() {
        Instant t0 = Instant.parse("2026-11-01T00:00:00Z");
        BigInteger[] rates = {wei(1_100), wei(1_100), wei(1_101), null, wei(1_101), wei(1_102), wei(1_102)};
        for (int i = 0; i < rates.length; i++) {
            PoolState state = rates[i] == null ? PoolState.failed(CB, "call reverted")
                    : PoolState.ok(CB, rates[i], wei(1_000_000), wei(900_000));
            snapshots.save(new Snapshot(1, new BlockRef(10 + i, "0x" + String.format("%064x", i),
                    t0.plusSeconds(3600L * i)), List.of(state)));
        }
        // The first reading, then the blocks whose rate differs from the last successful reading before them
        // (the failed block 13 is skipped, so 14 repeats 12's rate and is no change).
        List<SnapshotSteps.Reading> changes = store.rateChanges(CB);
        assertEquals(List.of(10L, 12L, 15L), changes.stream().map(SnapshotSteps.Reading::block).toList());
        assertEquals(wei(1_102), changes.get(2).ethPerToken());
        assertEquals(t0.plusSeconds(5 * 3600), changes.get(2).time());
        assertTrue(store.rateChanges(LIDO).isEmpty());
    }

    private static BigInteger wei(long milliEth) {
        return BigInteger.valueOf(milliEth).multiply(BigInteger.TEN.pow(15));
    }
}
