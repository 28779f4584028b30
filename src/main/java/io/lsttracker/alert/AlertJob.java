package io.lsttracker.alert;

import io.lsttracker.snapshot.SnapshotCycle;
import io.lsttracker.snapshot.SnapshotSettings;
import io.lsttracker.db.StoreException;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With the scheduler (serve, demo): staleness and deep reorgs checked every poll interval, the outbox sent every few
 * seconds.
 */
// Created with the context, not at its first run: a configuration it needs that cannot work (alerts.yml,
// pools.yml) stops the start instead of failing every scheduled run (README: "Commands").
@Context
@Requires(property = "tracker.scheduler.enabled", value = "true")
public final class AlertJob {
    private static final Logger LOG = LoggerFactory.getLogger(AlertJob.class);
    private final AlertService alerts;
    private final OutboxDispatcher outbox;
    private final SnapshotCycle cycle;
    private final Duration pollInterval;

    public AlertJob(AlertService alerts, OutboxDispatcher outbox, SnapshotCycle cycle, SnapshotSettings settings,
            AlertRepository repository) {
        // The judging of staleness is claimed as the tracker starts (while its database answers), so a check during an
        // outage later finds its session broken at once instead of waiting out a connection timeout to ask.
        repository.leadsStaleness();
        this.alerts = alerts;
        this.outbox = outbox;
        this.cycle = cycle;
        this.pollInterval = settings.pollInterval();
    }

    @Scheduled(fixedDelay = "${tracker.poll-interval}", initialDelay = "${tracker.poll-interval}")
    void staleness() {
        SnapshotCycle.Status status = cycle.status();
        try {
            alerts.checkStaleness(Instant.now(), status.lastSuccess().orElse(status.startedAt()), pollInterval,
                    status.lastSuccess().isPresent());
        } catch (StoreException e) {
            LOG.warn("staleness not checked: {}", e.getMessage());
        }
        alerts.checkDeepReorgs(cycle.reorgsTooDeep(), Instant.now());
    }

    @Scheduled(fixedDelay = "${tracker.alerts.dispatch-interval}", initialDelay = "2s")
    void dispatch() {
        try {
            outbox.dispatch(Instant.now());
        } catch (StoreException e) {
            LOG.warn("alert outbox not sent: {}", e.getMessage());
        }
    }
}
