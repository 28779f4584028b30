package io.lsttracker.alert;

import io.lsttracker.alert.AlertRepository.Key;
import io.lsttracker.alert.AlertRule.Metric;
import io.lsttracker.concentration.ConcentrationReport;
import io.lsttracker.config.ConfigException;
import io.lsttracker.pool.PoolRegistry;
import io.lsttracker.domain.PoolId;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Snapshot;
import io.lsttracker.snapshot.SnapshotListener;
import io.lsttracker.concentration.ConcentrationStore;
import io.lsttracker.snapshot.SnapshotStore;
import io.lsttracker.db.StoreException;
import io.lsttracker.clients.ClientWindows;
import io.lsttracker.entity.EntityReading;
import io.lsttracker.entity.EntityStore;
import io.lsttracker.entity.LatestEntityReading;
import io.lsttracker.liquidity.LiquidityFigures;
import io.lsttracker.liquidity.LiquidityHistory;
import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates the alert rules: on every snapshot recorded (its concentration figures and rate changes, at the
 * block's time) and, for staleness and deep reorgs, on the clock. A snapshot's and the deep-reorg evaluation hold
 * {@link AlertRepository#lockEvaluation}, so trackers sharing a PostgreSQL database evaluate one after the other, each
 * from the states the one before wrote; staleness is judged by one tracker alone
 * ({@link AlertRepository#leadsStaleness}). Each event is logged, and stored with the new state and one outbox delivery
 * per webhook in one transaction; the {@link OutboxDispatcher} sends them. Alerts are about now: a snapshot of a block
 * older than the newest one evaluated (a backfill after the live cycle ran) is not evaluated. A rate change is
 * measured against the pool's previous stored snapshot; an entity's share against the latest entity reading (taken for
 * the snapshot's epoch before this hears of it, or the last one that succeeded); a majority client's share against the
 * client-diversity figures the last reading of blocks computed; a market's discount against the liquidity figures at
 * the snapshot's block, and the exit wait against the beacon exit queue's latest reading, a rule's {@code for} against
 * their stored history ({@link AlertHold}).
 */
@Singleton
@Order(20) // after the entity reading of the snapshot's epoch (EntityReadingListener, order 10)
public final class AlertService implements SnapshotListener {
    private static final Logger LOG = LoggerFactory.getLogger(AlertService.class);
    public static final String TRACKER = "tracker";

    private final AlertConfig config;
    private final AlertRepository repository;
    private final ConcentrationStore concentration;
    private final LatestEntityReading entities;
    /** The client-diversity figures in memory (the client-majority rules); absent where no reader of blocks runs. */
    private volatile ClientWindows clients;
    private volatile LiquidityHistory liquidity;
    /**
     * Staleness is about the tracker itself, so it is judged (and logged) while the database is down: from the
     * alert states last read, with the changes held here until they can be stored.
     */
    private final Map<Key, AlertState> staleStates = new HashMap<>();
    private final List<AlertRepository.Changes> heldStaleness = new ArrayList<>();
    /** lst_snapshot_reorg_too_deep_total at the last check whose result was stored. */
    private long deepReorgsJudged;
    /** Whether that check found any (a firing alert to resolve at the next check that finds none). */
    private boolean deepReorgJudgedAbove;
    /** The last judging of staleness could not read or write the alert states. */
    private boolean databaseDownAtLastJudging;

    public AlertService(AlertConfig config, AlertRepository repository, ConcentrationStore concentration,
            PoolRegistry registry, LatestEntityReading entities) {
        for (AlertRule rule : config.rules()) {
            if (rule.pool().isPresent() && registry.find(new PoolId(rule.pool().get())).isEmpty()) {
                throw new ConfigException(config.source() + ": rules." + rule.id() + ".pool: no pool '"
                        + rule.pool().get() + "' in " + registry.source());
            }
        }
        this.config = config;
        this.repository = repository;
        this.concentration = concentration;
        this.entities = entities;
    }

    /** Set by the context (method injection keeps the constructor as tests build it). */
    @jakarta.inject.Inject
    void clients(ClientWindows windows) {
        this.clients = windows;
    }

    /**
     * The liquidity figures (the market-discount-bps and exit-wait-days rules, and their {@code for}); set by the
     * context. Without it those rules have no subject.
     */
    @jakarta.inject.Inject
    void liquidity(LiquidityHistory history) {
        this.liquidity = history;
    }

    /** A backfill's snapshots are history, not news: only the live cycle's (and reorg re-reads) are evaluated. */
    @Override
    public void recordedAll(List<Recorded> recorded) {
        recorded.stream().filter(r -> !r.history()).forEach(r -> recorded(r.snapshot(), r.outcome()));
    }

    @Override
    public synchronized void recorded(Snapshot snapshot, SnapshotStore.SaveOutcome outcome) {
        try (AlertRepository.EvaluationLock lock = repository.lockEvaluation()) {
            long block = snapshot.block().number();
            Optional<Long> evaluated = repository.evaluatedBlock();
            // An older block recorded late (a backfill) is history, not news; but one a reorg replaced is news: its
            // new figures (a rate that moved on the new branch) were never evaluated.
            boolean replaced = outcome == SnapshotStore.SaveOutcome.REPLACED;
            if (evaluated.isPresent() && block < evaluated.get() && !replaced) {
                return;
            }
            Optional<ConcentrationReport> report = concentration.at(block);
            if (report.isEmpty()) {
                return;
            }
            Map<PoolId, BigInteger> previous = repository.ratesBefore(
                    snapshot.pools().stream().map(PoolState::id).toList(), block);
            Optional<EntityReading> entityReading = entities.get().map(EntityStore.StoredReading::reading);
            Optional<ClientWindows.Report> clientFigures = clients == null ? Optional.empty()
                    : clients.computed(ClientWindows.Window.D7);
            Map<Key, AlertState> states = repository.states();
            Instant at = snapshot.block().timestamp();
            Map<AlertRule, AlertRepository.Changes> byRule = new LinkedHashMap<>();
            LiquidityAtBlock liquidityFigures = new LiquidityAtBlock(snapshot);
            for (AlertRule rule : config.rules()) {
                if (rule.metric() == Metric.STALE || rule.metric() == Metric.REORG_TOO_DEEP) {
                    continue;
                }
                Map<Key, AlertState> changed = new LinkedHashMap<>();
                List<AlertEvent> events = new ArrayList<>();
                try {
                    Map<String, Optional<BigDecimal>> values = rule.metric().judgedFromHistory()
                            ? liquidityFigures.values(rule)
                            : Observations.of(rule, snapshot, report.get(), previous, entityReading, clientFigures);
                    values.forEach((subject, value) -> evaluate(rule, subject, value, at,
                            Optional.of(snapshot.block().number()), states, changed, events,
                            () -> held(rule, subject, value, at)));
                } catch (RuntimeException e) {
                    LOG.warn("alert rule {} not evaluated for block {}: {}", rule.id(), block, e.toString());
                    continue;
                }
                byRule.put(rule, new AlertRepository.Changes(changed, events, Optional.empty()));
            }
            storeEachRule(byRule, Math.max(block, evaluated.orElse(block))); // the mark never moves back
        } catch (StoreException e) {
            LOG.warn("alerts not evaluated for block {}: {}", snapshot.block().number(), e.getMessage());
        }
    }

    /**
     * The staleness rules at {@code now}: intervals since the last successful cycle (or since the start, when no
     * cycle has succeeded in this process), to 6 decimals rounded down. With replicas on one PostgreSQL database, one
     * of them judges staleness (the lead; another takes it over when it dies).
     */
    public synchronized void checkStaleness(Instant now, Instant lastSuccessOrStart, Duration pollInterval) {
        checkStaleness(now, lastSuccessOrStart, pollInterval, true);
    }

    /**
     * {@link #checkStaleness(Instant, Instant, Duration)}, where {@code succeeded} tells whether a cycle of this
     * process has succeeded (else {@code lastSuccessOrStart} is its start). Without a success there is no evidence
     * that the data is fresh, so a firing staleness alert is not resolved: a tracker restarted while the chain is down,
     * or a replica that takes over the judging from one that died, counts from its own start, later than the last
     * success, and would otherwise resolve the alert at once and fire it again a few intervals on.
     */
    public synchronized void checkStaleness(Instant now, Instant lastSuccessOrStart, Duration pollInterval,
            boolean succeeded) {
        // One tracker judges staleness and writes its states (AlertRepository.leadsStaleness), so it needs no
        // evaluation lock. Once the judging found the database down, the lead is not asked again until it answers:
        // each attempt would wait out the connection timeout, and the outage's staleness must be judged while it lasts.
        boolean judge = databaseDownAtLastJudging ? repository.ledStaleness() : repository.leadsStaleness();
        if (judge) { // else another tracker on this database judges it
            judgeStaleness(now, lastSuccessOrStart, pollInterval, succeeded);
        }
    }

    /**
     * The reorg-too-deep rules, given how many reorgs deeper than the depth this tracker's cycle has found since it
     * started ({@code lst_snapshot_reorg_too_deep_total}): the value is how many were found since the last check whose
     * result was stored. Judged by every replica (each counts the reorgs its own cycle found), under the evaluation
     * lock.
     */
    public synchronized void checkDeepReorgs(long foundSinceStart, Instant now) {
        long found = foundSinceStart - deepReorgsJudged;
        boolean anyRule = config.rules().stream().anyMatch(r -> r.metric() == Metric.REORG_TOO_DEEP);
        if (!anyRule || found == 0 && !deepReorgJudgedAbove) {
            return; // nothing new and nothing to resolve: no need to ask the database every interval
        }
        try (AlertRepository.EvaluationLock lock = repository.lockEvaluation()) {
            Map<Key, AlertState> states = repository.states();
            Map<Key, AlertState> changed = new LinkedHashMap<>();
            List<AlertEvent> events = new ArrayList<>();
            for (AlertRule rule : config.rules()) {
                if (rule.metric() == Metric.REORG_TOO_DEEP) {
                    evaluate(rule, TRACKER, Optional.of(BigDecimal.valueOf(found)), now, Optional.empty(), states,
                            changed, events);
                }
            }
            if (!changed.isEmpty() || !events.isEmpty()) {
                store(new AlertRepository.Changes(changed, events, Optional.empty()));
            }
            deepReorgsJudged = foundSinceStart;
            deepReorgJudgedAbove = found > 0;
        } catch (StoreException e) {
            LOG.warn("deep reorgs not judged (judged again at the next check): {}", e.getMessage());
        }
    }

    private void judgeStaleness(Instant now, Instant lastSuccessOrStart, Duration pollInterval, boolean succeeded) {
        BigDecimal intervals = BigDecimal.valueOf(Duration.between(lastSuccessOrStart, now).toMillis())
                .divide(BigDecimal.valueOf(pollInterval.toMillis()), 6, RoundingMode.DOWN);
        storeHeldStaleness();
        Map<Key, AlertState> states;
        if (heldStaleness.isEmpty()) {
            try {
                states = repository.states();
                staleStates.putAll(states);
                databaseDownAtLastJudging = false;
            } catch (StoreException e) {
                LOG.warn("staleness judged from the alert states last read: {}", e.getMessage());
                states = new HashMap<>(staleStates);
                databaseDownAtLastJudging = true;
            }
        } else {
            states = new HashMap<>(staleStates); // the held changes are newer than what the database has
            databaseDownAtLastJudging = true;
        }
        Map<Key, AlertState> changed = new LinkedHashMap<>();
        List<AlertEvent> events = new ArrayList<>();
        for (AlertRule rule : config.rules()) {
            if (rule.metric() == Metric.STALE) {
                AlertState before = states.getOrDefault(new Key(rule.id(), TRACKER), AlertState.INITIAL);
                boolean wouldResolve = before.firing() && AlertEvaluator.resolves(rule, intervals);
                evaluate(rule, TRACKER, !succeeded && wouldResolve ? Optional.empty() : Optional.of(intervals), now,
                        Optional.empty(), states, changed, events);
            }
        }
        if (events.isEmpty() && changed.isEmpty()) {
            return;
        }
        staleStates.putAll(changed);
        AlertRepository.Changes changes = new AlertRepository.Changes(changed, events, Optional.empty());
        if (heldStaleness.isEmpty()) {
            try {
                store(changes);
                return;
            } catch (StoreException e) {
                LOG.warn("staleness alert held until the database answers: {}", e.getMessage());
                databaseDownAtLastJudging = true;
            }
        }
        heldStaleness.add(changes);
        logEvents(changes.events(), " (held: not stored yet)");
    }

    /**
     * Stores the staleness changes judged while the database was down, oldest first, so their events reach the
     * outbox (and the webhooks) once it answers; on a failure the rest stay held.
     */
    private void storeHeldStaleness() {
        while (!heldStaleness.isEmpty()) {
            try {
                repository.apply(heldStaleness.get(0), config.webhooks().stream().map(Webhook::name).toList(),
                        System.currentTimeMillis());
            } catch (StoreException e) {
                return;
            }
            heldStaleness.remove(0);
        }
    }

    /**
     * The liquidity figures at one snapshot's block, read once for all the rules that need them: from the history's
     * memory when it holds this block, else from the store (the memory may be refreshed by a listener heard after
     * this one; the figures are stored with the snapshot, in its transaction, so the store has them).
     */
    private final class LiquidityAtBlock {
        private final Snapshot snapshot;
        private List<LiquidityFigures> figures;

        LiquidityAtBlock(Snapshot snapshot) {
            this.snapshot = snapshot;
        }

        Map<String, Optional<BigDecimal>> values(AlertRule rule) {
            LiquidityHistory history = liquidity;
            if (history == null) {
                return Map.of();
            }
            if (figures == null && rule.metric() == Metric.MARKET_DISCOUNT_BPS) {
                figures = read(history);
            }
            return Observations.ofLiquidity(rule, figures == null ? List.of() : figures, history.latestExitQueue());
        }

        private List<LiquidityFigures> read(LiquidityHistory history) {
            long block = snapshot.block().number();
            List<LiquidityFigures> latest = history.latest();
            if (!latest.isEmpty() && latest.get(0).block().number() == block) {
                return latest;
            }
            Instant at = snapshot.block().timestamp();
            List<LiquidityFigures> found = new ArrayList<>();
            for (PoolState pool : snapshot.pools()) {
                history.history(pool.id(), at, at.plusSeconds(1), AT_ONE_TIME).stream()
                        .filter(f -> f.block().number() == block).findFirst().ifPresent(found::add);
            }
            return found;
        }
    }

    /** Snapshots read back to find one block's figures by its time: blocks of one second are few (a devchain's). */
    private static final int AT_ONE_TIME = 16;

    /**
     * Whether {@code value}, across the rule's threshold at {@code at}, has been across for the rule's {@code for}:
     * judged by {@link AlertHold} from the readings stored over its look-back, with this value as the one at
     * {@code at} (the store may not show it yet: the exit queue's latest reading is older than the snapshot).
     */
    private boolean held(AlertRule rule, String subject, Optional<BigDecimal> value, Instant at) {
        LiquidityHistory history = liquidity;
        if (rule.hold().isZero() || history == null) {
            return true;
        }
        Instant from = AlertHold.lookBack(rule, at);
        Instant to = at.plusMillis(1); // block times are whole seconds: the readings up to at, included
        // A value stands until the next reading: the readings of the look-back, and the one standing at its start
        // (the newest before it, however old), so a sparse history (a backfill's points hours apart, the devchain's
        // blocks hours apart) shows a run that began before the look-back.
        List<AlertHold.Reading> readings = new ArrayList<>();
        if (rule.metric() == Metric.MARKET_DISCOUNT_BPS) {
            PoolId pool = new PoolId(subject);
            Stream.concat(history.history(pool, Instant.EPOCH, from, 1).stream(),
                    history.history(pool, from, to, AlertHold.MAX_READINGS).stream()).forEach(f -> readings.add(
                    new AlertHold.Reading(f.block().timestamp(), Observations.oneTokenDiscount(f))));
        } else {
            Stream.concat(history.exitQueueHistory(Instant.EPOCH, from, 1).stream(),
                    history.exitQueueHistory(from, to, AlertHold.MAX_READINGS).stream()).forEach(q -> readings.add(
                    new AlertHold.Reading(q.block().timestamp(), Optional.of(q.waitDays()))));
        }
        readings.add(new AlertHold.Reading(at, value));
        return AlertHold.held(rule, readings, at);
    }

    private void evaluate(AlertRule rule, String subject, Optional<BigDecimal> value, Instant at,
            Optional<Long> block, Map<Key, AlertState> states, Map<Key, AlertState> changed, List<AlertEvent> events) {
        evaluate(rule, subject, value, at, block, states, changed, events, () -> true);
    }

    private void evaluate(AlertRule rule, String subject, Optional<BigDecimal> value, Instant at,
            Optional<Long> block, Map<Key, AlertState> states, Map<Key, AlertState> changed, List<AlertEvent> events,
            java.util.function.BooleanSupplier held) {
        Key key = new Key(rule.id(), subject);
        AlertState before = states.getOrDefault(key, AlertState.INITIAL);
        AlertEvaluator.Outcome outcome = AlertEvaluator.evaluate(rule, subject, value, before, at, held);
        if (!outcome.state().equals(before)) {
            changed.put(key, outcome.state());
        }
        outcome.transition().ifPresent(t -> events.add(new AlertEvent(UUID.randomUUID().toString(), rule.id(),
                rule.metric(), subject, t.kind(), t.value(), t.threshold(), rule.direction(), at, block,
                AlertMessages.describe(rule, t))));
    }

    /**
     * The rules' changes and the block mark in one transaction; if that fails, each rule's alone and then the
     * mark, so a rule whose event the database refuses loses only its own evaluation, never the other rules'.
     */
    private void storeEachRule(Map<AlertRule, AlertRepository.Changes> byRule, long block) {
        Map<Key, AlertState> allStates = new LinkedHashMap<>();
        List<AlertEvent> allEvents = new ArrayList<>();
        byRule.values().forEach(c -> {
            allStates.putAll(c.states());
            allEvents.addAll(c.events());
        });
        try {
            store(new AlertRepository.Changes(allStates, allEvents, Optional.of(block)));
            return;
        } catch (StoreException together) {
            if (byRule.size() < 2) {
                throw together;
            }
            LOG.warn("alerts of block {} not stored together, storing each rule alone: {}", block,
                    together.getMessage());
        }
        byRule.forEach((rule, changes) -> {
            try {
                store(changes);
            } catch (StoreException e) {
                LOG.warn("alert rule {} not stored for block {}: {}", rule.id(), block, e.getMessage());
            }
        });
        store(new AlertRepository.Changes(Map.of(), List.of(), Optional.of(block)));
    }

    private void store(AlertRepository.Changes changes) {
        repository.apply(changes, config.webhooks().stream().map(Webhook::name).toList(), System.currentTimeMillis());
        logEvents(changes.events(), "");
    }

    private static void logEvents(List<AlertEvent> events, String note) {
        for (AlertEvent event : events) {
            LOG.warn("alert {} {}: {} (id {}){}", event.kind().name().toLowerCase(), event.ruleId(), event.message(),
                    event.id(), note);
        }
    }
}
