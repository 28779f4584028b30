package io.lsttracker.api;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parameters of a history query, parsed and checked: from/to as ISO-8601 instants or dates (a date
 * means 00:00 UTC), an interval such as 5m, 1h, 1d or 1w, and a cap on the number of points.
 */
public record HistoryQuery(Instant from, Instant to, Duration interval, String intervalText) {
    private static final Pattern INTERVAL = Pattern.compile("(\\d{1,6})([smhdw])");
    static final Duration DEFAULT_SPAN = Duration.ofDays(30);
    static final String DEFAULT_INTERVAL = "1h";
    static final Duration MIN_INTERVAL = Duration.ofMinutes(1);

    /** A [from, to) range from query parameters: defaults to the {@link #DEFAULT_SPAN} before now. */
    public record Range(Instant from, Instant to) {
        public boolean contains(Instant time) {
            return !time.isBefore(from) && time.isBefore(to);
        }
    }

    public static Range range(String from, String to, Instant now) {
        Instant end = to == null || to.isBlank() ? now : instant("to", to);
        Instant start = from == null || from.isBlank() ? end.minus(DEFAULT_SPAN) : instant("from", from);
        if (!start.isBefore(end)) {
            throw ApiException.badParameter("from", "must be before 'to' (" + start + " is not before " + end + ")");
        }
        return new Range(start, end);
    }

    public static HistoryQuery parse(String from, String to, String interval, Instant now, long maxPoints) {
        Range range = range(from, to, now);
        Instant start = range.from();
        Instant end = range.to();
        String intervalText = interval == null || interval.isBlank() ? DEFAULT_INTERVAL : interval.trim();
        Duration step = interval(intervalText);
        long points = (Duration.between(start, end).getSeconds() + step.getSeconds() - 1) / step.getSeconds();
        if (points > maxPoints) {
            throw ApiException.badParameter("interval", "'" + intervalText + "' over " + start + " to " + end
                    + " gives " + points + " points, more than the limit of " + maxPoints
                    + "; use a longer interval or a shorter range");
        }
        return new HistoryQuery(start, end, step, intervalText);
    }

    static Duration interval(String text) {
        Matcher m = INTERVAL.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw ApiException.badParameter("interval", "'" + text + "' is not an interval such as 5m, 1h, 1d or 1w");
        }
        long amount = Long.parseLong(m.group(1));
        Duration step = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> Duration.ofDays(7 * amount);
        };
        if (step.compareTo(MIN_INTERVAL) < 0) {
            throw ApiException.badParameter("interval", "'" + text + "' is shorter than the minimum of 1m");
        }
        return step;
    }

    private static Instant instant(String parameter, String text) {
        String value = text.trim();
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badParameter(parameter, "'" + text + "' is not an ISO-8601 time "
                    + "(2026-11-23T12:00:00Z) or date (2026-11-23)");
        }
    }
}
