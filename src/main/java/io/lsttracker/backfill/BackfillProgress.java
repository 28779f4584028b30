package io.lsttracker.backfill;

import java.time.Duration;
import java.util.Optional;

/**
 * Where a backfill stands: points done of the total (a point is done when its block is stored, was stored
 * already, or lies after the head), how many snapshots it stored, and the pace so far.
 */
public record BackfillProgress(long done, long total, long stored, long alreadyStored, long afterHead,
        Duration elapsed) {

    /** Points per second since the start (points after the head cost nothing, so they are not counted). */
    public double pointsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : (done - afterHead) / seconds;
    }

    /** Time left at the pace so far; empty before any point is done. */
    public Optional<Duration> eta() {
        double pace = pointsPerSecond();
        if (pace <= 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(Math.round((total - done) / pace * 1000)));
    }

    public boolean finished() {
        return done >= total;
    }
}
