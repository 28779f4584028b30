package io.lsttracker.alert;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * A stored alert event: a transition with its id (stable: every delivery of the event carries it, so a receiver
 * can drop duplicates), what was measured and a sentence for people.
 */
public record AlertEvent(String id, String ruleId, AlertRule.Metric metric, String subject, AlertTransition.Kind kind,
        BigDecimal value, BigDecimal threshold, AlertRule.Direction direction, Instant occurredAt,
        Optional<Long> blockNumber, String message) {
}
