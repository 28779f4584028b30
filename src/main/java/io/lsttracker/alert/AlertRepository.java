package io.lsttracker.alert;

import io.lsttracker.alert.AlertTables.AlertDeliveryRepository;
import io.lsttracker.alert.AlertTables.AlertDeliveryRow;
import io.lsttracker.alert.AlertTables.AlertEvaluatedRepository;
import io.lsttracker.alert.AlertTables.AlertEvaluatedRow;
import io.lsttracker.alert.AlertTables.AlertEventRepository;
import io.lsttracker.alert.AlertTables.AlertEventRow;
import io.lsttracker.alert.AlertTables.AlertStateRepository;
import io.lsttracker.alert.AlertTables.AlertStateRow;
import io.lsttracker.alert.AlertTables.PoolRateRepository;
import io.lsttracker.alert.AlertTables.PoolRateRow;
import io.lsttracker.db.StoreException;
import io.lsttracker.domain.PoolId;
import io.micronaut.data.model.Pageable;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Alert state, events and the delivery outbox in the database (V21__alerts.sql), over the repositories of
 * {@link AlertTables}; one evaluation's changes are written in one transaction of the framework.
 */
@Singleton
public final class AlertRepository {
    private final AlertStateRepository states;
    private final AlertEvaluatedRepository evaluated;
    private final AlertEventRepository events;
    private final AlertDeliveryRepository deliveries;
    private final PoolRateRepository rates;
    private final TransactionOperations<Connection> transactions;
    private final DataSource dataSource;
    private final Duration lockWait;
    private volatile Boolean postgres;

    @Inject
    AlertRepository(AlertStateRepository states, AlertEvaluatedRepository evaluated, AlertEventRepository events,
            AlertDeliveryRepository deliveries, PoolRateRepository rates,
            TransactionOperations<Connection> transactions, DataSource dataSource) {
        this(states, evaluated, events, deliveries, rates, transactions, dataSource, LOCK_WAIT);
    }

    AlertRepository(AlertStateRepository states, AlertEvaluatedRepository evaluated, AlertEventRepository events,
            AlertDeliveryRepository deliveries, PoolRateRepository rates,
            TransactionOperations<Connection> transactions, DataSource dataSource, Duration lockWait) {
        this.states = states;
        this.evaluated = evaluated;
        this.events = events;
        this.deliveries = deliveries;
        this.rates = rates;
        this.transactions = transactions;
        // the pool itself: the bean is Micronaut Data's proxy, which serves only connections opened by its operations
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.lockWait = lockWait;
    }

    /**
     * The PostgreSQL advisory lock key of alert evaluation: any 64-bit number no other lock of this database uses;
     * this one is "lst-alrt" in ASCII.
     */
    static final long EVALUATION_LOCK = 0x6c73742d616c7274L;
    /** The longest wait for another tracker's evaluation (milliseconds in practice). */
    static final Duration LOCK_WAIT = Duration.ofSeconds(60);

    /** Held while one tracker evaluates the rules; {@link #close()} lets the next one in. */
    public interface EvaluationLock extends AutoCloseable {
        /** No lock: one process alone uses the database (H2), or the database is down and nothing can be stored. */
        EvaluationLock NONE = () -> { };

        @Override
        void close();
    }

