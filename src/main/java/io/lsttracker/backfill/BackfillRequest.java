package io.lsttracker.backfill;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What to backfill: the points from, from + interval, ... up to and including to. Each point is read at the
 * first block at or after its time. from/to are ISO-8601 times or dates (a date is 00:00 UTC); the interval
 * is a number and a unit (m, h, d, w), at least one minute.
 */
public record BackfillRequest(Instant from, Instant to, Duration interval) {
    /** At most this many points per request: ten years of hourly points. */
    public static final long MAX_POINTS = 87_600;
    private static final Pattern INTERVAL = Pattern.compile("(\\d{1,6})([mhdw])");

    public BackfillRequest {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from: " + from + " is after to (" + to + ")");
        }
        if (interval.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("interval: must be at least 1m, got " + interval);
        }
        long points = Duration.between(from, to).getSeconds() / interval.getSeconds() + 1;
        if (points > MAX_POINTS) {
            throw new IllegalArgumentException("interval: " + points + " points from " + from + " to " + to
                    + " is more than the limit of " + MAX_POINTS + "; use a longer interval or a shorter range");
        }
    }

    /** Parses user input; a bad value fails with a message naming the parameter. */
    public static BackfillRequest parse(String from, String to, String interval) {
        return new BackfillRequest(instant("from", from), instant("to", to), interval(interval));
    }

    public static Duration interval(String text) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        Matcher m = INTERVAL.matcher(value);
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new IllegalArgumentException("interval: '" + text + "' is not an interval such as 15m, 1h, 1d or 1w");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> Duration.ofDays(7 * amount);
        };
    }

    static Instant instant(String parameter, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(parameter + ": is required (an ISO-8601 date such as 2026-01-01 "
                    + "or time such as 2026-01-01T12:00:00Z)");
        }
        String value = text.trim();
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(parameter + ": '" + text + "' is not an ISO-8601 date (2026-01-01) "
                    + "or time (2026-01-01T12:00:00Z)");
        }
    }

    public List<Instant> points() {
        List<Instant> points = new ArrayList<>();
        for (Instant t = from; !t.isAfter(to); t = t.plus(interval)) {
            points.add(t);
        }
        return points;
    }
}
