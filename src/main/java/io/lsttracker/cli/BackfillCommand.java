package io.lsttracker.cli;

import io.lsttracker.backfill.Backfill;
import io.lsttracker.backfill.BackfillReport;
import io.lsttracker.backfill.BackfillRequest;
import io.micronaut.context.ApplicationContext;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code backfill}: history from an archive node, one snapshot per point, stored as `serve` stores them. */
@Command(name = "backfill", mixinStandardHelpOptions = true,
        description = {"Store a snapshot at every point from --from to --to (the first block at or after each",
                "point's time), read from an archive node. Points already stored are skipped, so an",
                "interrupted run resumes where it stopped. Database: as for serve (LST_DB_URL)."})
final class BackfillCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "DATE|TIME",
            description = "First point: an ISO-8601 date (00:00 UTC) or time.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "DATE|TIME",
            description = "Last point (inclusive): an ISO-8601 date (00:00 UTC) or time.")
    String to;

    @Option(names = "--interval", defaultValue = "1d", paramLabel = "15m|1h|1d|1w",
            description = "Spacing of the points (default: ${DEFAULT-VALUE}).")
    String interval;

    @CommandLine.Mixin
    ChainOptions chain;

    @Option(names = "--batch-size", paramLabel = "N",
            description = "Reads per JSON-RPC batch request (default: tracker.backfill.batch-size, LST_BACKFILL_BATCH_SIZE).")
    Integer batchSize;

    @Option(names = "--max-in-flight", paramLabel = "N",
            description = "Batch requests in flight at once (default: tracker.backfill.max-in-flight, LST_BACKFILL_MAX_IN_FLIGHT).")
    Integer maxInFlight;

    @Option(names = "--progress-every", paramLabel = "DURATION", defaultValue = "5s",
            description = "When not on a terminal, a progress line this often, e.g. 5s or 1m; 0s for every block "
                    + "(default: ${DEFAULT-VALUE}).")
    String progressEvery;

    @Override
    public Integer call() throws Exception {
        BackfillRequest request = BackfillRequest.parse(from, to, interval);
        Duration lineEvery = lineEvery(progressEvery);
        Map<String, Object> overrides = chain.overrides();
        if (batchSize != null) {
            overrides.put("tracker.backfill.batch-size", batchSize);
        }
        if (maxInFlight != null) {
            overrides.put("tracker.backfill.max-in-flight", maxInFlight);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (ApplicationContext context = Contexts.startWithDatabase(overrides)) {
            ProgressPrinter progress = new ProgressPrinter(spec.commandLine().getErr(), System.console() != null,
                    lineEvery);
            BackfillReport report = context.getBean(Backfill.class).run(request, progress);
            out.println(report.summary());
            out.flush();
        }
        return 0;
    }

    private static Duration lineEvery(String text) {
        String value = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (value.matches("\\d{1,6}s")) {
            return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
        }
        if (value.matches("\\d{1,6}m")) {
            return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
        }
        throw new IllegalArgumentException("--progress-every: '" + text + "' is not a duration such as 5s or 1m");
    }
}