    /**
     * Takes the alert evaluation lock, so that trackers sharing one PostgreSQL database (replicas) evaluate one at a
     * time: each reads the alert states after the one before it wrote them, so a transition fires once and two never
     * insert the same state row (alert_state_pkey). It is a session-level advisory lock held on a connection of its
     * own for the evaluation; a tracker that dies holding it loses its session, and with it the lock, so another
     * takes over at once. H2 is one process's database (an H2 file admits one): no lock, {@link EvaluationLock#NONE}.
     *
     * @throws StoreException when the database cannot be reached, or another tracker held the lock longer than the
     *                        wait (60 s; an evaluation takes milliseconds)
     */
    public EvaluationLock lockEvaluation() {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new StoreException("cannot take the alert evaluation lock: " + e.getMessage(), e);
        }
        try {
            if (!isPostgres(connection)) {
                connection.close();
                return EvaluationLock.NONE;
            }
            long deadline = System.nanoTime() + lockWait.toNanos();
            while (!tryLock(connection, EVALUATION_LOCK)) {
                if (System.nanoTime() > deadline) {
                    throw new StoreException("cannot take the alert evaluation lock: another tracker on this database "
                            + "has held it for over " + lockWait.toSeconds() + " s", null);
                }
                Thread.sleep(50);
            }
        } catch (SQLException | InterruptedException | RuntimeException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            closeQuietly(connection);
            throw e instanceof StoreException store ? store
                    : new StoreException("cannot take the alert evaluation lock: " + e.getMessage(), e);
        }
        return () -> {
            try (Statement s = connection.createStatement()) {
                s.execute("SELECT pg_advisory_unlock(" + EVALUATION_LOCK + ")");
                connection.close();
            } catch (SQLException e) {
                // The lock must not stay with a pooled connection: the physical connection is dropped, and its
                // session's locks with it.
                try {
                    connection.abort(Runnable::run);
                } catch (SQLException ignored) {
                    // already gone
                }
                closeQuietly(connection);
            }
        };
    }

    /**
     * The PostgreSQL advisory lock key of the staleness judge ("lst-stal" in ASCII): held for as long as the tracker
     * lives, on a connection of its own.
     */
    static final long STALENESS_LEAD = 0x6c73742d7374616cL;
    private Connection leadConnection;
    /** The last answer of {@link #leadsStaleness}; true until the database was asked (one tracker alone judges). */
    private volatile boolean leads = true;

    /**
     * Whether this tracker judges staleness. Staleness is about the service, not about one replica's clock: two
     * replicas started at different times count different intervals since their last success, and judging in turn
     * they would fire and resolve the alert against each other. So one replica judges it, the one that holds a
     * session-level advisory lock on a connection it keeps; the others try to take the lock at each check and get it
     * as soon as the holder dies (its session ends with its process). With H2 (one process) always true. Asks the
     * database; while it cannot be reached, {@link #ledStaleness()} is the answer.
     */
    public synchronized boolean leadsStaleness() {
        try {
            if (leadConnection != null && !leadConnection.isValid(2)) {
                closeQuietly(leadConnection); // its session, and the lock with it, are gone
                leadConnection = null;
                return leads; // the database is likely down: asked again (a new session) at the next check
            }
            if (leadConnection == null) {
                Connection connection = dataSource.getConnection();
                if (!isPostgres(connection)) {
                    closeQuietly(connection);
                    leads = true;
                    return true;
                }
                leadConnection = connection;
                leads = false;
            }
            if (!leads) {
                leads = tryLock(leadConnection, STALENESS_LEAD);
            }
            return leads;
        } catch (SQLException | RuntimeException e) {
            return leads; // the database is down: nobody can take the lead now
        }
    }

    /** Gives the lead up (its connection back to the pool, unlocked) when the context closes. */
    @PreDestroy
    synchronized void releaseLead() {
        if (leadConnection != null) {
            try (Statement s = leadConnection.createStatement()) {
                s.execute("SELECT pg_advisory_unlock_all()");
            } catch (SQLException e) {
                // the session is gone, and its locks with it
            }
            closeQuietly(leadConnection);
            leadConnection = null;
        }
    }

    /** The last answer of {@link #leadsStaleness}, without asking the database (it is down). */
    public boolean ledStaleness() {
        return leads;
    }

    private boolean isPostgres(Connection connection) throws SQLException {
        Boolean known = postgres;
        if (known == null) {
            known = connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
            postgres = known;
        }
        return known;
    }

    private static boolean tryLock(Connection connection, long key) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet r = s.executeQuery("SELECT pg_try_advisory_lock(" + key + ")")) {
            return r.next() && r.getBoolean(1);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing more to do with it
        }
    }

    /** The key of a state: rule and subject. */
    public record Key(String ruleId, String subject) {
    }

    /** A delivery that is due: the event and where it goes. */
    public record Delivery(AlertEvent event, String webhook, int attempts, long nextAttemptAt) {
    }

    /** The outcome of one evaluation, to be written at once; {@code evaluatedBlock} moves the high-water mark. */
    public record Changes(Map<Key, AlertState> states, List<AlertEvent> events, Optional<Long> evaluatedBlock) {
    }

    public Map<Key, AlertState> states() {
        return StoreException.attempt("read the alert states", () -> states.findAll().stream()
                .collect(Collectors.toMap(AlertStateRow::alertKey, AlertStateRow::state)));
    }

    /** The newest block the rules were evaluated at, if any. */
    public Optional<Long> evaluatedBlock() {
        return StoreException.attempt("read the evaluated block",
                () -> evaluated.findById(AlertEvaluatedRow.ONLY).map(AlertEvaluatedRow::blockNumber));
    }

    /**
     * Each of {@code pools}' ethPerToken at the newest stored snapshot before {@code blockNumber} in which it was
     * read (the snapshot store's pool_state table, V1), for the negative-rebase and rate-jump rules; a pool never
     * read before is absent.
     */
    public Map<PoolId, BigInteger> ratesBefore(Collection<PoolId> pools, long blockNumber) {
        return StoreException.attempt("read the previous rates", () -> {
            Map<PoolId, BigInteger> before = new LinkedHashMap<>();
            for (PoolId pool : pools) {
                rates.rateBefore(pool.value(), blockNumber).ifPresent(r -> before.put(pool, r.ethPerToken()));
            }
            return before;
        });
    }

    /** Writes states, events, one pending delivery per event and webhook, and the mark: all or nothing. */
    public void apply(Changes changes, List<String> webhooks, long nowMillis) {
        StoreException.attempt("store alert state and events", () -> transactions.executeWrite(status -> {
            changes.states().forEach((key, state) -> {
                AlertStateRow row = AlertStateRow.of(key, state);
                if (states.existsById(row.key())) {
                    states.update(row);
                } else {
                    states.save(row);
                }
            });
            List<AlertDeliveryRow> pending = new ArrayList<>();
            for (AlertEvent event : changes.events()) {
                events.save(AlertEventRow.of(event, nowMillis));
                for (String webhook : webhooks) {
                    pending.add(new AlertDeliveryRow(new AlertDeliveryRow.Key(event.id(), webhook), 0, nowMillis, null,
                            null));
                }
            }
            if (!pending.isEmpty()) {
                deliveries.saveAll(pending);
            }
            changes.evaluatedBlock().ifPresent(block -> {
                AlertEvaluatedRow mark = new AlertEvaluatedRow(AlertEvaluatedRow.ONLY, block);
                if (evaluated.existsById(AlertEvaluatedRow.ONLY)) {
                    evaluated.update(mark);
                } else {
                    evaluated.save(mark);
                }
            });
            return null;
        }));
    }

    /** Events, newest first; {@code kind} empty for both kinds. */
    public List<AlertEvent> events(Optional<AlertTransition.Kind> kind, int limit) {
        Pageable page = Pageable.from(0, limit, AlertEventRow.NEWEST_FIRST);
        return StoreException.attempt("read the alert events", () -> (kind.isPresent()
                ? events.findByKind(kind.get(), page) : events.list(page)).stream().map(AlertEventRow::event).toList());
    }

    /** Deliveries not yet made whose next attempt is due, oldest first. */
    public List<Delivery> due(long nowMillis, int limit) {
        return StoreException.attempt("read the alert outbox", () -> transactions.executeRead(status -> {
            List<AlertDeliveryRow> due = deliveries.due(nowMillis, limit);
            if (due.isEmpty()) {
                return List.<Delivery>of();
            }
            List<String> ids = due.stream().map(d -> d.key().eventId()).distinct().toList();
            Map<String, AlertEvent> byId = events.findByIdIn(ids).stream()
                    .collect(Collectors.toMap(AlertEventRow::id, AlertEventRow::event));
            return due.stream().map(d -> new Delivery(byId.get(d.key().eventId()), d.key().webhook(), d.attempts(),
                    d.nextAttemptAt()))
                    .toList();
        }));
    }

    /**
     * Takes {@code delivery} until {@code leaseUntilMillis}, unless another tracker on the same database took it
     * since it was read: two trackers (replicas) never post the same delivery at once, and one that dies holding it
     * lets the other take it when the lease ends.
     */
    public boolean claim(Delivery delivery, long leaseUntilMillis) {
        return StoreException.attempt("claim an alert delivery", () -> deliveries.claim(delivery.event().id(),
                delivery.webhook(), delivery.nextAttemptAt(), leaseUntilMillis)) == 1;
    }

    public void delivered(String eventId, String webhook, long nowMillis) {
        StoreException.attempt("update the alert outbox", () -> deliveries.delivered(eventId, webhook, nowMillis));
    }

    public void failed(String eventId, String webhook, long nextAttemptMillis, String error) {
        String trimmed = error.length() > 1000 ? error.substring(0, 1000) : error;
        StoreException.attempt("update the alert outbox",
                () -> deliveries.failed(eventId, webhook, nextAttemptMillis, trimmed));
    }

    /** Pending deliveries (for /health-like views and tests). */
    public int pending() {
        return StoreException.attempt("count pending deliveries", () -> (int) deliveries.countByDeliveredAtIsNull());
    }
}
