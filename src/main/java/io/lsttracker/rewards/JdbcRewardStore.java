package io.lsttracker.rewards;

import io.lsttracker.db.JdbcWork;
import io.lsttracker.chain.EventLog;
import io.lsttracker.domain.PoolId;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** {@link RewardStore} over JDBC; the SQL runs unchanged on H2 and PostgreSQL (schema: V10__reward_events). */
@Singleton
public final class JdbcRewardStore implements RewardStore {
    private final DataSource dataSource;

    public JdbcRewardStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<Long> cursor(PoolId pool, String event) {
        return query("read the event cursor of " + pool + " " + event, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT last_block FROM reward_event_cursor WHERE pool_id = ? AND event_name = ?")) {
                s.setString(1, pool.value());
                s.setString(2, event);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(r.getLong(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void savePage(PoolId pool, String event, List<EventLog> logs, long toBlock) {
        String what = "store " + pool + " " + event + " logs up to block " + toBlock;
        JdbcWork.inTransaction(dataSource, what, c -> {
            insert(c, pool, event, logs);
            moveCursor(c, pool, event, toBlock);
            return null;
        });
    }

    private static void insert(Connection c, PoolId pool, String event, List<EventLog> logs) throws SQLException {
        // A page is only ever stored once (the cursor moves with it), so plain inserts suffice; a duplicate
        // key means two indexers raced, and the transaction rolls back without harm.
        try (PreparedStatement s = c.prepareStatement("INSERT INTO reward_event (pool_id, event_name, block_number, "
                + "log_index, block_hash, address, topics, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (EventLog log : logs) {
                s.setString(1, pool.value());
                s.setString(2, event);
                s.setLong(3, log.blockNumber());
                s.setLong(4, log.logIndex());
                s.setString(5, log.blockHash());
                s.setString(6, log.address());
                s.setString(7, String.join(",", log.topics()));
                s.setString(8, log.data());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static void moveCursor(Connection c, PoolId pool, String event, long toBlock) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE reward_event_cursor SET last_block = ? WHERE pool_id = ? AND event_name = ?")) {
            update.setLong(1, toBlock);
            update.setString(2, pool.value());
            update.setString(3, event);
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO reward_event_cursor (pool_id, event_name, last_block) VALUES (?, ?, ?)")) {
            insert.setString(1, pool.value());
            insert.setString(2, event);
            insert.setLong(3, toBlock);
            insert.executeUpdate();
        }
    }

    @Override
    public List<EventLog> events(PoolId pool, String event) {
        return query("read the " + event + " logs of " + pool, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT address, block_number, block_hash, log_index, topics, "
                    + "data FROM reward_event WHERE pool_id = ? AND event_name = ? ORDER BY block_number, log_index")) {
                s.setString(1, pool.value());
                s.setString(2, event);
                List<EventLog> logs = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        logs.add(new EventLog(r.getString(1), r.getLong(2), r.getString(3), r.getLong(4),
                                Arrays.asList(r.getString(5).split(",")), r.getString(6)));
                    }
                }
                return logs;
            }
        });
    }

    @Override
    public void rewindTo(long block) {
        JdbcWork.inTransaction(dataSource, "forget reward events from block " + block, c -> {
            try (PreparedStatement events = c.prepareStatement("DELETE FROM reward_event WHERE block_number >= ?");
                    PreparedStatement cursors = c.prepareStatement(
                            "UPDATE reward_event_cursor SET last_block = ? WHERE last_block >= ?")) {
                events.setLong(1, block);
                events.executeUpdate();
                cursors.setLong(1, block - 1);
                cursors.setLong(2, block);
                cursors.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<SnapshotSteps.Reading> rateChanges(PoolId pool) {
        String sql = "SELECT block_number, block_time, eth_per_token FROM ("
                + " SELECT block_number, block_time, eth_per_token,"
                + " LAG(eth_per_token) OVER (ORDER BY block_number) AS previous_rate"
                + " FROM pool_state WHERE pool_id = ? AND status = 'OK') readings"
                + " WHERE previous_rate IS NULL OR previous_rate <> eth_per_token ORDER BY block_number";
        return query("read the rate changes of " + pool, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, pool.value());
                List<SnapshotSteps.Reading> readings = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        BigDecimal rate = r.getBigDecimal(3);
                        readings.add(new SnapshotSteps.Reading(r.getLong(1), Instant.ofEpochSecond(r.getLong(2)),
                                rate.toBigIntegerExact()));
                    }
                }
                return readings;
            }
        });
    }


    private <T> T query(String what, JdbcWork.Work<T> work) {
        return JdbcWork.run(dataSource, what, work);
    }
}
