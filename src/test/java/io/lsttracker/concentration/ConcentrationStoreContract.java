package io.lsttracker.concentration;

import io.lsttracker.db.StoreException;
import io.lsttracker.db.TestDatabases;
import io.lsttracker.snapshot.JdbcSnapshotStore;
import io.lsttracker.snapshot.SnapshotFigures;
import io.lsttracker.snapshot.SnapshotStore;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.beacon.TotalStaked;
import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.NodeOperator;
import io.lsttracker.domain.PoolId;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.RocketPoolDetails;
import io.lsttracker.domain.Snapshot;
import io.lsttracker.domain.Wei;
import io.micronaut.transaction.exceptions.TransactionException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Concentration figures stored with their snapshot, on H2 and PostgreSQL (subclasses). */
abstract class ConcentrationStoreContract {
    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    private TestDatabases.TestDatabase database;
    private JdbcSnapshotStore snapshots;
    private ConcentrationStore concentration;

    abstract TestDatabases.TestDatabase open();

    @BeforeEach
    void openDatabase() {
        database = open();
        snapshots = database.bean(JdbcSnapshotStore.class);
        concentration = database.bean(ConcentrationStore.class);
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

    /** lido 60 ETH, rocketpool 30, coinbase 10 (ETH behind each token), swell failed. */
    static Snapshot snapshot(long number, String hashByte, Instant time, long lidoEth) {
        return new Snapshot(1, new BlockRef(number, "0x" + hashByte.repeat(32), time), List.of(
                PoolState.ok(new PoolId("lido"), Wei.ONE_ETHER, eth(lidoEth), eth(lidoEth)),
                PoolState.ok(new PoolId("rocketpool"), Wei.ONE_ETHER, eth(30), eth(25)),
                PoolState.ok(new PoolId("coinbase"), Wei.ONE_ETHER, eth(10), eth(9)),
                PoolState.failed(new PoolId("swell"), "swETHToETHRate() reverted")));
    }

    @Test
    void figuresAreStoredWithTheSnapshotAndReadBackExactly() {
        Snapshot snapshot = snapshot(100, "aa", T0, 60);
        ConcentrationReport report = SnapshotConcentration.of(snapshot,
                Optional.of(new TotalStaked(12_345, eth(400), 5)), null);
        assertEquals(SnapshotStore.SaveOutcome.STORED, snapshots.save(snapshot, List.of(concentration.figures(report))));
        ConcentrationReport read = concentration.latest().orElseThrow();
        assertEquals(report, read);
        // Hand check of what was stored: of 100 tracked ETH, lido 0.6, rocketpool 0.3, coinbase 0.1,
        // HHI 3600 + 900 + 100 = 4600; of 400 staked: 0.15, 0.075, 0.025, HHI 4600 / 16 = 287.5,
        // other 300 ETH = 0.75; swell is missing.
        assertEquals(new BigDecimal("0.600000000000000000"), read.pools().get(0).shareOfLsts());
        assertEquals(Optional.of(new BigDecimal("0.075000000000000000")), read.pools().get(1).shareOfStaked());
        assertEquals(new BigDecimal("4600.000000"), read.amongLsts().hhi());
        assertEquals(new BigDecimal("287.500000"), read.amongStaked().orElseThrow().hhi());
        assertEquals(Optional.of(eth(300)), read.other());
        assertEquals(Optional.of(new BigDecimal("0.750000000000000000")), read.otherShare());
        assertEquals(List.of(new PoolId("swell")), read.missingPools());
        assertEquals(Optional.of(report), concentration.at(100));
        assertEquals(Optional.empty(), concentration.at(101));
    }

    @Test
    void withoutATotalStakedTheReasonIsKept() {
        Snapshot snapshot = snapshot(100, "aa", T0, 60);
        ConcentrationReport report = SnapshotConcentration.of(snapshot, Optional.empty(), "no beacon node is configured");
        snapshots.save(snapshot, List.of(concentration.figures(report)));
        ConcentrationReport read = concentration.latest().orElseThrow();
        assertEquals(report, read);
        assertEquals(Optional.of("no beacon node is configured"), read.stakedAbsent());
        assertEquals(Optional.empty(), read.pools().get(0).shareOfStaked());
    }

    /**
     * A beacon answer quoted at length in the reason (a 3,000-character balance) or a pool failure longer than its
     * column used to fail the whole snapshot's transaction; now they are stored cut, marked with their length.
     */
    @Test
    void aReasonLongerThanItsColumnIsStoredCutAndTheSnapshotWithIt() {
        String balance = "9".repeat(3000);
        String reason = "the beacon node failed for block 100: validator 7 has balance '" + balance + "'";
        String failure = "swETHToETHRate() reverted: 0x" + "ab".repeat(2500);
        Snapshot read = new Snapshot(1, new BlockRef(100, "0x" + "aa".repeat(32), T0), List.of(
                PoolState.ok(new PoolId("lido"), Wei.ONE_ETHER, eth(60), eth(60)),
                PoolState.failed(new PoolId("swell"), failure)));
        ConcentrationReport report = SnapshotConcentration.of(read, Optional.empty(), reason);
        assertEquals(SnapshotStore.SaveOutcome.STORED, snapshots.save(read, List.of(concentration.figures(report))));
        String stored = concentration.at(100).orElseThrow().stakedAbsent().orElseThrow();
        assertEquals(2000, stored.length());
        String marker = "… (" + reason.length() + " characters, cut)";
        assertEquals(reason.substring(0, 2000 - marker.length()) + marker, stored);
        String storedFailure = snapshots.latest().orElseThrow().pools().get(1).failure();
        assertEquals(4000, storedFailure.length());
        assertTrue(storedFailure.startsWith("swETHToETHRate() reverted: 0xabab"), storedFailure.substring(0, 40));
        assertTrue(storedFailure.endsWith("… (" + failure.length() + " characters, cut)"));
    }

    @Test
    void aReorgReplacesTheFiguresWithTheSnapshot() {
        Snapshot first = snapshot(100, "aa", T0, 60);
        snapshots.save(first, List.of(concentration.figures(SnapshotConcentration.of(first, Optional.empty(), "none"))));
        Snapshot replacement = snapshot(100, "bb", T0, 160);
        ConcentrationReport report = SnapshotConcentration.of(replacement,
                Optional.of(new TotalStaked(1, eth(1000), 1)), null);
        assertEquals(SnapshotStore.SaveOutcome.REPLACED, snapshots.save(replacement, List.of(concentration.figures(report))));
        assertEquals(Optional.of(report), concentration.at(100));
        assertEquals("0x" + "bb".repeat(32), concentration.at(100).orElseThrow().block().hash());
    }

    @Test
    void figuresThatCannotBeStoredLeaveNoSnapshotBehind() {
        Snapshot snapshot = snapshot(100, "aa", T0, 60);
        ConcentrationReport good = SnapshotConcentration.of(snapshot, Optional.empty(), "none");
        List<ConcentrationReport.PoolShare> twice = new ArrayList<>(good.pools());
        twice.add(good.pools().get(0)); // the same pool twice breaks the primary key of concentration_pool
        ConcentrationReport broken = new ConcentrationReport(good.block(), twice, good.missingPools(),
                good.amongLsts(), good.staked(), good.amongStaked(), good.stakedAbsent());
        StoreException e = assertThrows(StoreException.class, () -> snapshots.save(snapshot, List.of(concentration.figures(broken))));
        assertTrue(e.getMessage().contains("block 100"), e.getMessage());
        assertEquals(Optional.empty(), snapshots.head(), "the snapshot was rolled back with its figures");
        assertEquals(Optional.empty(), concentration.latest());
        assertEquals(SnapshotStore.SaveOutcome.STORED, snapshots.save(snapshot, List.of(concentration.figures(good))));
    }

    @Test
    void figuresAreWrittenOnlyInTheSnapshotsTransaction() {
        Snapshot snapshot = snapshot(100, "aa", T0, 60);
        snapshots.save(snapshot);
        SnapshotFigures.Prepared figures = concentration.figures(SnapshotConcentration.of(snapshot, Optional.empty(), "none"));
        assertThrows(TransactionException.class, figures::store, "figures stored on their own, outside a snapshot's save");
        assertEquals(Optional.empty(), concentration.latest());
    }

    @Test
    void historyKeepsTheLastFiguresOfEachBucket() {
        long[][] blocks = {{1, 0, 60}, {2, 3_600, 70}, {3, 86_400 + 60, 80}};
        for (long[] b : blocks) {
            Snapshot s = snapshot(b[0], "0" + b[0], T0.plusSeconds(b[1]), b[2]);
            snapshots.save(s, List.of(concentration.figures(SnapshotConcentration.of(s, Optional.empty(), "none"))));
        }
        List<ConcentrationReport> points = concentration.history(T0, T0.plus(Duration.ofDays(2)), Duration.ofDays(1));
        assertEquals(List.of(2L, 3L), points.stream().map(p -> p.block().number()).toList());
        // Block 2: lido 70 of 70 + 30 + 10 = 110 ETH -> 7/11 = 0.636363636363636364 (half-even at 18 decimals).
        assertEquals(new BigDecimal("0.636363636363636364"), points.get(0).amongLsts().largestShare());
        assertEquals(List.of(), concentration.history(T0.minusSeconds(10), T0, Duration.ofHours(1)));
    }

    /** The snapshot of {@link #snapshot} with Lido's operators and Rocket Pool's counts read at the same block. */
    static Snapshot withOperators(Snapshot plain) {
        List<PoolState> pools = new ArrayList<>(plain.pools());
        pools.set(0, pools.get(0).withOperators(List.of(
                new NodeOperator(NodeOperator.CURATED, 0, "Alpha", "0x00000000000000000000000000000000000000a1", true,
                        700, 100),
                new NodeOperator(NodeOperator.CURATED, 1, "Beta", "0x00000000000000000000000000000000000000a2", true,
                        100, 0),
                new NodeOperator(NodeOperator.SIMPLE_DVT, 0, "Cluster 'D'", "0x00000000000000000000000000000000000000a3",
                        true, 200, 0),
                new NodeOperator(NodeOperator.COMMUNITY_STAKING, 0, "CSM operator 0",
                        "0x00000000000000000000000000000000000000a4", true, 104, 4))));
        PoolState rp = pools.get(1);
        pools.set(1, PoolState.ok(rp.id(), rp.ethPerToken(), rp.totalEth(), rp.tokenSupply(), new RocketPoolDetails(
                eth(25), eth(27), BigInteger.valueOf(99), Optional.of(new RocketPoolDetails.NodeCounts(
                        BigInteger.valueOf(4012), BigInteger.valueOf(35210), BigInteger.valueOf(28280),
                        BigInteger.valueOf(28050))))));
        return new Snapshot(plain.chainId(), plain.block(), pools);
    }

    @Test
    void operatorFiguresAreStoredWithTheSnapshotAndReadBackExactly() {
        Snapshot snapshot = withOperators(snapshot(100, "aa", T0, 60));
        ConcentrationReport report = SnapshotConcentration.of(snapshot, Optional.empty(), "none");
        snapshots.save(snapshot, List.of(concentration.figures(report)));
        ConcentrationReport read = concentration.latest().orElseThrow();
        assertEquals(report, read);
        // Alpha 600, Cluster 'D' 200, Beta 100, CSM operator 0 100 of 1,000: HHI = 10,000 x (36 + 4 + 1 + 1) / 100
        // = 4,200; permissionless (CSM) 100 of 1,000 = 0.1
        LidoOperators lido = read.lidoOperators().orElseThrow();
        assertEquals(4, lido.operators());
        assertEquals(1_000, lido.activeValidators());
        assertEquals(new BigDecimal("4200.000000"), lido.measures().hhi());
        assertEquals(Long.valueOf(100), lido.permissionlessValidators());
        assertEquals(Optional.of(new BigDecimal("0.100000000000000000")), lido.permissionlessShare());
        assertEquals(List.of("Alpha", "Cluster 'D'", "Beta", "CSM operator 0"),
                lido.largest().stream().map(o -> o.name()).toList());
        assertEquals(new BigDecimal("0.600000000000000000"), lido.largest().get(0).share());
        assertEquals(Optional.of(new RocketPoolNodes(4012, 35210, 28280, 28050)), read.rocketPool());
        List<ConcentrationReport> history = concentration.history(T0, T0.plusSeconds(60), Duration.ofHours(1));
        assertEquals(List.of(report), history);
    }

    @Test
    void aReorgWithoutOperatorsLeavesNoneOfTheOldOnes() {
        Snapshot first = withOperators(snapshot(100, "aa", T0, 60));
        snapshots.save(first, List.of(concentration.figures(SnapshotConcentration.of(first, Optional.empty(), "none"))));
        Snapshot replacement = snapshot(100, "bb", T0, 160);
        ConcentrationReport report = SnapshotConcentration.of(replacement, Optional.empty(), "none");
        assertEquals(SnapshotStore.SaveOutcome.REPLACED, snapshots.save(replacement, List.of(concentration.figures(report))));
        ConcentrationReport read = concentration.at(100).orElseThrow();
        assertEquals(Optional.empty(), read.lidoOperators());
        assertEquals(Optional.empty(), read.rocketPool());
        assertEquals(report, read);
    }
    /** A total staked of 400 ETH at {@code slot} with {@code exiting} of its 160 ETH of effective balance waiting. */
    static TotalStaked withQueue(long slot, long exitingValidators, long exitingEth) {
        return new TotalStaked(slot, eth(400), 5, Optional.of(new TotalStaked.ExitQueue(exitingValidators,
                eth(exitingEth), eth(160))));
    }

    private void store(long number, long atSecond, Optional<TotalStaked> staked) {
        Snapshot s = snapshot(number, String.format("%02x", number), T0.plusSeconds(atSecond), 60);
        snapshots.save(s, List.of(concentration.figures(SnapshotConcentration.of(s, staked, "beacon node down"))));
    }

    @Test
    void theExitQueueIsStoredWithTheTotalAndReadBackExactly() {
        Snapshot snapshot = snapshot(100, "aa", T0, 60);
        // 2 validators waiting with 64 ETH of the 160 ETH of effective balance; the wei is kept to the wei.
        TotalStaked total = new TotalStaked(12_345, eth(400), 5, Optional.of(new TotalStaked.ExitQueue(2,
                eth(64).add(BigInteger.ONE), eth(160).add(BigInteger.TWO))));
        ConcentrationReport report = SnapshotConcentration.of(snapshot, Optional.of(total), null);
        snapshots.save(snapshot, List.of(concentration.figures(report)));
        assertEquals(report, concentration.latest().orElseThrow());
        assertEquals(Optional.of(total), concentration.at(100).orElseThrow().staked());
        assertEquals(Optional.of(new ConcentrationStore.ExitQueueReading(snapshot.block(), 12_345,
                total.exitQueue().orElseThrow())), concentration.latestExitQueue());
    }

    @Test
    void theExitQueuesHistoryHasEachSlotOnceAtItsFirstBlockWithTheLimitInSql() {
        // Block 100 and 101 share the reading of slot 10 (one epoch, read once); 102 has none (the node was down);
        // 103 reads slot 15; 104 is a total without a queue (as stored before V95); 105 and 106 read slot 20.
        store(100, 0, Optional.of(withQueue(10, 1, 32)));
        store(101, 60, Optional.of(withQueue(10, 1, 32)));
        store(102, 120, Optional.empty());
        store(103, 180, Optional.of(withQueue(15, 2, 64)));
        store(104, 240, Optional.of(new TotalStaked(18, eth(400), 5)));
        store(105, 300, Optional.of(withQueue(20, 0, 0)));
        store(106, 360, Optional.of(withQueue(20, 0, 0)));
        Instant end = T0.plus(Duration.ofHours(1));
        List<ConcentrationStore.ExitQueueReading> all = concentration.exitQueueHistory(T0, end, 10);
        assertEquals(List.of(100L, 103L, 105L), all.stream().map(r -> r.block().number()).toList());
        assertEquals(List.of(10L, 15L, 20L), all.stream().map(ConcentrationStore.ExitQueueReading::slot).toList());
        assertEquals("0x" + "67".repeat(32), all.get(1).block().hash()); // 103 = 0x67
        assertEquals(T0.plusSeconds(180), all.get(1).block().timestamp());
        assertEquals(new TotalStaked.ExitQueue(2, eth(64), eth(160)), all.get(1).queue());
        // The limit keeps the newest readings, still oldest first.
        assertEquals(List.of(103L, 105L), concentration.exitQueueHistory(T0, end, 2).stream()
                .map(r -> r.block().number()).toList());
        // A window that starts inside slot 10's run finds it at its first block in the window: 101.
        assertEquals(List.of(101L, 103L), concentration.exitQueueHistory(T0.plusSeconds(60), T0.plusSeconds(181), 10)
                .stream().map(r -> r.block().number()).toList());
        assertEquals(List.of(), concentration.exitQueueHistory(T0.minusSeconds(60), T0, 10));
        assertThrows(IllegalArgumentException.class, () -> concentration.exitQueueHistory(T0, end, 0));
        // The newest reading is slot 20's, at its first block.
        ConcentrationStore.ExitQueueReading latest = concentration.latestExitQueue().orElseThrow();
        assertEquals(105, latest.block().number());
        assertEquals(20, latest.slot());
        assertEquals(new TotalStaked.ExitQueue(0, BigInteger.ZERO, eth(160)), latest.queue());
    }

    @Test
    void theExitQueuesHistoryPerIntervalIsTheLastReadingOfEachBucketEachReadingOnce() {
        // Buckets of 5 minutes from T0 (2026-11-01T00:00:00Z, a multiple of 300 s): [0, 300), [300, 600), [600, 900).
        // Slot 10 is read at 0 s (100, reused by 101); slot 15 at 240 s (102, reused by 103 at 290 s and 104 at
        // 310 s, in the next bucket); 105 has no reading; slot 20 at 420 s (106); slot 25 at 700 s (107).
        store(100, 0, Optional.of(withQueue(10, 1, 32)));
        store(101, 60, Optional.of(withQueue(10, 1, 32)));
        store(102, 240, Optional.of(withQueue(15, 2, 64)));
        store(103, 290, Optional.of(withQueue(15, 2, 64)));
        store(104, 310, Optional.of(withQueue(15, 2, 64)));
        store(105, 350, Optional.empty());
        store(106, 420, Optional.of(withQueue(20, 0, 0)));
        store(107, 700, Optional.of(withQueue(25, 3, 96)));
        Instant end = T0.plus(Duration.ofHours(1));
        // The readings at their first block: 100 (0 s), 102 (240 s), 106 (420 s), 107 (700 s). Bucket [0, 300): 100
        // and 102, the last is 102; [300, 600): 106 only (slot 15's 104 is not a new reading); [600, 900): 107.
        List<ConcentrationStore.ExitQueueReading> perFive = concentration.exitQueueHistory(T0, end,
                Duration.ofMinutes(5));
        assertEquals(List.of(102L, 106L, 107L), perFive.stream().map(r -> r.block().number()).toList());
        assertEquals(List.of(15L, 20L, 25L), perFive.stream().map(ConcentrationStore.ExitQueueReading::slot).toList());
        assertEquals(new TotalStaked.ExitQueue(3, eth(96), eth(160)), perFive.get(2).queue());
        assertEquals("0x" + "6b".repeat(32), perFive.get(2).block().hash()); // 107 = 0x6b
        assertEquals(T0.plusSeconds(700), perFive.get(2).block().timestamp());
        // From 290 s, slot 15's first snapshot in the range is 103 (290 s, bucket [0, 300)), alone in its bucket.
        assertEquals(List.of(103L, 106L, 107L), concentration.exitQueueHistory(T0.plusSeconds(290), end,
                Duration.ofMinutes(5)).stream().map(r -> r.block().number()).toList());
        // One hour holds all four readings: the last is 107's.
        assertEquals(List.of(107L), concentration.exitQueueHistory(T0, end, Duration.ofHours(1)).stream()
                .map(r -> r.block().number()).toList());
        // [0, 700) leaves 107 out: the last of [600, 900) is none, so two points.
        assertEquals(List.of(102L, 106L), concentration.exitQueueHistory(T0, T0.plusSeconds(700),
                Duration.ofMinutes(5)).stream().map(r -> r.block().number()).toList());
        assertEquals(List.of(), concentration.exitQueueHistory(T0.minusSeconds(60), T0, Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> concentration.exitQueueHistory(T0, end, Duration.ZERO));
    }

    @Test
    void withoutAnyQueueStoredThereIsNoReading() {
        store(100, 0, Optional.empty());
        store(101, 60, Optional.of(new TotalStaked(18, eth(400), 5)));
        assertEquals(Optional.empty(), concentration.latestExitQueue());
        assertEquals(List.of(), concentration.exitQueueHistory(T0, T0.plusSeconds(3600), 10));
    }

    @Test
    void aReorgReplacesTheExitQueueWithItsSnapshot() {
        store(100, 0, Optional.of(withQueue(10, 1, 32)));
        Snapshot replacement = snapshot(100, "bb", T0, 60);
        snapshots.save(replacement, List.of(concentration.figures(SnapshotConcentration.of(replacement,
                Optional.of(withQueue(10, 3, 96)), null))));
        ConcentrationStore.ExitQueueReading latest = concentration.latestExitQueue().orElseThrow();
        assertEquals("0x" + "bb".repeat(32), latest.block().hash());
        assertEquals(new TotalStaked.ExitQueue(3, eth(96), eth(160)), latest.queue());
    }
}
