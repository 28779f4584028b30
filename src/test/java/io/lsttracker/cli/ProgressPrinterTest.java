package io.lsttracker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lsttracker.backfill.BackfillProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {
    // 100 of 400 points in 2 s: 50 points/s; 300 left take 6 s; the bar is 30 x 100 / 400 = 7 marks
    private static final BackfillProgress QUARTER = new BackfillProgress(100, 400, 90, 10, 0, Duration.ofSeconds(2));

    @Test
    void aTerminalGetsABarRedrawnInPlace() {
        assertEquals("[#######                       ] backfill 100/400 points (90 stored, 10 already stored), "
                + "50.0 points/s, ETA 6s", ProgressPrinter.bar(QUARTER));
        StringWriter out = new StringWriter();
        new ProgressPrinter(new PrintWriter(out), true, Duration.ofSeconds(5)).accept(QUARTER);
        assertEquals("\r" + ProgressPrinter.bar(QUARTER), out.toString());
    }

    @Test
    void aLogGetsPlainLinesAtMostEveryIntervalAndTheLastOne() {
        StringWriter out = new StringWriter();
        ProgressPrinter printer = new ProgressPrinter(new PrintWriter(out), false, Duration.ofHours(1));
        printer.accept(QUARTER);
        printer.accept(new BackfillProgress(200, 400, 190, 10, 0, Duration.ofSeconds(4))); // within the hour: skipped
        printer.accept(new BackfillProgress(400, 400, 390, 10, 0, Duration.ofSeconds(8))); // the end: always shown
        String[] lines = out.toString().split(System.lineSeparator());
        assertEquals(2, lines.length, out.toString());
        assertEquals("backfill 400/400 points (390 stored, 10 already stored), 50.0 points/s, ETA 0s", lines[1]);
    }

    @Test
    void durationsReadAsHoursMinutesSeconds() {
        assertEquals("59s", ProgressPrinter.duration(Duration.ofSeconds(59)));
        assertEquals("2m05s", ProgressPrinter.duration(Duration.ofSeconds(125)));
        assertEquals("1h01m", ProgressPrinter.duration(Duration.ofSeconds(3_660)));
    }
}
