package io.lsttracker.backfill;

import java.time.Duration;

/**
 * What a finished backfill did: points asked, the distinct blocks they fell on, snapshots stored and already
 * stored, points after the head (no block yet), pool readings that failed (stored as failed, as the live
 * cycle stores them), and what finding the blocks cost.
 */
public record BackfillReport(long points, long blocks, long stored, long alreadyStored, long afterHead,
        long failedPoolReadings, BlockFinder.Cost blockSearch, Duration elapsed) {

    /** One line for people: what was stored, and what finding the blocks cost. */
    public String summary() {
        return "backfilled " + points + " points on " + blocks + " blocks: " + stored + " stored, "
                + alreadyStored + " already stored, " + afterHead + " after the head"
                + (failedPoolReadings > 0 ? ", " + failedPoolReadings + " pool readings failed" : "")
                + "; blocks found with " + blockSearch.requests() + " header requests in "
                + elapsed.toMillis() + " ms";
    }
}
