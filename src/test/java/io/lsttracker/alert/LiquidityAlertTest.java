package io.lsttracker.alert;

import static io.lsttracker.api.LiquidityFixtures.block;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.api.FakeLiquidityHistory;
import io.lsttracker.api.LiquidityFixtures;
import io.lsttracker.concentration.ConcentrationStore;
import io.lsttracker.concentration.SnapshotConcentration;
import io.lsttracker.db.TestDatabases;
import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.PoolId;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Snapshot;
import io.lsttracker.domain.Wei;
import io.lsttracker.entity.EntityRegistryLoader;
import io.lsttracker.entity.LatestEntityReading;
import io.lsttracker.pool.PoolRegistryLoader;
import io.lsttracker.snapshot.JdbcSnapshotStore;
import io.lsttracker.snapshot.SnapshotListener;
import io.lsttracker.snapshot.SnapshotStore;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packaged liquidity rules through the alert service, over a real store (H2 and PostgreSQL) and the fake
 * liquidity history: market-discount-over-100bps fires only once lido's one-token discount has been below -100 bps
 * at every snapshot for an hour, also across a restart of the service (the hold is judged from the stored history,
 * not from the service's memory), and resolves at -90 bps; a failed market is no news; exit-wait-over-14-days fires
 * at once above 14 days and resolves at 13.
 */
class LiquidityAlertTest {
    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    private static final BigInteger TEN = Wei.ONE_ETHER.multiply(BigInteger.TEN);

    /** The alert service of the packaged rules over {@code database}, with {@code liquidity} as its history. */
    private static AlertService service(TestDatabases.TestDatabase database, FakeLiquidityHistory liquidity) {
        AlertService service = new AlertService(AlertConfigLoader.load(null, EntityRegistryLoader.load(null)),
                database.bean(AlertRepository.class), database.bean(ConcentrationStore.class),
                PoolRegistryLoader.load(null), database.bean(LatestEntityReading.class));
        service.liquidity(liquidity);
        return service;
    }

    private static TestDatabases.TestDatabase database(String kind) {
        return kind.equals("H2") ? TestDatabases.h2() : TestDatabases.postgres();
    }

    @ParameterizedTest
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void aDiscountFiresAfterItsHourAcrossARestartAndResolves(String kind) {
        try (TestDatabases.TestDatabase database = database(kind)) {
            AlertRepository repository = database.bean(AlertRepository.class);
            FakeLiquidityHistory liquidity = new FakeLiquidityHistory();
            Supplier<AlertService> start = () -> service(database, liquidity);
            Recorder at = new Recorder(database, liquidity);
            AlertService service = start.get();

            // One snapshot every 10 minutes. Minute 0: -50 bps, above -100: nothing.
            at.minute(service, 0, "-50.00");
            // Minute 10: the first below -100. Minutes 20 to 60 below too, with a failed market at 30 (no news):
            // the run below began at minute 10, so up to minute 60 it has lasted 50 minutes, less than the hour.
            at.minute(service, 10, "-120.00");
            at.minute(service, 20, "-130.00");
            at.minute(service, 30, null);
            at.minute(service, 40, "-150.00");
            at.minute(service, 50, "-140.00");
            at.minute(service, 60, "-125.00");
            assertEquals(List.of(), events(repository), "not before the hour");

            // The tracker restarts: a new service, with only what is stored. At minute 70 the run below has lasted
            // 60 minutes (10 to 70): it fires now, not an hour after the restart.
            // From here the history's memory lags a snapshot behind (as when its listener is heard after the alert
            // service's): the figures at the snapshot's block are read from the store.
            service = start.get();
            liquidity.lagLatest(true);
            at.minute(service, 70, "-110.00");
            assertEquals(List.of("market-discount-over-100bps lido FIRING -110"), events(repository));
            AlertEvent fired = repository.events(Optional.empty(), 10).get(0);
            assertEquals(Optional.of(1_070L), fired.blockNumber());
            assertEquals(T0.plusSeconds(70 * 60), fired.occurredAt());
            assertTrue(fired.message().startsWith("lido's market price of one token against what it redeems for "
                    + "(bps, negative: a discount) is -110, below -100 at every reading for 1h or more (rule "
                    + "market-discount-over-100bps)"), fired.message());

            // Resolving takes -100 + 10 = -90 bps or better: -95 keeps it firing, -90 resolves it.
            at.minute(service, 80, "-95.00");
            assertEquals(1, events(repository).size());
            at.minute(service, 90, "-90.00");
            assertEquals(List.of("market-discount-over-100bps lido FIRING -110",
                    "market-discount-over-100bps lido RESOLVED -90"), events(repository));
            // Below again: a new run, which must last its own hour.
            at.minute(service, 100, "-300.00");
            assertEquals(2, events(repository).size());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void aBackfillIsHistoryNotNewsButItsStoredReadingsCountForTheHold(String kind) {
        try (TestDatabases.TestDatabase database = database(kind)) {
            AlertRepository repository = database.bean(AlertRepository.class);
            FakeLiquidityHistory liquidity = new FakeLiquidityHistory();
            AlertService service = service(database, liquidity);
            Recorder at = new Recorder(database, liquidity);
            // A fresh database backfilled: a whole episode below -100 (minutes 10 to 130) and back (140), then below
            // again from minute 150. None of it is news: nothing fires or resolves while it is filled in.
            at.minute(service, 0, "-50.00", true);
            for (int minute = 10; minute <= 130; minute += 10) {
                at.minute(service, minute, "-150.00", true);
            }
            at.minute(service, 140, "-20.00", true);
            for (int minute = 150; minute <= 210; minute += 10) {
                at.minute(service, minute, "-120.00", true);
            }
            assertEquals(List.of(), events(repository), "a backfill posts no past episode");
            // The first live snapshot, at minute 220: below since minute 150 by the stored readings, 70 minutes, over
            // the hour: it fires at once.
            at.minute(service, 220, "-130.00");
            assertEquals(List.of("market-discount-over-100bps lido FIRING -130"), events(repository));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void aValueStandsUntilTheNextReadingSoASparseHistoryShowsTheRun(String kind) {
        try (TestDatabases.TestDatabase database = database(kind)) {
            FakeLiquidityHistory liquidity = new FakeLiquidityHistory();
            AlertService service = service(database, liquidity);
            Recorder at = new Recorder(database, liquidity);
            // A backfill's point at minute 0 (-150), then nothing stored for over two hours (the history's blocks are
            // hours apart), then the first live snapshot at minute 130 (-150). The look-back of 2 x 1h reaches back
            // to minute 10 only, but -150 stood from minute 0 until 130: below for 130 minutes, so it fires.
            at.minute(service, 0, "-150.00", true);
            at.minute(service, 130, "-150.00");
            assertEquals(List.of("market-discount-over-100bps lido FIRING -150"), events(database.bean(
                    AlertRepository.class)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void anExitWaitOver14DaysFiresAtOnceAndResolvesAt13(String kind) {
        try (TestDatabases.TestDatabase database = database(kind)) {
            AlertRepository repository = database.bean(AlertRepository.class);
            FakeLiquidityHistory liquidity = new FakeLiquidityHistory();
            AlertService service = service(database, liquidity);
            Recorder at = new Recorder(database, liquidity);
            // 806,400 ETH at 256 ETH an epoch: 806,400 / 57,600 = 14 days exactly, not above 14: nothing.
            liquidity.store(LiquidityFixtures.exitQueue(9_000_000, block(1_000, T0), 25_200, "806400", "256",
                    "14.00"));
            at.minute(service, 0, "-1.00");
            assertEquals(List.of(), events(repository));
            // 835,200 ETH: 835,200 / 57,600 = 14.5 days: fires.
            liquidity.store(LiquidityFixtures.exitQueue(9_000_050, block(1_010, T0.plusSeconds(600)), 26_100,
                    "835200", "256", "14.50"));
            at.minute(service, 10, "-1.00");
            assertEquals(List.of("exit-wait-over-14-days network FIRING 14.5"), events(repository));
            // 777,600 ETH: 13.5 days, above 14 - 1: still firing. 748,800 ETH: 13 days: resolved.
            liquidity.store(LiquidityFixtures.exitQueue(9_000_100, block(1_020, T0.plusSeconds(1200)), 24_300,
                    "777600", "256", "13.50"));
            at.minute(service, 20, "-1.00");
            liquidity.store(LiquidityFixtures.exitQueue(9_000_150, block(1_030, T0.plusSeconds(1800)), 23_400,
                    "748800", "256", "13.00"));
            at.minute(service, 30, "-1.00");
            assertEquals(List.of("exit-wait-over-14-days network FIRING 14.5",
                    "exit-wait-over-14-days network RESOLVED 13"), events(repository));
        }
    }

    /** The events stored, oldest first, as "rule subject kind value". */
    private static List<String> events(AlertRepository repository) {
        return repository.events(Optional.empty(), 50).stream()
                .sorted(Comparator.comparing(AlertEvent::occurredAt).thenComparing(e -> e.kind().name()))
                .map(e -> e.ruleId() + " " + e.subject() + " " + e.kind() + " "
                        + e.value().stripTrailingZeros().toPlainString()).toList();
    }

    /**
     * Records a snapshot of lido at block 1,000 + minute, T0 + minute, as the recorder does: the snapshot with its
     * concentration figures and its liquidity stored (in one transaction, for the real history), then the alert
     * service hears of it.
     */
    private record Recorder(TestDatabases.TestDatabase database, FakeLiquidityHistory liquidity) {
        void minute(AlertService service, int minute, String lidoDiscountBps) {
            minute(service, minute, lidoDiscountBps, false);
        }

        /** As {@link #minute}, the snapshot heard as a backfill's ({@code history}) or the live cycle's. */
        void minute(AlertService service, int minute, String lidoDiscountBps, boolean history) {
            BlockRef block = block(1_000 + minute, T0.plusSeconds(60L * minute));
            Snapshot snapshot = new Snapshot(1, block, List.of(PoolState.ok(new PoolId("lido"), Wei.ONE_ETHER, TEN,
                    TEN)));
            SnapshotStore.SaveOutcome outcome = database.bean(JdbcSnapshotStore.class).save(snapshot,
                    List.of(database.bean(ConcentrationStore.class).figures(SnapshotConcentration.of(snapshot,
                            Optional.empty(), "no beacon node in this test"))));
            liquidity.store(List.of(lidoDiscountBps == null ? LiquidityFixtures.lidoFailedAt(block)
                    : LiquidityFixtures.lidoAt(block, lidoDiscountBps)));
            service.recordedAll(List.of(new SnapshotListener.Recorded(snapshot, outcome, history)));
        }
    }
}
