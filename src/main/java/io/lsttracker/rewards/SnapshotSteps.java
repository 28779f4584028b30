package io.lsttracker.rewards;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Rate steps of a pool without report events in the tracker, from its stored exchange-rate history
 * (ethPerToken, 18 decimals). Rates move at the protocol's reports, so the points are the stored snapshots
 * at which ethPerToken CHANGED from the snapshot before: each is the first sighting of a report's rate, at
 * most one snapshot interval after the report. The first stored snapshot is not a point: the rate it saw was
 * set at an unknown earlier time, and counting from it would annualise one report's change over a part of
 * its period. For rates that accrue every second (osETH, sfrxETH mid-cycle) every snapshot is a point.
 *
 * <p>A change of at most {@link #NOISE_WEI} wei per token is not a report: where the rate is a quotient of
 * two totals (mETH, weETH), deposits and withdrawals move it by a wei or two of integer rounding. A day's
 * rewards at 1% APR move a rate near 1 by about 2.7e13 wei, ten orders of magnitude more. A change that is
 * undone (the rate comes back within that much of the level before it) is a transient state, such as totals
 * written in two transactions, and is dropped: a report does not return a rate to exactly where it was.
 */
public final class SnapshotSteps {
    /** One stored reading: block, time and ethPerToken in wei per 1e18 token units. */
    public record Reading(long block, Instant time, BigInteger ethPerToken) {
    }

    /** Changes this small are rounding, not rewards (see above). */
    public static final BigInteger NOISE_WEI = BigInteger.valueOf(1000);

    private SnapshotSteps() {
    }

    /** {@code readings} in block order, as stored. */
    public static List<RateStep> steps(List<Reading> readings) {
        if (readings.isEmpty()) {
            return List.of();
        }
        // levels.get(0) is the first reading (not a point); every later level is a point.
        List<Reading> levels = new ArrayList<>(List.of(readings.get(0)));
        for (Reading reading : readings.subList(1, readings.size())) {
            if (near(reading, levels.get(levels.size() - 1))) {
                continue;
            }
            if (levels.size() >= 2 && near(reading, levels.get(levels.size() - 2))) {
                levels.remove(levels.size() - 1); // a transient state undone: not a report
                continue;
            }
            levels.add(reading);
        }
        List<Reading> points = levels.subList(1, levels.size());
        List<RateStep> steps = new ArrayList<>();
        for (int i = 1; i < points.size(); i++) {
            Reading from = points.get(i - 1);
            Reading to = points.get(i);
            steps.add(new RateStep(from.block(), from.time(), rate(from), to.block(), to.time(), rate(to)));
        }
        return steps;
    }

    private static boolean near(Reading a, Reading b) {
        return a.ethPerToken().subtract(b.ethPerToken()).abs().compareTo(NOISE_WEI) <= 0;
    }

    private static BigDecimal rate(Reading reading) {
        return Annualised.rate(reading.ethPerToken(), 18);
    }
}
