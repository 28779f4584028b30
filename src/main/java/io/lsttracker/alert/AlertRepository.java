package io.lsttracker.alert;

import io.lsttracker.domain.PoolId;
import io.lsttracker.db.JdbcWork;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** Alert state, events and the delivery outbox in the database (V21__alerts.sql). */
@Singleton
public final class AlertRepository {
    private final DataSource dataSource;

    public AlertRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The key of a state: rule and subject. */
    public record Key(String ruleId, String subject) {
    }

    /** A delivery that is due: the event and where it goes. */
    public record Delivery(AlertEvent event, String webhook, int attempts) {
    }

    /** The outcome of one evaluation, to be written at once; {@code evaluatedBlock} moves the high-water mark. */
    public record Changes(Map<Key, AlertState> states, List<AlertEvent> events, Optional<Long> evaluatedBlock) {
    }

    public Map<Key, AlertState> states() {
        return query("read the alert states", c -> {
            Map<Key, AlertState> states = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT rule_id, subject, firing, pending_since, "
                    + "last_fired_at, last_value FROM alert_state"); ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    states.put(new Key(r.getString(1), r.getString(2)), new AlertState(r.getBoolean(3),
                            instant(r, 4), instant(r, 5), Optional.ofNullable(r.getBigDecimal(6))
                                    .map(BigDecimal::stripTrailingZeros)));
                }
            }
            return states;
        });
    }

    /** The newest block the rules were evaluated at, if any. */
    public Optional<Long> evaluatedBlock() {
        return query("read the evaluated block", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT block_number FROM alert_evaluated WHERE id = 1");
                    ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getLong(1)) : Optional.empty();
            }
        });
    }

    /**
     * Each pool's ethPerToken at the newest stored snapshot before {@code blockNumber} in which it was read (the
     * snapshot store's pool_state table, V1), for the negative-rebase rule.
     */
    public Map<PoolId, BigInteger> ratesBefore(long blockNumber) {
        return query("read the previous rates", c -> {
            Map<PoolId, BigInteger> rates = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT p.pool_id, p.eth_per_token FROM pool_state p JOIN ("
                    + " SELECT pool_id, MAX(block_number) AS last_block FROM pool_state"
                    + " WHERE status = 'OK' AND block_number < ? GROUP BY pool_id"
                    + ") l ON p.pool_id = l.pool_id AND p.block_number = l.last_block")) {
                s.setLong(1, blockNumber);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        rates.put(new PoolId(r.getString(1)), r.getBigDecimal(2).toBigIntegerExact());
                    }
                }
            }
            return rates;
        });
    }

    /** Writes states, events, one pending delivery per event and webhook, and the mark: all or nothing. */
    public void apply(Changes changes, List<String> webhooks, long nowMillis) {
        JdbcWork.inTransaction(dataSource, "store alert state and events", c -> {
            for (Map.Entry<Key, AlertState> e : changes.states().entrySet()) {
                upsertState(c, e.getKey(), e.getValue());
            }
            for (AlertEvent event : changes.events()) {
                insertEvent(c, event, nowMillis);
                for (String webhook : webhooks) {
                    try (PreparedStatement s = c.prepareStatement("INSERT INTO alert_delivery (event_id, webhook, "
                            + "attempts, next_attempt_at) VALUES (?, ?, 0, ?)")) {
                        s.setString(1, event.id());
                        s.setString(2, webhook);
                        s.setLong(3, nowMillis);
                        s.executeUpdate();
                    }
                }
            }
            if (changes.evaluatedBlock().isPresent()) {
                try (PreparedStatement d = c.prepareStatement("DELETE FROM alert_evaluated");
                        PreparedStatement i = c.prepareStatement("INSERT INTO alert_evaluated (id, block_number) "
                                + "VALUES (1, ?)")) {
                    d.executeUpdate();
                    i.setLong(1, changes.evaluatedBlock().get());
                    i.executeUpdate();
                }
            }
            return null;
        });
    }

    /** Events, newest first; {@code kind} empty for both kinds. */
    public List<AlertEvent> events(Optional<AlertTransition.Kind> kind, int limit) {
        String where = kind.isPresent() ? " WHERE kind = ?" : "";
        return query("read the alert events", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + EVENT_COLUMNS + " FROM alert_event e" + where
                    + " ORDER BY occurred_at DESC, created_at DESC, id FETCH FIRST " + limit + " ROWS ONLY")) {
                if (kind.isPresent()) {
                    s.setString(1, kind.get().name());
                }
                List<AlertEvent> events = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        events.add(event(r, 0));
                    }
                }
                return events;
            }
        });
    }

    /** Deliveries not yet made whose next attempt is due, oldest first. */
    public List<Delivery> due(long nowMillis, int limit) {
        return query("read the alert outbox", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT d.webhook, d.attempts, " + EVENT_COLUMNS
                    + " FROM alert_delivery d JOIN alert_event e ON e.id = d.event_id"
                    + " WHERE d.delivered_at IS NULL AND d.next_attempt_at <= ?"
                    + " ORDER BY e.created_at, e.id, d.webhook FETCH FIRST " + limit + " ROWS ONLY")) {
                s.setLong(1, nowMillis);
                List<Delivery> due = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        due.add(new Delivery(event(r, 2), r.getString(1), r.getInt(2)));
                    }
                }
                return due;
            }
        });
    }

    public void delivered(String eventId, String webhook, long nowMillis) {
        update("UPDATE alert_delivery SET delivered_at = ?, attempts = attempts + 1, last_error = NULL "
                + "WHERE event_id = ? AND webhook = ?", nowMillis, null, eventId, webhook);
    }

    public void failed(String eventId, String webhook, long nextAttemptMillis, String error) {
        String trimmed = error.length() > 1000 ? error.substring(0, 1000) : error;
        update("UPDATE alert_delivery SET next_attempt_at = ?, last_error = ?, attempts = attempts + 1 "
                + "WHERE event_id = ? AND webhook = ?", nextAttemptMillis, trimmed, eventId, webhook);
    }

    /** Pending deliveries (for /health-like views and tests). */
    public int pending() {
        return query("count pending deliveries", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM alert_delivery WHERE delivered_at IS NULL");
                    ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        });
    }

    private static final String EVENT_COLUMNS = "e.id, e.rule_id, e.metric, e.subject, e.kind, e.observed, e.threshold, "
            + "e.direction, e.occurred_at, e.block_number, e.message";

    private static AlertEvent event(ResultSet r, int offset) throws SQLException {
        long block = r.getLong(offset + 10);
        Optional<Long> blockNumber = r.wasNull() ? Optional.empty() : Optional.of(block);
        return new AlertEvent(r.getString(offset + 1), r.getString(offset + 2),
                AlertRule.Metric.valueOf(r.getString(offset + 3)), r.getString(offset + 4),
                AlertTransition.Kind.valueOf(r.getString(offset + 5)), r.getBigDecimal(offset + 6).stripTrailingZeros(),
                r.getBigDecimal(offset + 7).stripTrailingZeros(), AlertRule.Direction.valueOf(r.getString(offset + 8)),
                Instant.ofEpochSecond(r.getLong(offset + 9)), blockNumber, r.getString(offset + 11));
    }

    private static void insertEvent(Connection c, AlertEvent e, long nowMillis) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO alert_event (id, rule_id, metric, subject, kind, "
                + "observed, threshold, direction, occurred_at, block_number, message, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, e.id());
            s.setString(2, e.ruleId());
            s.setString(3, e.metric().name());
            s.setString(4, e.subject());
            s.setString(5, e.kind().name());
            s.setBigDecimal(6, e.value());
            s.setBigDecimal(7, e.threshold());
            s.setString(8, e.direction().name());
            s.setLong(9, e.occurredAt().getEpochSecond());
            if (e.blockNumber().isPresent()) {
                s.setLong(10, e.blockNumber().get());
            } else {
                s.setNull(10, Types.BIGINT);
            }
            s.setString(11, e.message());
            s.setLong(12, nowMillis);
            s.executeUpdate();
        }
    }

    private static void upsertState(Connection c, Key key, AlertState state) throws SQLException {
        try (PreparedStatement d = c.prepareStatement("DELETE FROM alert_state WHERE rule_id = ? AND subject = ?");
                PreparedStatement i = c.prepareStatement("INSERT INTO alert_state (rule_id, subject, firing, "
                        + "pending_since, last_fired_at, last_value) VALUES (?, ?, ?, ?, ?, ?)")) {
            d.setString(1, key.ruleId());
            d.setString(2, key.subject());
            d.executeUpdate();
            i.setString(1, key.ruleId());
            i.setString(2, key.subject());
            i.setBoolean(3, state.firing());
            setInstant(i, 4, state.pendingSince());
            setInstant(i, 5, state.lastFiredAt());
            i.setBigDecimal(6, state.lastValue().orElse(null));
            i.executeUpdate();
        }
    }

    private static Optional<Instant> instant(ResultSet r, int column) throws SQLException {
        long value = r.getLong(column);
        return r.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochSecond(value));
    }

    private static void setInstant(PreparedStatement s, int index, Optional<Instant> value) throws SQLException {
        if (value.isPresent()) {
            s.setLong(index, value.get().getEpochSecond());
        } else {
            s.setNull(index, Types.BIGINT);
        }
    }

    private void update(String sql, long first, String second, String eventId, String webhook) {
        query("update the alert outbox", c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int i = 1;
                s.setLong(i++, first);
                if (sql.contains("last_error = ?")) {
                    s.setString(i++, second);
                }
                s.setString(i++, eventId);
                s.setString(i, webhook);
                s.executeUpdate();
            }
            return null;
        });
    }


    private <T> T query(String what, JdbcWork.Work<T> work) {
        return JdbcWork.run(dataSource, what, work);
    }
}
