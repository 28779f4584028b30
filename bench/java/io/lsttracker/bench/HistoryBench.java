package io.lsttracker.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.lsttracker.pool.PoolDefinition;
import io.lsttracker.pool.PoolRegistryLoader;
import io.lsttracker.domain.PoolId;
import io.lsttracker.snapshot.HistoryPoint;
import io.lsttracker.snapshot.JdbcSnapshotStore;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The history query on a year of data: 5-minute snapshots of the 11 configured pools for 365 days (105,120
 * snapshots, 1,156,320 pool_state rows), bulk-inserted with JDBC batches, then
 * {@code JdbcSnapshotStore.history(pool, from, to, 1d)} over the whole year (what
 * {@code GET /api/pools/{id}/history?from=...&interval=1d} runs: 365 points), on H2 (a file under target/)
 * and on PostgreSQL (127.0.0.1:5432, database test, in a schema this run creates and drops).
 *
 * <p>Baseline, same run, same data: the obvious way to get the same answer without SQL downsampling, i.e.
 * select the pool's year of rows (105k) and keep the last row of each day in Java. The benchmark checks that
 * both give the same points. For scale it also times the store's query for one day of raw 5-minute points,
 * which is the cheapest history a chart asks for.
 *
 * <p>Run: bench/run-history-bench.sh (see docs/BENCHMARKS.md).
 */
public final class HistoryBench {
    private static final int DAYS = 365;
    private static final long STEP_SECONDS = 300;
    private static final int SNAPSHOTS = (int) (DAYS * 86_400L / STEP_SECONDS);
    private static final int CHUNK = 1_000;
    private static final long FIRST_BLOCK = 20_000_000;
    private static final long BLOCKS_PER_STEP = STEP_SECONDS / 12;
    /** One pool in this many snapshots fails (a reverted call), so the status filter has work to do. */
    private static final int FAILURE_EVERY = 997;
    private static final int WARM_UP = 5;
    private static final int ROUNDS = 20;
    private static final double TARGET_MILLIS = 100;
    private static final Instant END = Instant.parse("2026-11-23T00:00:00Z");
    private static final Instant START = END.minus(Duration.ofDays(DAYS));
    private static final BigInteger ETHER = BigInteger.TEN.pow(18);

