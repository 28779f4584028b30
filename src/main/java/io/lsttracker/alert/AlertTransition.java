package io.lsttracker.alert;

import java.math.BigDecimal;
import java.time.Instant;

/** An alert firing or resolving: what the evaluator decided, before it gets an id and is stored. */
public record AlertTransition(String ruleId, String subject, Kind kind, BigDecimal value, BigDecimal threshold,
        Instant at) {

    public enum Kind {
        FIRING, RESOLVED
    }
}
