package io.lsttracker.snapshot;

import io.lsttracker.db.JdbcWork;
import io.lsttracker.db.StoreException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.PoolDetails;
import io.lsttracker.domain.PoolId;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Snapshot;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link SnapshotStore} over JDBC, with SQL that runs unchanged on H2 and PostgreSQL (schema:
 * db/migration). Times are unix seconds in BIGINT columns so that bucketing is integer division on both.
 */
@Singleton
public final class JdbcSnapshotStore implements SnapshotStore {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource dataSource;

    public JdbcSnapshotStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public SaveOutcome save(Snapshot snapshot, List<SnapshotFigures.Prepared> figures) {
        BlockRef block = snapshot.block();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                SaveOutcome outcome = SaveOutcome.STORED;
                Optional<String> storedHash = hashAt(c, block.number());
                if (storedHash.isPresent()) {
                    if (storedHash.get().equals(block.hash())) {
                        c.rollback();
                        return SaveOutcome.ALREADY_STORED;
                    }
                    delete(c, block.number());
                    outcome = SaveOutcome.REPLACED;
                }
                insert(c, snapshot);
                for (SnapshotFigures.Prepared derived : figures) {
                    derived.insert(c);
                }
                c.commit();
                return outcome;
            } catch (SQLException e) {
                c.rollback();
                if (isDuplicateKey(e) && hashAt(c, block.number()).map(block.hash()::equals).orElse(false)) {
                    return SaveOutcome.ALREADY_STORED; // a concurrent cycle stored the same block first
                }
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot store the snapshot of block " + block.number() + ": " + e.getMessage(), e);
        }
    }

    private static Optional<String> hashAt(Connection c, long blockNumber) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT block_hash FROM snapshot WHERE block_number = ?")) {
            s.setLong(1, blockNumber);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        }
    }

    private static void delete(Connection c, long blockNumber) throws SQLException {
        // The figures stored with the snapshot go with it: their tables reference snapshot ON DELETE CASCADE.
        try (PreparedStatement pools = c.prepareStatement("DELETE FROM pool_state WHERE block_number = ?");
                PreparedStatement snapshot = c.prepareStatement("DELETE FROM snapshot WHERE block_number = ?")) {
            pools.setLong(1, blockNumber);
            pools.executeUpdate();
            snapshot.setLong(1, blockNumber);
            snapshot.executeUpdate();
        }
    }

    private static void insert(Connection c, Snapshot snapshot) throws SQLException {
        BlockRef block = snapshot.block();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO snapshot "
                + "(block_number, block_hash, block_time, chain_id, stored_at) VALUES (?, ?, ?, ?, ?)")) {
            s.setLong(1, block.number());
            s.setString(2, block.hash());
            s.setLong(3, block.timestamp().getEpochSecond());
            s.setLong(4, snapshot.chainId());
            s.setLong(5, System.currentTimeMillis());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO pool_state (pool_id, block_number, block_time, "
                + "status, eth_per_token, total_eth, token_supply, details, failure) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (PoolState pool : snapshot.pools()) {
                s.setString(1, pool.id().value());
                s.setLong(2, block.number());
                s.setLong(3, block.timestamp().getEpochSecond());
                s.setString(4, pool.status().name());
                setWei(s, 5, pool.ethPerToken());
                setWei(s, 6, pool.totalEth());
                setWei(s, 7, pool.tokenSupply());
                s.setString(8, pool.isOk() ? detailsJson(pool.details()) : null);
                s.setString(9, pool.failure());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    @Override
    public Optional<BlockRef> head() {
        return query("read the stored head", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT block_number, block_hash, block_time FROM snapshot "
                    + "ORDER BY block_number DESC FETCH FIRST 1 ROWS ONLY");
                    ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(blockRef(r)) : Optional.empty();
            }
        });
    }

    @Override
    public Optional<Snapshot> latest() {
        return query("read the latest snapshot", c -> {
            BlockRef block;
            long chainId;
            try (PreparedStatement s = c.prepareStatement("SELECT block_number, block_hash, block_time, chain_id "
                    + "FROM snapshot ORDER BY block_number DESC FETCH FIRST 1 ROWS ONLY");
                    ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                block = blockRef(r);
                chainId = r.getLong(4);
            }
            List<PoolState> pools = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT pool_id, status, eth_per_token, total_eth, "
                    + "token_supply, details, failure FROM pool_state WHERE block_number = ?")) {
                s.setLong(1, block.number());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        pools.add(poolState(r));
                    }
                }
            }
            return Optional.of(new Snapshot(chainId, block, pools));
        });
    }

    @Override
    public List<HistoryPoint> history(PoolId pool, Instant from, Instant to, Duration interval) {
        long bucket = interval.getSeconds();
        if (bucket < 1) {
            throw new IllegalArgumentException("interval must be at least one second");
        }
        // The last OK reading per bucket: the greatest block number among the bucket's rows, then its row.
        // The FETCH FIRST never cuts the result: rows in [from, to) fall in at most `buckets` buckets (BIGINT
        // division truncates in SQL as in Java, and is monotonic). It is there for PostgreSQL's planner, which
        // estimates the groups of block_time / ? as one per distinct block_time, i.e. one per row; it then
        // hash-joins the pool's whole history (150 ms for a year of 5-minute rows) instead of looking up each
        // bucket's row by key (20 ms). The cap gives it the true order of magnitude (bench/HistoryBench).
        long buckets = Math.max(1, (to.getEpochSecond() - 1) / bucket - from.getEpochSecond() / bucket + 1);
        String sql = "SELECT p.block_number, p.block_time, p.eth_per_token, p.total_eth, p.token_supply "
                + "FROM pool_state p JOIN ("
                + "  SELECT MAX(block_number) AS last_block FROM pool_state"
                + "  WHERE pool_id = ? AND status = 'OK' AND block_time >= ? AND block_time < ?"
                + "  GROUP BY block_time / ?"
                + "  FETCH FIRST ? ROWS ONLY"
                + ") buckets ON p.block_number = buckets.last_block "
                + "WHERE p.pool_id = ? ORDER BY p.block_number";
        return query("read the history of " + pool, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, pool.value());
                s.setLong(2, from.getEpochSecond());
                s.setLong(3, to.getEpochSecond());
                s.setLong(4, bucket);
                s.setLong(5, buckets);
                s.setString(6, pool.value());
                List<HistoryPoint> points = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        points.add(new HistoryPoint(r.getLong(1), Instant.ofEpochSecond(r.getLong(2)), wei(r, 3),
                                wei(r, 4), wei(r, 5)));
                    }
                }
                return points;
            }
        });
    }

    @Override
    public boolean isReachable() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }


    private <T> T query(String what, JdbcWork.Work<T> work) {
        return JdbcWork.run(dataSource, what, work);
    }

    private static BlockRef blockRef(ResultSet r) throws SQLException {
        return new BlockRef(r.getLong(1), r.getString(2), Instant.ofEpochSecond(r.getLong(3)));
    }

    private static PoolState poolState(ResultSet r) throws SQLException {
        PoolId id = new PoolId(r.getString(1));
        if (PoolState.Status.valueOf(r.getString(2)) == PoolState.Status.FAILED) {
            return PoolState.failed(id, r.getString(7));
        }
        return PoolState.ok(id, wei(r, 3), wei(r, 4), wei(r, 5), details(r.getString(6)));
    }

    private static void setWei(PreparedStatement s, int index, BigInteger wei) throws SQLException {
        if (wei == null) {
            s.setNull(index, Types.NUMERIC);
        } else {
            s.setBigDecimal(index, new BigDecimal(wei));
        }
    }

    private static BigInteger wei(ResultSet r, int column) throws SQLException {
        BigDecimal value = r.getBigDecimal(column);
        return value == null ? null : value.toBigIntegerExact();
    }

    private static String detailsJson(PoolDetails details) {
        try {
            return JSON.writeValueAsString(details.figures());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("details are not serializable", e);
        }
    }

    private static PoolDetails details(String json) {
        if (json == null) {
            return PoolDetails.NONE;
        }
        Map<String, String> figures;
        try {
            figures = JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored details are not JSON: " + json, e);
        }
        try {
            return PoolDetails.fromFigures(figures);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("stored details " + json + ": " + e.getMessage(), e);
        }
    }

    private static boolean isDuplicateKey(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }
}
