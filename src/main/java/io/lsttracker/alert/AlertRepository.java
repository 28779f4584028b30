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
import jakarta.inject.Singleton;
import java.math.BigInteger;
import java.sql.Connection;
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

    AlertRepository(AlertStateRepository states, AlertEvaluatedRepository evaluated, AlertEventRepository events,
            AlertDeliveryRepository deliveries, PoolRateRepository rates,
            TransactionOperations<Connection> transactions) {
        this.states = states;
        this.evaluated = evaluated;
        this.events = events;
        this.deliveries = deliveries;
        this.rates = rates;
        this.transactions = transactions;
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
