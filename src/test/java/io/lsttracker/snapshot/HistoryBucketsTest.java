package io.lsttracker.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lsttracker.db.TestDatabases;
import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.PoolId;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Snapshot;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The history query's buckets on H2: the last OK reading of each bucket, whatever the range's alignment, and
 * never fewer buckets than the range holds (the query caps its groups at the most the range can hold).
 */
class HistoryBucketsTest {
    private static final PoolId LIDO = new PoolId("lido");
    private static final PoolId ROCKETPOOL = new PoolId("rocketpool");
    /** A UTC midnight: hourly snapshots for four days from here. */
    private static final long DAY0 = Instant.parse("2026-11-01T00:00:00Z").getEpochSecond();
    private static final int HOURS = 96;
    /** Lido's read failed at this hour (the last of day 1), so day 1's last OK reading is the hour before. */
    private static final int FAILED_HOUR = 47;

    private static TestDatabases.TestDatabase database;
    private static JdbcSnapshotStore store;
    private static final List<HistoryPoint> LIDO_ROWS = new ArrayList<>();

    @BeforeAll
    static void storeFourDays() {
        database = TestDatabases.h2();
        store = database.bean(JdbcSnapshotStore.class);
        for (int hour = 0; hour < HOURS; hour++) {
            long number = 1_000 + hour * 300L;
            Instant time = Instant.ofEpochSecond(DAY0 + hour * 3600L);
            BigInteger rate = BigInteger.TEN.pow(18).add(BigInteger.valueOf(hour));
            BigInteger supply = BigInteger.TEN.pow(24).add(BigInteger.valueOf(hour));
            PoolState lido = hour == FAILED_HOUR ? PoolState.failed(LIDO, "eth_call reverted")
                    : PoolState.ok(LIDO, rate, supply.multiply(rate).divide(BigInteger.TEN.pow(18)), supply);
            PoolState rocketpool = PoolState.ok(ROCKETPOOL, rate.add(BigInteger.ONE), supply, supply);
            store.save(new Snapshot(1, new BlockRef(number, "0x%064x".formatted(number), time), List.of(lido, rocketpool)));
            if (lido.isOk()) {
                LIDO_ROWS.add(new HistoryPoint(number, time, lido.ethPerToken(), lido.totalEth(), lido.tokenSupply()));
            }
        }
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @Test
    void aRangeOffTheBucketEdgesKeepsEveryBucketItTouches() {
        // 23:00 on day 0 to 01:00 on day 3 touches four days: 23:00, day 1 (its 22:00: 23:00 failed), day 2 and 00:00.
        List<HistoryPoint> points = store.history(LIDO, at(23), at(72 + 1), Duration.ofDays(1));

        assertEquals(List.of(at(23), at(FAILED_HOUR - 1), at(71), at(72)), points.stream().map(HistoryPoint::time).toList());
    }

    @Test
    void everyBucketIsTheLastOkReadingInIt() {
        long[][] ranges = {{0, HOURS}, {5, 77}, {23, 25}, {46, 49}, {1, 2}};
        Duration[] intervals = {Duration.ofHours(1), Duration.ofHours(5), Duration.ofDays(1), Duration.ofDays(2),
            Duration.ofMinutes(7)};
        for (long[] range : ranges) {
            for (Duration interval : intervals) {
                assertEquals(lastPerBucket(at(range[0]), at(range[1]), interval),
                        store.history(LIDO, at(range[0]), at(range[1]), interval),
                        "hours " + range[0] + " to " + range[1] + " at " + interval);
            }
        }
    }

    @Test
    void aRangeWithoutReadingsIsEmpty() {
        assertEquals(List.of(), store.history(LIDO, at(HOURS + 10), at(HOURS + 20), Duration.ofHours(1)));
        assertEquals(List.of(), store.history(LIDO, at(FAILED_HOUR), at(FAILED_HOUR + 1), Duration.ofDays(1)));
    }

    /** The same answer computed the obvious way: every row of the range, the last one per bucket. */
    private static List<HistoryPoint> lastPerBucket(Instant from, Instant to, Duration interval) {
        TreeMap<Long, HistoryPoint> last = new TreeMap<>();
        for (HistoryPoint row : LIDO_ROWS) {
            long t = row.time().getEpochSecond();
            if (t >= from.getEpochSecond() && t < to.getEpochSecond()) {
                last.put(t / interval.getSeconds(), row);
            }
        }
        return List.copyOf(last.values());
    }

    private static Instant at(long hour) {
        return Instant.ofEpochSecond(DAY0 + hour * 3600);
    }
}