    public static void main(String[] args) throws Exception {
        List<PoolId> pools = PoolRegistryLoader.load(null).pools().stream().map(PoolDefinition::id).toList();
        System.out.printf(Locale.ROOT, "lst-tracker history benchmark: %d days of %d-minute snapshots of %d pools "
                + "(%,d snapshots, %,d pool_state rows); %d warm-up + %d timed queries per case, pools in turn%n",
                DAYS, STEP_SECONDS / 60, pools.size(), SNAPSHOTS, (long) SNAPSHOTS * pools.size(), WARM_UP, ROUNDS);

        Path h2Dir = Path.of("target", "bench-history");
        deleteRecursively(h2Dir);
        try (HikariDataSource h2 = pool("jdbc:h2:file:./" + h2Dir.resolve("history") + ";DB_CLOSE_ON_EXIT=FALSE",
                "sa")) {
            run("H2 " + org.h2.engine.Constants.VERSION + " (file)", h2, pools, "ANALYZE");
        } finally {
            deleteRecursively(h2Dir);
        }

        String schema = "bench_history_" + ProcessHandle.current().pid();
        String user = postgresUser();
        if (user == null) {
            System.out.println("PostgreSQL: skipped, nothing answers at 127.0.0.1:5432 (database test, user postgres "
                    + "or root); start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start");
            return;
        }
        String admin = "jdbc:postgresql://127.0.0.1:5432/test";
        try (Connection c = DriverManager.getConnection(admin, user, ""); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        try (HikariDataSource pg = pool(admin + "?currentSchema=" + schema + "&reWriteBatchedInserts=true", user)) {
            String version;
            try (Connection c = pg.getConnection(); Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SHOW server_version")) {
                r.next();
                version = r.getString(1).split(" ")[0];
            }
            // VACUUM ANALYZE: what autovacuum does to a table that grew by a year of inserts (statistics and the
            // visibility map that index-only scans need); a fresh bulk load has neither yet.
            run("PostgreSQL " + version, pg, pools, "VACUUM ANALYZE");
            explain(pg, pools.get(0));
        } finally {
            try (Connection c = DriverManager.getConnection(admin, user, ""); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static void run(String database, HikariDataSource dataSource, List<PoolId> pools, String maintenance)
            throws SQLException {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        long start = System.nanoTime();
        insertYear(dataSource, pools);
        double insertSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(maintenance);
        }
        System.out.printf(Locale.ROOT, "%n%s: inserted %,d rows in %.1f s (%,.0f rows/s), %s in %.1f s%n", database,
                (long) SNAPSHOTS * (pools.size() + 1), insertSeconds, SNAPSHOTS * (pools.size() + 1) / insertSeconds,
                maintenance, (System.nanoTime() - start) / 1e9);

        Duration day = Duration.ofDays(1);
        Timing history;
        Timing scan;
        Timing oneDay;
        try (ApplicationContext context = storeContext(dataSource)) {
            JdbcSnapshotStore store = context.getBean(JdbcSnapshotStore.class);
            history = time(pools, pool -> store.history(pool, START, END, day));
            scan = time(pools, pool -> scanAndDownsample(dataSource, pool, START, END, day));
            oneDay = time(pools, pool -> store.history(pool, END.minus(day), END, Duration.ofMinutes(5)));
            for (PoolId pool : pools) {
                List<HistoryPoint> ours = store.history(pool, START, END, day);
                if (ours.size() != DAYS || !ours.equals(scanAndDownsample(dataSource, pool, START, END, day))) {
                    throw new IllegalStateException(pool + ": the history query and the scan disagree");
                }
            }
        }
        System.out.printf(Locale.ROOT, "%-34s %7s %10s %10s %8s%n", "query", "points", "median ms", "p90 ms",
                "vs base");
        print("history 1 year @1d (store)", history, scan);
        print("baseline: scan 1 year, Java @1d", scan, scan);
        print("history 1 day @5m (store)", oneDay, scan);
        System.out.printf(Locale.ROOT, "target: history 1 year @1d under %.0f ms: %s (median %.1f ms, p90 %.1f ms)%n",
                TARGET_MILLIS, history.p90Millis < TARGET_MILLIS ? "met" : "MISSED", history.medianMillis,
                history.p90Millis);
    }

    record Timing(int points, double medianMillis, double p90Millis) {
    }

    /** The tracker's beans (the store and its repositories) on the same database, with a pool of their own. */
    private static ApplicationContext storeContext(HikariDataSource dataSource) {
        return ApplicationContext.builder().deduceEnvironment(false).banner(false).properties(Map.of(
                "datasources.default.url", dataSource.getJdbcUrl(),
                "datasources.default.username", dataSource.getUsername(),
                "datasources.default.password", "",
                "datasources.default.maximum-pool-size", 2)).start();
    }

    private static Timing time(List<PoolId> pools, Function<PoolId, List<HistoryPoint>> query) {
        for (int i = 0; i < WARM_UP; i++) {
            query.apply(pools.get(i % pools.size()));
        }
        long[] nanos = new long[ROUNDS];
        int points = 0;
        for (int i = 0; i < ROUNDS; i++) {
            PoolId pool = pools.get(i % pools.size());
            long start = System.nanoTime();
            points = query.apply(pool).size();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return new Timing(points, nanos[ROUNDS / 2] / 1e6, nanos[(int) Math.ceil(ROUNDS * 0.9) - 1] / 1e6);
    }

    private static void print(String name, Timing t, Timing base) {
        System.out.printf(Locale.ROOT, "%-34s %7d %10.2f %10.2f %7.2fx%n", name, t.points, t.medianMillis, t.p90Millis,
                t.medianMillis / base.medianMillis);
    }

    /** The baseline: every OK row of the pool in [from, to) into Java, then the last row per bucket. */
    private static List<HistoryPoint> scanAndDownsample(DataSource dataSource, PoolId pool, Instant from, Instant to,
            Duration interval) {
        long bucket = interval.getSeconds();
        Map<Long, HistoryPoint> last = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT block_number, block_time, eth_per_token, total_eth, token_supply FROM pool_state "
                        + "WHERE pool_id = ? AND status = 'OK' AND block_time >= ? AND block_time < ? "
                        + "ORDER BY block_number")) {
            s.setString(1, pool.value());
            s.setLong(2, from.getEpochSecond());
            s.setLong(3, to.getEpochSecond());
            s.setFetchSize(10_000); // PostgreSQL streams in batches only outside autocommit; H2 ignores it
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    long time = r.getLong(2);
                    last.put(Math.floorDiv(time, bucket), new HistoryPoint(r.getLong(1), Instant.ofEpochSecond(time),
                            r.getBigDecimal(3).toBigIntegerExact(), r.getBigDecimal(4).toBigIntegerExact(),
                            r.getBigDecimal(5).toBigIntegerExact()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return last.values().stream().sorted(Comparator.comparingLong(HistoryPoint::blockNumber)).toList();
    }

    /**
     * A year of snapshots, CHUNK snapshots per transaction, as the store writes them (same tables and columns).
     * Rates grow daily by each pool's APR, as reports move them; supplies drift; one pool in FAILURE_EVERY
     * snapshots is a failed read without figures.
     */
    private static void insertYear(DataSource dataSource, List<PoolId> pools) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement snapshot = c.prepareStatement("INSERT INTO snapshot "
                        + "(block_number, block_hash, block_time, chain_id, stored_at) VALUES (?, ?, ?, ?, ?)");
                PreparedStatement state = c.prepareStatement("INSERT INTO pool_state (pool_id, block_number, "
                        + "block_time, status, eth_per_token, total_eth, token_supply, details, failure) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            for (int i = 0; i < SNAPSHOTS; i++) {
                long block = FIRST_BLOCK + i * BLOCKS_PER_STEP;
                long time = START.getEpochSecond() + i * STEP_SECONDS;
                snapshot.setLong(1, block);
                snapshot.setString(2, String.format(Locale.ROOT, "0x%064x", block * 0x9E3779B97F4A7C15L));
                snapshot.setLong(3, time);
                snapshot.setLong(4, 1);
                snapshot.setLong(5, time * 1000 + 4_000);
                snapshot.addBatch();
                for (int p = 0; p < pools.size(); p++) {
                    state.setString(1, pools.get(p).value());
                    state.setLong(2, block);
                    state.setLong(3, time);
                    if (i % FAILURE_EVERY == FAILURE_EVERY - 1 && i / FAILURE_EVERY % pools.size() == p) {
                        state.setString(4, "FAILED");
                        for (int col = 5; col <= 8; col++) {
                            state.setNull(col, col == 8 ? Types.VARCHAR : Types.NUMERIC);
                        }
                        state.setString(9, "eth_call to 0x... reverted at block " + block);
                    } else {
                        BigInteger rate = rate(p, i);
                        BigInteger supply = ETHER.multiply(BigInteger.valueOf(100_000L * (p + 1) + i / 12));
                        state.setString(4, "OK");
                        state.setBigDecimal(5, new BigDecimal(rate));
                        state.setBigDecimal(6, new BigDecimal(supply.multiply(rate).divide(ETHER)));
                        state.setBigDecimal(7, new BigDecimal(supply));
                        state.setString(8, "{\"depositedValidators\":\"" + (9_000 * (p + 1) + i / 288)
                                + "\",\"beaconBalance\":\"" + supply.multiply(BigInteger.valueOf(31)) + "\"}");
                        state.setNull(9, Types.VARCHAR);
                    }
                    state.addBatch();
                }
                if ((i + 1) % CHUNK == 0 || i == SNAPSHOTS - 1) {
                    snapshot.executeBatch();
                    state.executeBatch();
                    c.commit();
                }
            }
            c.setAutoCommit(true);
        }
    }

    /** Pool p's exchange rate at snapshot i: 1.0x to 1.2x, up 2-4 % a year in one step per day. */
    private static BigInteger rate(int p, int i) {
        BigInteger base = ETHER.add(ETHER.multiply(BigInteger.valueOf(2 * p)).divide(BigInteger.valueOf(100)));
        long day = i * STEP_SECONDS / 86_400;
        return base.add(base.multiply(BigInteger.valueOf((200 + 20L * p) * day)).divide(BigInteger.valueOf(10_000L * 365)));
    }

    private static void explain(DataSource dataSource, PoolId pool) throws SQLException {
        // The store's history query, as snapshot/SnapshotTables.HistoryRepository.lastPerBucket declares it.
        String sql = "EXPLAIN (ANALYZE, BUFFERS) SELECT p.block_number, p.block_time, p.eth_per_token, p.total_eth, "
                + "p.token_supply FROM pool_state p JOIN ("
                + "  SELECT MAX(block_number) AS last_block FROM pool_state"
                + "  WHERE pool_id = ? AND status = 'OK' AND block_time >= ? AND block_time < ?"
                + "  GROUP BY block_time / ?"
                + "  FETCH FIRST ? ROWS ONLY"
                + ") buckets ON p.block_number = buckets.last_block "
                + "WHERE p.pool_id = ? ORDER BY p.block_number";
        System.out.println("\nPostgreSQL plan of the history query (1 year @1d, " + pool + "):");
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, pool.value());
            s.setLong(2, START.getEpochSecond());
            s.setLong(3, END.getEpochSecond());
            s.setLong(4, 86_400);
            s.setLong(5, (END.getEpochSecond() - 1) / 86_400 - START.getEpochSecond() / 86_400 + 1);
            s.setString(6, pool.value());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    System.out.println("  " + r.getString(1));
                }
            }
        }
    }

    /** The first of postgres and root that PostgreSQL at 127.0.0.1:5432 lets into database test, or null. */
    private static String postgresUser() {
        for (String user : List.of("postgres", "root")) {
            try (Connection c = DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:5432/test?connectTimeout=3&loginTimeout=5", user, "")) {
                return user;
            } catch (SQLException e) {
                // try the next user; none answering means PostgreSQL is down or not set up
            }
        }
        return null;
    }

    private static HikariDataSource pool(String url, String user) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword("");
        config.setMaximumPoolSize(2);
        return new HikariDataSource(config);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private HistoryBench() {
    }
}
