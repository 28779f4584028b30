package io.lsttracker.rewards;

import java.time.Duration;

/** The windows a reward rate is given over (those in use by peers: last report, 1 d, 7 d, 30 d) and all history. */
public enum Window {
    LAST_REPORT("last-report", null),
    DAY_1("1d", Duration.ofDays(1)),
    DAYS_7("7d", Duration.ofDays(7)),
    DAYS_30("30d", Duration.ofDays(30)),
    SINCE_START("since-start", null);

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
}
