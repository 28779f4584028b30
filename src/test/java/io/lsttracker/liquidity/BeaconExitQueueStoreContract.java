package io.lsttracker.liquidity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lsttracker.beacon.TotalStaked;
import io.lsttracker.concentration.ConcentrationStore;
import io.lsttracker.concentration.SnapshotConcentration;
import io.lsttracker.db.TestDatabases;
import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.PoolId;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Snapshot;
import io.lsttracker.domain.Wei;
import io.lsttracker.snapshot.JdbcSnapshotStore;
import io.lsttracker.snapshot.SnapshotFigures;
import io.lsttracker.snapshot.SnapshotRecorder;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link StoredBeaconExitQueues} on H2 and PostgreSQL (subclasses): snapshots recorded through the real recorder and
 * store, each with the concentration figures of a total staked the test gives for its block (a fake of our own
 * {@link SnapshotFigures} standing for the beacon read), the exit queue then read back as the API and gauges see it.
 */
abstract class BeaconExitQueueStoreContract {
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:11Z");
    private static final long SLOT = 13_000_000;

    private TestDatabases.TestDatabase database;
    private ConcentrationStore concentration;
    private SnapshotRecorder recorder;
    private StoredBeaconExitQueues queues;
    /** What the beacon node "answers" for each block number. */
    private final Map<Long, TotalStaked> beacon = new ConcurrentHashMap<>();

    abstract TestDatabases.TestDatabase open();

    @BeforeEach
    void openDatabase() {
        database = open();
        concentration = database.bean(ConcentrationStore.class);
        queues = new StoredBeaconExitQueues(concentration);
        SnapshotFigures figures = snapshot -> concentration.figures(SnapshotConcentration.of(snapshot,
                Optional.ofNullable(beacon.get(snapshot.block().number())), "no beacon reading in this test"));
        recorder = new SnapshotRecorder(database.bean(JdbcSnapshotStore.class), List.of(figures), List.of(queues));
    }

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }

    private static BigInteger eth(long ether) {
        return BigInteger.valueOf(ether).multiply(Wei.ONE_ETHER);
    }

    private static Snapshot snapshot(long number, String hashByte, long atSecond) {
        return new Snapshot(1, new BlockRef(number, "0x" + hashByte.repeat(32), T0.plusSeconds(atSecond)), List.of(
                PoolState.ok(new PoolId("lido"), Wei.ONE_ETHER, eth(9_000_000), eth(9_000_000))));
    }

    /** 12,000,000 ETH staked and active (effective), {@code exiting} validators of 32 ETH waiting. */
    private static TotalStaked reading(long slot, long exiting) {
        return new TotalStaked(slot, eth(12_000_000), 375_000, Optional.of(new TotalStaked.ExitQueue(exiting,
                eth(32 * exiting), eth(12_000_000))));
    }

    @Test
    void theNewestReadingIsHeldAsSnapshotsAreRecordedAndReadAgainAtStart() {
        assertEquals(Optional.empty(), queues.latest());
        Snapshot first = snapshot(100, "a0", 0);
        beacon.put(100L, reading(SLOT, 1_000));
        recorder.record(first);
        // 1,000 validators x 32 ETH = 32,000 ETH waiting; churn 12,000,000 / 65,536 = 183.1 -> 183 ETH an epoch;
        // 32,000 / (183 x 225 = 41,175) = 0.7772 days -> 0.78.
        LiquidityFigures.BeaconExitQueue growing = new LiquidityFigures.BeaconExitQueue(SLOT, first.block(), 1_000,
                eth(32_000), eth(183), new BigDecimal("0.78"));
        assertEquals(Optional.of(growing), queues.latest());
        // The next snapshot of the same epoch reuses the reading: still the first block's.
        beacon.put(101L, reading(SLOT, 1_000));
        recorder.record(snapshot(101, "a1", 12));
        assertEquals(Optional.of(growing), queues.latest());
        // A snapshot without a beacon reading keeps the newest reading there is.
        recorder.record(snapshot(102, "a2", 24));
        assertEquals(Optional.of(growing), queues.latest());
        // The next epoch: the queue has drained.
        Snapshot drainedAt = snapshot(103, "a3", 400);
        beacon.put(103L, reading(SLOT + 32, 0));
        recorder.record(drainedAt);
        LiquidityFigures.BeaconExitQueue drained = new LiquidityFigures.BeaconExitQueue(SLOT + 32, drainedAt.block(),
                0, BigInteger.ZERO, eth(183), new BigDecimal("0.00"));
        assertEquals(Optional.of(drained), queues.latest());
        assertEquals(List.of(growing, drained), queues.history(T0, T0.plusSeconds(3600), 10));
        assertEquals(List.of(drained), queues.history(T0, T0.plusSeconds(3600), 1));
        assertEquals(List.of(growing), queues.history(T0, T0.plusSeconds(400), 10));
        // Per interval: the readings' first blocks are at 00:00:11 and 00:06:51; in buckets of 5 minutes from
        // 00:00:00 they fall in [0, 300) and [300, 600), so both; in one hour's bucket the last, drained, alone.
        assertEquals(List.of(growing, drained), queues.history(T0, T0.plusSeconds(3600), Duration.ofMinutes(5)));
        assertEquals(List.of(drained), queues.history(T0, T0.plusSeconds(3600), Duration.ofHours(1)));
        // After a restart the newest reading is read from the database.
        assertEquals(Optional.of(drained), new StoredBeaconExitQueues(concentration).latest());
    }

    @Test
    void aReorgReplacesTheHeldReading() {
        beacon.put(100L, reading(SLOT, 10));
        recorder.record(snapshot(100, "a0", 0));
        assertEquals(10, queues.latest().orElseThrow().exitingValidators());
        recorder.reorganised(100);
        beacon.put(100L, reading(SLOT, 20));
        Snapshot replacement = snapshot(100, "b0", 0);
        recorder.record(replacement);
        // 20 x 32 = 640 ETH at 183 ETH an epoch: 640 / 41,175 = 0.0155 days -> 0.02.
        assertEquals(Optional.of(new LiquidityFigures.BeaconExitQueue(SLOT, replacement.block(), 20, eth(640),
                eth(183), new BigDecimal("0.02"))), queues.latest());
    }
}
