package io.lsttracker.rewards;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The windows a reward rate is given over: those in use by peers (last report, 1 d, 7 d, 30 d), all history,
 * and, for Lido only, the 7-day figure exactly as Lido's own SDK defines it ({@link LidoSdkWindow}).
 */
public enum Window {
    LAST_REPORT("last-report", null),
    DAY_1("1d", Duration.ofDays(1)),
    DAYS_7("7d", Duration.ofDays(7)),
    DAYS_30("30d", Duration.ofDays(30)),
    SINCE_START("since-start", null),
    /** Lido's SDK `getSmaApr({ days: 7 })`: its own choice of reports by block range; Lido pools only. */
    LIDO_SDK_7D("lido-sdk-7d", Duration.ofDays(7));

    private final String label;
    private final Duration length;

    Window(String label, Duration length) {
        this.label = label;
        this.length = length;
    }

    public String label() {
        return label;
    }

    /** The nominal length, or null for the last report and for all history. */
    public Duration length() {
        return length;
    }

    /** The windows a pool whose rate is computed by {@code method} gets, in display order. */
    public static List<Window> of(String method) {
        List<Window> windows = new ArrayList<>(List.of(LAST_REPORT, DAY_1, DAYS_7, DAYS_30, SINCE_START));
        if (RateMethod.LIDO_TOKEN_REBASED.id().equals(method)) {
            windows.add(LIDO_SDK_7D);
        }
        return windows;
    }
}
