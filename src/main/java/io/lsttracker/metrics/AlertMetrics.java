package io.lsttracker.metrics;

import io.lsttracker.alert.AlertRepository;
import io.lsttracker.alert.AlertState;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code lst_alert_firing{rule, subject}}: 1 while an alert fires, 0 once it has resolved, one series per rule
 * and subject the evaluator has seen; read from the persisted alert states, so it survives restarts.
 */
@Context
@Requires(env = "server")
public final class AlertMetrics {
    private static final Logger LOG = LoggerFactory.getLogger(AlertMetrics.class);

    private final AlertRepository alerts;
    private final MultiGauge firing;

    public AlertMetrics(AlertRepository alerts, io.micrometer.core.instrument.MeterRegistry meters) {
        this.alerts = alerts;
        this.firing = MultiGauge.builder("lst.alert.firing")
                .description("1 while the alert of the rule for the subject fires, else 0").register(meters);
        refresh();
    }

    @Scheduled(fixedDelay = "15s", initialDelay = "15s")
    void refresh() {
        try {
            Map<AlertRepository.Key, AlertState> states = alerts.states();
            List<MultiGauge.Row<?>> rows = states.entrySet().stream()
                    .map(e -> MultiGauge.Row.of(Tags.of("rule", e.getKey().ruleId(), "subject", e.getKey().subject()),
                            e.getValue().firing() ? 1 : 0))
                    .<MultiGauge.Row<?>>map(row -> row).toList();
            firing.register(rows, true);
        } catch (RuntimeException e) {
            LOG.warn("alert metrics not refreshed: {}", e.getMessage());
        }
    }
}
