package io.lsttracker.api;

import io.lsttracker.alert.AlertEvent;
import io.lsttracker.alert.AlertRepository;
import io.lsttracker.alert.AlertTransition;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import java.util.List;
import java.util.Optional;

/** Alert events, newest first. Read-only: rules and webhooks come from config/alerts.yml, never from the API. */
@Controller("/api/alerts")
public class AlertsController {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final AlertRepository alerts;

    public AlertsController(AlertRepository alerts) {
        this.alerts = alerts;
    }

    public record EventView(String id, String state, String rule, String metric, String subject, String value,
            String threshold, String direction, String time, Long blockNumber, String message) {
        static EventView of(AlertEvent e) {
            return new EventView(e.id(), e.kind().name().toLowerCase(), e.ruleId(), e.metric().configName(),
                    e.subject(), e.value().toPlainString(), e.threshold().toPlainString(), e.direction().configName(),
                    e.occurredAt().toString(), e.blockNumber().orElse(null), e.message());
        }
    }

    public record EventList(String state, int limit, List<EventView> events) {
    }

    /** An alert firing now: its rule and subject, since when, and the last value seen. */
    public record ActiveAlert(String rule, String subject, String since, String value) {
    }

    public record ActiveList(List<ActiveAlert> alerts) {
    }

    /** {@code GET /api/alerts/active}: the alerts firing now, from the evaluator's persisted state. */
    @Get("/active")
    public ActiveList active() {
        return new ActiveList(alerts.states().entrySet().stream()
                .filter(e -> e.getValue().firing())
                .sorted(java.util.Map.Entry.comparingByKey(java.util.Comparator
                        .comparing(AlertRepository.Key::ruleId).thenComparing(AlertRepository.Key::subject)))
                .map(e -> new ActiveAlert(e.getKey().ruleId(), e.getKey().subject(),
                        e.getValue().lastFiredAt().map(Object::toString).orElse(null),
                        e.getValue().lastValue().map(java.math.BigDecimal::toPlainString).orElse(null)))
                .toList());
    }

    @Get
    public EventList events(@Nullable @QueryValue String state, @Nullable @QueryValue String limit) {
        Optional<AlertTransition.Kind> kind;
        if (state == null || state.isBlank()) {
            kind = Optional.empty();
        } else {
            kind = switch (state) {
                case "firing" -> Optional.of(AlertTransition.Kind.FIRING);
                case "resolved" -> Optional.of(AlertTransition.Kind.RESOLVED);
                default -> throw ApiException.badParameter("state", "'" + state + "' is not one of firing, resolved");
            };
        }
        int n = DEFAULT_LIMIT;
        if (limit != null && !limit.isBlank()) {
            try {
                n = Integer.parseInt(limit.trim());
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 1 || n > MAX_LIMIT) {
                throw ApiException.badParameter("limit", "'" + limit + "' is not a whole number from 1 to " + MAX_LIMIT);
            }
        }
        return new EventList(kind.map(k -> k.name().toLowerCase()).orElse("all"), n,
                alerts.events(kind, n).stream().map(EventView::of).toList());
    }
}
