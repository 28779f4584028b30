package io.lsttracker.alert;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A rule's {@code for} (its {@link AlertRule#hold}), judged from the stored readings of its metric: pure. The value
 * is held across the threshold when every stored reading since some reading at least {@code hold} old is across,
 * that one included: the run of readings across reaches back {@code hold} or more. A reading without a value (a
 * failed market) neither breaks nor makes the run, as it is no news to the evaluator. The run is found among the
 * readings of the last 2 x hold ({@link #lookBack}) and the one standing at its start (the newest before it, which
 * the caller adds): a value stands until the next reading, so a history whose readings are hours apart (a backfill's
 * points, a tracker that stopped) still shows a run that began before the look-back.
 *
 * <p>Because it is judged from the store, a tracker that restarts during the wait fires when the first reading was
 * {@code hold} ago, not {@code hold} after the restart; and replicas sharing the store judge alike.
 */
public final class AlertHold {
    /**
     * The most readings read back for one judging: 2 days of readings (the longest {@code for} is a day) at a poll
     * interval of 3.5 s. With more, the newest are read, and a run older than they reach waits for fewer readings.
     */
    public static final int MAX_READINGS = 50_000;
    /** The longest {@code for} alerts.yml takes: a day, so one judging reads at most 2 days of readings. */
    public static final Duration MAX_HOLD = Duration.ofDays(1);

    private AlertHold() {
    }

    /** A stored reading of the rule's metric for one subject: its block's time and its value, if it had one. */
    public record Reading(Instant time, Optional<BigDecimal> value) {
    }

    /** From where the readings are read to judge a hold at {@code now}: 2 x hold before it. */
    public static Instant lookBack(AlertRule rule, Instant now) {
        return now.minus(rule.hold().multipliedBy(2));
    }

    /**
     * Whether the value is held across at {@code now}, given the stored readings from {@link #lookBack} to now (any
     * order; the reading at now among them). A rule without a hold is held at once.
     */
    public static boolean held(AlertRule rule, List<Reading> readings, Instant now) {
        if (rule.hold().isZero()) {
            return true;
        }
        Instant since = null; // the oldest reading of the run of readings across that ends at now
        List<Reading> newestFirst = readings.stream().filter(r -> r.value().isPresent() && !r.time().isAfter(now))
                .sorted((a, b) -> b.time().compareTo(a.time())).toList();
        for (Reading r : newestFirst) {
            if (!AlertEvaluator.crosses(rule, r.value().get())) {
                break;
            }
            since = r.time();
        }
        return since != null && !since.isAfter(now.minus(rule.hold()));
    }
}
