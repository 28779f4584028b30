package io.lsttracker.rewards;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reward windows from a pool's rate steps (one per report). Rates move in steps at reports, so every
 * window runs from report to report:
 * <ul>
 * <li>last-report: the last step alone (Lido's per-report APR, annualised over the report's timeElapsed);</li>
 * <li>1d, 7d, 30d: the steps that END within the window's length before the last report, from the rate
 * before the first of them to the rate after the last (the tracker's choice of reports; Lido's SDK picks
 * its first report by block range, see {@link LidoSdkWindow}); the window's real start is the first step's
 * start, which a late report moves earlier;</li>
 * <li>since-start: every step known;</li>
 * <li>lido-sdk-7d (Lido pools only): Lido's SDK's own 7-day figure ({@link LidoSdkWindow}).</li>
 * </ul>
 * A window whose data begins after its nominal start (history younger than the window) has no rate, and
 * says so; so does a window that would start at a zero rate (zero supply).
 */
public final class RewardWindows {
    private RewardWindows() {
    }

    /** As {@link #of(List, String, OptionalLong)} for steps whose reading began with the first of them. */
    public static List<RewardWindow> of(List<RateStep> steps, String method) {
        return of(steps, method, OptionalLong.empty());
    }

    /**
     * {@code indexedFrom}: the block from which the report events were read, so that no report lies between it and
     * the first step (empty: taken to be the first step's block). Only Lido's SDK window, which searches by block
     * range, needs it.
     */
    public static List<RewardWindow> of(List<RateStep> steps, String method, OptionalLong indexedFrom) {
        List<RateStep> sorted = new ArrayList<>(steps);
        sorted.sort(Comparator.comparing(RateStep::endTime).thenComparingLong(RateStep::endBlock));
        List<RewardWindow> windows = new ArrayList<>();
        for (Window window : Window.of(method)) {
            windows.add(window == Window.LIDO_SDK_7D ? LidoSdkWindow.of(sorted, method, indexedFrom)
                    : window(window, sorted, method));
        }
        return windows;
    }

    public static RewardWindow window(Window window, List<RateStep> sorted, String method) {
        if (sorted.isEmpty()) {
            return RewardWindow.missing(window, method,
                    "no report yet: a rate needs two rate points, and the history holds fewer");
        }
        if (window == Window.LIDO_SDK_7D) {
            return LidoSdkWindow.of(sorted, method, OptionalLong.empty());
        }
        RateStep last = sorted.get(sorted.size() - 1);
        int first = switch (window) {
            case LAST_REPORT -> sorted.size() - 1;
            case SINCE_START -> 0;
            default -> firstInWindow(sorted, last.endTime().minus(window.length()));
        };
        RateStep start = sorted.get(first);
        if (window.length() != null) {
            Instant nominalStart = last.endTime().minus(window.length());
            if (start.startTime().isAfter(nominalStart)) {
                return RewardWindow.missing(window, method, "not enough history: the rate data begins at "
                        + start.startTime() + ", after this window's start " + nominalStart
                        + " (" + describe(window.length()) + " before the last report at " + last.endTime() + ")");
            }
        }
        return compute(window, method, start, last, sorted.size() - first);
    }

    private static int firstInWindow(List<RateStep> sorted, Instant nominalStart) {
        int first = sorted.size() - 1;
        while (first > 0 && sorted.get(first - 1).endTime().isAfter(nominalStart)) {
            first--;
        }
        return first;
    }

    private static RewardWindow compute(Window window, String method, RateStep start, RateStep end, int reports) {
        BigDecimal r0 = start.startRate();
        BigDecimal r1 = end.endRate();
        long seconds = Duration.between(start.startTime(), end.endTime()).getSeconds();
        if (r0.signum() <= 0) {
            return RewardWindow.missing(window, method, "the starting rate is zero (zero supply at "
                    + start.startTime() + "): no rate can be computed from it");
        }
        if (seconds <= 0) {
            return RewardWindow.missing(window, method, "the window from " + start.startTime() + " to "
                    + end.endTime() + " has no length");
        }
        return new RewardWindow(window, method, start.startBlock(), start.startTime(), end.endBlock(), end.endTime(),
                reports, r0, r1, Annualised.apr(r0, r1, seconds), Annualised.apy(r0, r1, seconds), null);
    }

    private static String describe(Duration length) {
        return length.toDays() + " days";
    }
}
