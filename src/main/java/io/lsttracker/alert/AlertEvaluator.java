package io.lsttracker.alert;

import io.lsttracker.alert.AlertRule.Direction;
import io.lsttracker.alert.AlertTransition.Kind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Decides, for one rule and one subject, whether a new value fires or resolves the alert. Pure: the state goes
 * in and comes out; persisting it is the caller's business.
 *
 * <ul>
 * <li>ABOVE fires when value &gt; threshold; it resolves (and re-arms) only when value &le; threshold - hysteresis.
 *     Between the two it stays as it was, so a value flapping around the threshold fires once.
 *     BELOW is the mirror: fires when value &lt; threshold, resolves when value &ge; threshold + hysteresis.</li>
 * <li>Cooldown: a rule fires for a subject at most once per cooldown. A crossing inside the cooldown is held
 *     (pending) and fires at the first evaluation after the cooldown if the value is still across; if it comes
 *     back first, nothing is sent.</li>
 * <li>A missing value (the pool failed, no beacon total) changes nothing.</li>
 * <li>A rule with a {@code for} ({@link AlertRule#hold}) fires only once the value has been across for that long
 *     ({@link AlertHold}, asked only when the value crosses and the alert is not firing); until then it stays
 *     quiet. Resolving is as above: one value back past the hysteresis resolves.</li>
 * </ul>
 */
public final class AlertEvaluator {
    private AlertEvaluator() {
    }

    /** The new state, and the transition if there is one. */
    public record Outcome(AlertState state, Optional<AlertTransition> transition) {
    }

    public static Outcome evaluate(AlertRule rule, String subject, Optional<BigDecimal> value, AlertState state,
            Instant now) {
        return evaluate(rule, subject, value, state, now, () -> true);
    }

    /**
     * @param held whether the value has been across for the rule's {@code for} (see {@link AlertHold}); asked only
     *             when the value crosses while the alert is not firing
     */
    public static Outcome evaluate(AlertRule rule, String subject, Optional<BigDecimal> value, AlertState state,
            Instant now, BooleanSupplier held) {
        if (value.isEmpty()) {
            return new Outcome(state, Optional.empty());
        }
        BigDecimal v = value.get();
        Optional<BigDecimal> seen = Optional.of(v);
        if (state.firing()) {
            if (resolves(rule, v)) {
                return new Outcome(new AlertState(false, Optional.empty(), state.lastFiredAt(), seen),
                        Optional.of(new AlertTransition(rule.id(), subject, Kind.RESOLVED, v, rule.threshold(), now)));
            }
            return new Outcome(new AlertState(true, Optional.empty(), state.lastFiredAt(), seen), Optional.empty());
        }
        if (!crosses(rule, v) || !held.getAsBoolean()) {
            return new Outcome(new AlertState(false, Optional.empty(), state.lastFiredAt(), seen), Optional.empty());
        }
        boolean cooling = state.lastFiredAt().map(last -> now.isBefore(last.plus(rule.cooldown()))).orElse(false);
        if (cooling) {
            Optional<Instant> pending = Optional.of(state.pendingSince().orElse(now));
            return new Outcome(new AlertState(false, pending, state.lastFiredAt(), seen), Optional.empty());
        }
        return new Outcome(new AlertState(true, Optional.empty(), Optional.of(now), seen),
                Optional.of(new AlertTransition(rule.id(), subject, Kind.FIRING, v, rule.threshold(), now)));
    }

    static boolean crosses(AlertRule rule, BigDecimal value) {
        int c = value.compareTo(rule.threshold());
        return rule.direction() == Direction.ABOVE ? c > 0 : c < 0;
    }

    static boolean resolves(AlertRule rule, BigDecimal value) {
        return rule.direction() == Direction.ABOVE
                ? value.compareTo(rule.threshold().subtract(rule.hysteresis())) <= 0
                : value.compareTo(rule.threshold().add(rule.hysteresis())) >= 0;
    }
}
