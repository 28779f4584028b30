package io.lsttracker.rewards;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The reward rate of one pool over one window, or why there is none. A window runs from the rate before
 * its first report to the rate after its last, so its real length can exceed its nominal one (a report that
 * covers two days): {@code startTime}/{@code endTime} are the real bounds, and the rate is annualised over them.
 *
 * @param apr     fraction at {@link Annualised#SCALE} decimals, signed; null when {@code reason} says why
 * @param reports how many report steps the window spans
 */
public record RewardWindow(Window window, String method, Long startBlock, Instant startTime, Long endBlock,
        Instant endTime, Integer reports, BigDecimal startRate, BigDecimal endRate, BigDecimal apr, BigDecimal apy,
        String reason) {

    static RewardWindow missing(Window window, String method, String reason) {
        return new RewardWindow(window, method, null, null, null, null, null, null, null, null, null, reason);
    }

    public boolean hasRate() {
        return apr != null;
    }
}
