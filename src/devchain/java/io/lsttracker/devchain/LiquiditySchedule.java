package io.lsttracker.devchain;

import java.util.ArrayList;
import java.util.List;

/**
 * When the history's liquidity episodes happen, in seconds before the head. The times are those of a history of
 * 61 days or more; a shorter one compresses them in proportion to its days but one (the first day is partial: the
 * history starts at the first midnight after its start), so that every history of 2 days or more holds every
 * episode: a 12-day history puts the first depeg 40 x 11 / 60 = 7.3 days before the head.
 *
 * <ul>
 *   <li>A depeg of stETH's market: from 40 days before the head the price of 1 stETH falls to
 *       {@link #DEEPEST_DISCOUNT_BPS} under 1 ETH 37 days before it, and recovers by 33 days before it.</li>
 *   <li>A depeg that straddles the head: from 2 days before it the price falls to {@link #LIVE_DISCOUNT_BPS}
 *       under 1 ETH within 6 hours and stays there; it ends {@code depegLiveMinutes} after the devchain is ready
 *       (live), or, with 0, ten minutes before the head (inside the history).</li>
 *   <li>Lido's withdrawal queue grows from 60 days before the head to 30 days before it, by
 *       {@link #QUEUE_GROWTH_ETH} stETH, and drains by 10 days before it.</li>
 * </ul>
 *
 * @param head             the head's timestamp: the time the devchain starts at
 * @param historyDays      days of history before the head
 * @param depegLiveMinutes minutes after the devchain is ready at which the second depeg ends (0: before the head)
 */
public record LiquiditySchedule(long head, int historyDays, int depegLiveMinutes) {
    /** Whole days of history that hold the episodes at their nominal times; shorter histories compress them. */
    static final int NOMINAL_DAYS = 60;
    public static final int DEEPEST_DISCOUNT_BPS = 300;
    public static final int LIVE_DISCOUNT_BPS = 200;
    public static final long QUEUE_GROWTH_ETH = 100_000;
    private static final long HOUR = 3600;
    /** With depegLiveMinutes 0, the second depeg ends this long before the head, inside the history. */
    static final long HISTORY_END_BEFORE_HEAD = 600;

    /** One step of a depeg: from {@code at}, 1 stETH sells for {@code discountBps} under 1 ETH (0: recovered). */
    public record DepegStep(long at, int discountBps) {
    }

    /** The time {@code seconds} (of a 60-day history) before the head, compressed for a shorter history. */
    long beforeHead(long seconds) {
        return head - seconds * Math.min(Math.max(historyDays - 1, 0), NOMINAL_DAYS) / NOMINAL_DAYS;
    }

    public long depegStart() {
        return beforeHead(40 * Devchain.DAY);
    }

    public long depegDeepest() {
        return beforeHead(37 * Devchain.DAY);
    }

    public long depegRecovered() {
        return beforeHead(33 * Devchain.DAY);
    }

    public long liveDepegStart() {
        return beforeHead(2 * Devchain.DAY);
    }

    public long liveDepegDeepest() {
        return beforeHead(2 * Devchain.DAY - 6 * HOUR);
    }

    public long queueGrowthStart() {
        return beforeHead(60 * Devchain.DAY);
    }

    public long queueDrainStart() {
        return beforeHead(30 * Devchain.DAY);
    }

    public long queueDrained() {
        return beforeHead(10 * Devchain.DAY);
    }

    /**
     * The depeg steps in time order: a step every 6 hours (compressed like the rest, at most one every 10 minutes;
     * the second depeg's 6-hour fall in six steps), the discount moving linearly between 0 and the episode's
     * deepest, and the deepest time itself a step.
     */
    public List<DepegStep> depegSteps() {
        List<DepegStep> steps = new ArrayList<>();
        if (historyDays <= 1) {
            return steps; // no whole day to hold an episode
        }
        long step = Math.max(600, head - beforeHead(6 * HOUR));
        ramp(steps, depegStart(), depegDeepest(), 0, DEEPEST_DISCOUNT_BPS, step);
        ramp(steps, depegDeepest(), depegRecovered(), DEEPEST_DISCOUNT_BPS, 0, step);
        steps.add(new DepegStep(depegRecovered(), 0));
        ramp(steps, liveDepegStart(), liveDepegDeepest(), 0, LIVE_DISCOUNT_BPS, Math.max(60, step / 6));
        steps.add(new DepegStep(liveDepegDeepest(), LIVE_DISCOUNT_BPS));
        if (depegLiveMinutes == 0) {
            steps.add(new DepegStep(head - HISTORY_END_BEFORE_HEAD, 0));
        }
        return steps;
    }

    /** Steps from {@code from} (inclusive) to {@code to} (exclusive), the discount linear in time between them. */
    private static void ramp(List<DepegStep> steps, long from, long to, int fromBps, int toBps, long step) {
        for (long at = from; at < to; at += step) {
            steps.add(new DepegStep(at, fromBps + Math.toIntExact((toBps - fromBps) * (at - from) / (to - from))));
        }
    }
}
