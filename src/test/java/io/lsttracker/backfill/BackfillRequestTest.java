package io.lsttracker.backfill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class BackfillRequestTest {

    @Test
    void pointsRunFromFromToToInclusive() {
        // 2026-01-01 00:00 to 2026-01-02 00:00 every 12h: 00:00, 12:00 and the next 00:00
        assertEquals(List.of(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T12:00:00Z"),
                Instant.parse("2026-01-02T00:00:00Z")), BackfillRequest.parse("2026-01-01", "2026-01-02", "12h").points());
        // from = to is one point; a step past to is not taken (10:00 + 1h > 10:30)
        assertEquals(1, BackfillRequest.parse("2026-01-01T10:00:00Z", "2026-01-01T10:30:00Z", "1h").points().size());
        // a year of daily points: 2025-01-01 .. 2026-01-01 is 365 days, so 366 points with both ends
        assertEquals(366, BackfillRequest.parse("2025-01-01", "2026-01-01", "1d").points().size());
    }

    @Test
    void intervalsHaveAUnit() {
        assertEquals(Duration.ofMinutes(15), BackfillRequest.interval("15m"));
        assertEquals(Duration.ofDays(14), BackfillRequest.interval("2w"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "yesterday|2026-01-02|1d|from: 'yesterday' is not an ISO-8601 date",
        "2026-01-01||1d|to: is required",
        "2026-01-03|2026-01-02|1d|from: 2026-01-03T00:00:00Z is after to",
        "2026-01-01|2026-01-02|1s|interval: '1s' is not an interval",
        "2026-01-01|2026-01-02|0d|interval: '0d' is not an interval",
        // 2016-01-01 to 2026-01-02 is 3,654 days (3,650 + leap days of 2016, 2020, 2024 + 1):
        // 3,654 x 1,440 = 5,261,760 minutes, plus the first point
        "2016-01-01|2026-01-02|1m|interval: 5261761 points",
    })
    void badInputNamesTheParameter(String from, String to, String interval, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BackfillRequest.parse(from, to, interval));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    @Test
    void progressPaceAndEta() {
        // 100 of 400 points in 2 s: 50 points/s, so the other 300 take 6 s
        BackfillProgress p = new BackfillProgress(100, 400, 90, 10, 0, Duration.ofSeconds(2));
        assertEquals(50.0, p.pointsPerSecond());
        assertEquals(Optional.of(Duration.ofSeconds(6)), p.eta());
        assertEquals(Optional.empty(), new BackfillProgress(0, 400, 0, 0, 0, Duration.ofSeconds(2)).eta());
        // 5 points after the head are done at once and say nothing of the pace: 105 done, 100 read in 2 s
        assertEquals(50.0, new BackfillProgress(105, 405, 90, 10, 5, Duration.ofSeconds(2)).pointsPerSecond());
        assertEquals(Optional.empty(), new BackfillProgress(5, 405, 0, 0, 5, Duration.ofSeconds(2)).eta());
    }
}
