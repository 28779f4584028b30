package io.lsttracker.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.cli.Commands;
import io.lsttracker.cli.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * `serve` in a child JVM, as a user starts it, with a bad {@code for} in its alerts file: it stops at once, exit 2,
 * with one line on stderr naming the file, the line, the rule's key and what was wrong (README: "Commands").
 */
class HoldConfigStartupTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            market-discount-bps | 2d   | rules.held.for: 2d is longer than the longest hold, 1d (each judging reads the readings of twice the hold)
            market-discount-bps | soon | rules.held.for: expected a duration such as 30s, 15m, 1h or 1d, found 'soon'
            hhi-of-lsts         | 1h   | rules.held.for: only for the metrics whose every reading is stored (market-discount-bps, exit-wait-days), so the hold is judged from the store; not hhi-of-lsts
            """)
    void aBadHoldStopsTheStartNamingTheRule(String metric, String hold, String message, @TempDir Path dir)
            throws Exception {
        Path alerts = dir.resolve("alerts.yml");
        Files.writeString(alerts, "rules:\n  held:\n    metric: " + metric + "\n    threshold: -100\n"
                + "    direction: below\n    for: " + hold + "\n");
        Path err = dir.resolve("serve.err");
        ProcessBuilder builder = new ProcessBuilder(Commands.javaCommand(List.of(), List.of("serve")))
                .redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(java.util.Map.of("LST_HTTP_HOST", "127.0.0.1", "LST_HTTP_PORT", "-1",
                "LST_RPC_URL", "http://127.0.0.1:1", "LST_BEACON_URL", "", "LST_DB_URL",
                "jdbc:h2:mem:hold;DB_CLOSE_DELAY=-1", "LST_ALERTS_FILE", alerts.toString()));
        Process process = builder.start();
        try {
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "serve did not stop within 60 s");
            String stderr = Files.readString(err);
            // the lines that are not the tracker's log lines at work (those start with a time)
            List<String> errors = stderr.lines().filter(l -> !l.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} .*")).toList();
            assertEquals(List.of("error: " + alerts + ":6: " + message), errors, stderr);
            assertFalse(stderr.contains("\tat "), "no stack trace: " + stderr);
            assertEquals(Main.EXIT_USAGE, process.exitValue(), stderr);
        } finally {
            process.destroyForcibly();
        }
    }
}
