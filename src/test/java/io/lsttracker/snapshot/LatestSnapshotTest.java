package io.lsttracker.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.lsttracker.db.TestDatabases;
import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.Snapshot;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The newest snapshot in memory: read from the store once, not once per request, and always what the store answers
 * after a new block, a reorg that replaces the newest block, and a backfill of older blocks.
 */
class LatestSnapshotTest {
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private TestDatabases.TestDatabase database;
    private CountingStore store;
    private LatestSnapshot latest;
    private SnapshotRecorder recorder;

    @BeforeEach
    void open() {
        database = TestDatabases.h2();
        store = new CountingStore(database.bean(JdbcSnapshotStore.class));
        latest = new LatestSnapshot(store);
        recorder = new SnapshotRecorder(store, List.of(latest));
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static Snapshot at(long number, String hashByte) {
        return SnapshotStoreContract.snapshot(number, hashByte, T0.plus(Duration.ofSeconds(12 * number)),
                new BigInteger("1223594395739820484").add(BigInteger.valueOf(number)));
    }

    @Test
    void readsTheStoreOnceUntilSomethingIsRecorded() {
        assertEquals(Optional.empty(), latest.get());
        recorder.record(at(100, "aa"));
        int reads = store.latestReads.get();
        assertEquals(store.delegate.latest(), latest.get());
        for (int i = 0; i < 100; i++) {
            latest.get();
        }
        assertEquals(reads + 1, store.latestReads.get(), "one read of the store for 101 answers");
    }

    @Test
    void aNewBlockAReorgAndABackfillEachLeaveTheStoresAnswer() {
        recorder.record(at(100, "aa"));
        assertEquals(100, latest.get().orElseThrow().block().number());
        long generation = latest.generation();

        recorder.record(at(101, "bb"));
        assertNotEquals(generation, latest.generation());
        assertEquals(new BlockRef(101, "0x" + "bb".repeat(32), T0.plusSeconds(12 * 101)), latest.get().orElseThrow().block());

        recorder.reorganised(101);
        assertEquals(SnapshotStore.SaveOutcome.REPLACED, recorder.record(at(101, "cc")));
        assertEquals("0x" + "cc".repeat(32), latest.get().orElseThrow().block().hash(), "the replacement, not the orphan");

        recorder.recordAll(List.of(at(50, "dd"), at(51, "ee")));
        assertEquals(store.delegate.latest(), latest.get(), "older blocks leave the newest one newest");
        assertEquals(101, latest.get().orElseThrow().block().number());
    }

    /** The store, counting how often its newest snapshot is read. */
    private static final class CountingStore implements SnapshotStore {
        final SnapshotStore delegate;
        final AtomicInteger latestReads = new AtomicInteger();

        CountingStore(SnapshotStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public SaveOutcome save(Snapshot snapshot, List<SnapshotFigures.Prepared> figures) {
            return delegate.save(snapshot, figures);
        }

        @Override
        public Optional<BlockRef> head() {
            return delegate.head();
        }

        @Override
        public Optional<Snapshot> latest() {
            latestReads.incrementAndGet();
            return delegate.latest();
        }

        @Override
        public List<HistoryPoint> history(io.lsttracker.domain.PoolId pool, Instant from, Instant to, Duration interval) {
            return delegate.history(pool, from, to, interval);
        }

        @Override
        public boolean isReachable() {
            return delegate.isReachable();
        }
    }
}
