package io.lsttracker.analytics;

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
 */
public final class SnapshotSteps {
    /** One stored reading: block, time and ethPerToken in wei per 1e18 token units. */
    public record Reading(long block, Instant time, BigInteger ethPerToken) {
    }

    private SnapshotSteps() {
    }

    /** {@code readings} in block order, as stored. */
    public static List<RateStep> steps(List<Reading> readings) {
        List<Reading> points = new ArrayList<>();
        for (int i = 1; i < readings.size(); i++) {
            if (!readings.get(i).ethPerToken().equals(readings.get(i - 1).ethPerToken())) {
                points.add(readings.get(i));
            }
        }
        List<RateStep> steps = new ArrayList<>();
        for (int i = 1; i < points.size(); i++) {
            Reading from = points.get(i - 1);
            Reading to = points.get(i);
            steps.add(new RateStep(from.block(), from.time(), rate(from), to.block(), to.time(), rate(to)));
        }
        return steps;
    }

    private static BigDecimal rate(Reading reading) {
        return Annualised.rate(reading.ethPerToken(), 18);
    }
}
