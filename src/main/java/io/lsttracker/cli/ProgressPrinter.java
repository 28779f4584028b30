package io.lsttracker.cli;

import io.lsttracker.backfill.BackfillProgress;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Shows a backfill's progress: on a terminal a bar redrawn in place (done/total, points per second, ETA);
 * elsewhere (a log file, CI) one plain line every {@code lineEvery} and at the end, since carriage returns
 * make a log unreadable.
 */
public final class ProgressPrinter implements Consumer<BackfillProgress> {
    private static final int BAR_WIDTH = 30;
    private final PrintWriter out;
    private final boolean terminal;
    private final long minNanosBetween;
    private long lastPrinted = Long.MIN_VALUE;
    private boolean finishedPrinted;

    public ProgressPrinter(PrintWriter out, boolean terminal, Duration lineEvery) {
        this.out = out;
        this.terminal = terminal;
        this.minNanosBetween = terminal ? Duration.ofMillis(100).toNanos() : lineEvery.toNanos();
    }

    @Override
    public void accept(BackfillProgress p) {
        long now = System.nanoTime();
        boolean finished = p.finished();
        if (finishedPrinted || (!finished && lastPrinted != Long.MIN_VALUE && now - lastPrinted < minNanosBetween)) {
            return;
        }
        lastPrinted = now;
        finishedPrinted = finished;
        if (terminal) {
            out.print("\r" + bar(p) + (finished ? System.lineSeparator() : ""));
        } else {
            out.println(line(p));
        }
        out.flush();
    }

    static String bar(BackfillProgress p) {
        int filled = p.total() == 0 ? BAR_WIDTH : (int) (BAR_WIDTH * p.done() / p.total());
        return "[" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] " + line(p);
    }

    static String line(BackfillProgress p) {
        return String.format(Locale.ROOT, "backfill %d/%d points (%d stored, %d already stored), %.1f points/s, ETA %s",
                p.done(), p.total(), p.stored(), p.alreadyStored(), p.pointsPerSecond(),
                p.finished() ? "0s" : p.eta().map(ProgressPrinter::duration).orElse("?"));
    }

    static String duration(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
