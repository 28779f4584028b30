package io.lsttracker.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lsttracker.alert.AlertRule.Direction;
import io.lsttracker.alert.AlertRule.Metric;
import io.lsttracker.alert.AlertTransition.Kind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The evaluator on sequences of values: each row is one case, a list of minute:value steps (value '-' for
 * missing) and the transitions expected, F(iring) or R(esolved) at step indices. Rule: lido's share of all
 * staked ETH above 0.25, hysteresis 0.01 (resolves at or below 0.24), cooldown 60 minutes.
 */
class AlertEvaluatorTest {
    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    static AlertRule rule(Direction direction, String threshold, String hysteresis, long cooldownMinutes) {
        return new AlertRule("share-25", Metric.POOL_SHARE_OF_STAKED, Optional.empty(), 0, null,
                new BigDecimal(threshold), direction, new BigDecimal(hysteresis), Duration.ofMinutes(cooldownMinutes));
    }

    /** Runs the steps; a step "restart" round-trips the state through its persisted columns. */
    static String run(AlertRule rule, String steps) {
        AlertState state = AlertState.INITIAL;
        List<String> out = new ArrayList<>();
        int i = 0;
        for (String step : steps.trim().split("\\s+")) {
            if (step.equals("restart")) {
                state = new AlertState(state.firing(), state.pendingSince(), state.lastFiredAt(), state.lastValue());
                continue;
            }
            String[] parts = step.split(":");
            Instant at = T0.plus(Duration.ofMinutes(Long.parseLong(parts[0])));
            Optional<BigDecimal> value = parts[1].equals("-") ? Optional.empty() : Optional.of(new BigDecimal(parts[1]));
            AlertEvaluator.Outcome outcome = AlertEvaluator.evaluate(rule, "lido", value, state, at);
            state = outcome.state();
            int index = i;
            outcome.transition().ifPresent(t -> {
                assertEquals(at, t.at());
                assertEquals(rule.threshold(), t.threshold());
                assertEquals(value.orElseThrow(), t.value());
                out.add((t.kind() == Kind.FIRING ? "F" : "R") + index);
            });
            i++;
        }
        return String.join(" ", out);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            stays below                          | 0:0.20 10:0.24 20:0.25                               | ''
            crossing up fires once               | 0:0.20 10:0.26 20:0.27 30:0.30                       | F1
            exactly at the threshold is not over | 0:0.25 10:0.250000000000000001                       | F1
            crossing down past the margin        | 0:0.26 10:0.245 20:0.24                              | F0 R2
            flapping inside the margin           | 0:0.26 10:0.249 20:0.251 30:0.248 40:0.252            | F0
            re-arms only after the margin        | 0:0.26 10:0.23 80:0.26 90:0.249 100:0.26              | F0 R1 F2
            cooldown holds a second firing       | 0:0.26 10:0.20 20:0.26 30:0.27 61:0.27                | F0 R1 F4
            pending firing dropped if it returns | 0:0.26 10:0.20 20:0.26 30:0.20 61:0.20                | F0 R1
            missing values change nothing        | 0:0.26 10:- 20:0.20 30:-                              | F0 R2
            restart while firing                 | 0:0.26 restart 10:0.27 20:0.24                        | F0 R2
            restart while pending                | 0:0.26 10:0.20 20:0.26 restart 61:0.26                | F0 R1 F3
            """)
    void aboveWithHysteresisAndCooldown(String name, String steps, String expected) {
        assertEquals(expected, run(rule(Direction.ABOVE, "0.25", "0.01", 60), steps), name);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            negative rebase fires and a flat rate resolves | 0:0.0001 10:-0.0001 20:-0.00005 30:0 40:-0.0001 | F1 R3 F4
            no cooldown and no margin                      | 0:-1 10:1 20:-1 30:1                           | F0 R1 F2 R3
            """)
    void below(String name, String steps, String expected) {
        assertEquals(expected, run(rule(Direction.BELOW, "0", "0", 0), steps), name);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            tau-index falls to 2                     | 0:3 10:2 20:2 30:3 | F1 R3
            with a margin of one it resolves at 4    | 0:2 10:3 20:4      | F0 R2
            """)
    void integerMetricsBelow(String name, String steps, String expected) {
        String margin = name.contains("margin") ? "1" : "0";
        assertEquals(expected, run(rule(Direction.BELOW, "3", margin, 0), steps), name);
    }
}
