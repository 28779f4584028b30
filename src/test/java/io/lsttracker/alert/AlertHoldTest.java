package io.lsttracker.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lsttracker.alert.AlertRule.Direction;
import io.lsttracker.alert.AlertRule.Metric;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code for} of a rule, judged from stored readings (pure): market-discount-bps below -100 held for 1h. Each
 * row is a history of readings at minutes before now (now is minute 0, the last reading) with their values ("x":
 * a failed market, no value), and whether the rule is held at now.
 */
class AlertHoldTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final AlertRule RULE = new AlertRule("discount", Metric.MARKET_DISCOUNT_BPS, Optional.empty(), 0,
            null, new BigDecimal("-100"), Direction.BELOW, BigDecimal.TEN, Duration.ZERO, Optional.empty(),
            Duration.ofHours(1));

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', textBlock = """
            60:-120 30:-130 0:-110            | true  | across at minute -60, -30 and now: the run began exactly 1h ago
            59:-120 30:-130 0:-110            | false | the run began 59 minutes ago: not yet
            90:-101 60:-120 0:-110            | true  | the run reaches back 90 minutes
            60:-120 30:-99.99 0:-110          | false | one reading in between not below -100 breaks the run
            60:-120 30:-100 0:-110            | false | -100 itself is not below the threshold
            60:-120 30:x 0:-110               | true  | a failed market in between is no news: neither breaks nor makes it
            60:x 30:-130 0:-110               | false | nor does it start the run: the first value across is 30 min old
            0:-500                            | false | a single reading, however deep
            110:-150 0:-150                   | true  | no reading for 110 minutes (the tracker stopped): those stored were all across
            121:-150 0:-150                   | false | the run's start is beyond the look-back of 2h: not seen, not held
            120:-150 0:-150                   | true  | at the look-back's edge it is seen
            60:-120 30:-130 0:-50             | false | now is not across
            """)
    void heldFromTheStoredReadings(String history, boolean held, String why) {
        List<AlertHold.Reading> readings = new ArrayList<>();
        for (String reading : history.trim().split("\\s+")) {
            String[] parts = reading.split(":");
            Instant time = NOW.minusSeconds(60L * Long.parseLong(parts[0]));
            if (time.isBefore(AlertHold.lookBack(RULE, NOW))) {
                continue; // the store is read from the look-back on
            }
            readings.add(new AlertHold.Reading(time, parts[1].equals("x") ? Optional.empty()
                    : Optional.of(new BigDecimal(parts[1]))));
        }
        assertEquals(held, AlertHold.held(RULE, readings, NOW), why);
    }

    @Test
    void theEvaluatorFiresACrossingOnlyWhenHeldAndAsksOnlyThen() {
        Optional<BigDecimal> deep = Optional.of(new BigDecimal("-150"));
        AlertEvaluator.Outcome waiting = AlertEvaluator.evaluate(RULE, "lido", deep, AlertState.INITIAL, NOW,
                () -> false);
        assertEquals(Optional.empty(), waiting.transition());
        assertEquals(new AlertState(false, Optional.empty(), Optional.empty(), deep), waiting.state());
        AlertEvaluator.Outcome fired = AlertEvaluator.evaluate(RULE, "lido", deep, waiting.state(), NOW, () -> true);
        assertEquals(AlertTransition.Kind.FIRING, fired.transition().orElseThrow().kind());
        // Not across, or already firing: the hold is not asked (it reads the store).
        java.util.function.BooleanSupplier never = () -> {
            throw new AssertionError("the hold was asked");
        };
        AlertEvaluator.evaluate(RULE, "lido", Optional.of(new BigDecimal("-50")), AlertState.INITIAL, NOW, never);
        AlertEvaluator.evaluate(RULE, "lido", deep, fired.state(), NOW, never);
        // Firing, -90 (= -100 + hysteresis 10) resolves as without a hold.
        AlertEvaluator.Outcome resolved = AlertEvaluator.evaluate(RULE, "lido", Optional.of(new BigDecimal("-90")),
                fired.state(), NOW.plusSeconds(60), never);
        assertEquals(AlertTransition.Kind.RESOLVED, resolved.transition().orElseThrow().kind());
    }

    @Test
    void aRuleWithoutAHoldIsHeldAtOnce() {
        AlertRule atOnce = new AlertRule("discount", Metric.MARKET_DISCOUNT_BPS, Optional.empty(), 0, null,
                new BigDecimal("-100"), Direction.BELOW, BigDecimal.TEN, Duration.ZERO, Optional.empty());
        assertEquals(Duration.ZERO, atOnce.hold());
        assertEquals(true, AlertHold.held(atOnce, List.of(), NOW), "no reading is needed");
    }

    @Test
    void onlyTheMetricsWithStoredReadingsTakeAHold() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AlertRule("r",
                Metric.HHI_OF_LSTS, Optional.empty(), 0, null, BigDecimal.ONE, Direction.ABOVE, BigDecimal.ZERO,
                Duration.ZERO, Optional.empty(), Duration.ofHours(1)));
        assertEquals("a hold (for) is only for the metrics judged from stored history, not hhi-of-lsts",
                e.getMessage());
    }
}
