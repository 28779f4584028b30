package io.lsttracker.alert;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * What the evaluator remembers of one rule for one subject, persisted so a restart carries on where it left.
 *
 * @param firing       the alert is firing (it fired and has not resolved)
 * @param pendingSince the value crossed while the cooldown ran: it fires when the cooldown ends, if still across
 * @param lastFiredAt  when it last fired, for the cooldown
 * @param lastValue    the last value seen
 */
public record AlertState(boolean firing, Optional<Instant> pendingSince, Optional<Instant> lastFiredAt,
        Optional<BigDecimal> lastValue) {

    public static final AlertState INITIAL = new AlertState(false, Optional.empty(), Optional.empty(), Optional.empty());
}
