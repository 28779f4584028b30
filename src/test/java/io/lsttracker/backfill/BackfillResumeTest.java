package io.lsttracker.backfill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.devchain.Devchain;
import io.lsttracker.devchain.TestDevchain;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * `backfill` killed with SIGKILL mid-run (a child JVM on a file H2 database under target/) and run again:
 * the second run stores exactly the blocks the first had not, and every stored snapshot is whole.
 */
class BackfillResumeTest {
    private static final Pattern PROGRESS = Pattern.compile("backfill (\\d+)/(\\d+) points \\((\\d+) stored");
    private static final Pattern SUMMARY = Pattern.compile("backfilled (\\d+) points on (\\d+) blocks: (\\d+) stored, (\\d+) already stored");

    @Test
    void aRunKilledMidwayResumesWithNoDuplicateAndNoPartialSnapshot() throws Exception {
        Devchain devchain = TestDevchain.shared();
        Path dir = Path.of("target", "backfill-resume-" + UUID.randomUUID()).toAbsolutePath();
        String dbUrl = "jdbc:h2:file:" + dir.resolve("db");
        Instant head = Instant.ofEpochSecond(devchain.headTimestamp());
        String from = head.minusSeconds(10 * 86_400).toString();
        String to = head.toString();
        // One block per request and one request in flight: slow enough to be killed in the middle.
        List<String> args = List.of("backfill", "--rpc", devchain.url(), "--from", from, "--to", to, "--interval", "1h",
                "--batch-size", "1", "--max-in-flight", "1", "--progress-every", "0s");

        Process first = start(dbUrl, args);
        long storedBeforeKill = 0;
        long total = 0;
        try (BufferedReader err = new BufferedReader(new InputStreamReader(first.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null) {
                Matcher m = PROGRESS.matcher(line);
                if (m.find() && Long.parseLong(m.group(3)) >= 20) {
                    total = Long.parseLong(m.group(2));
                    storedBeforeKill = Long.parseLong(m.group(3));
                    first.destroyForcibly();
                    break;
                }
            }
        }
        assertTrue(first.waitFor(30, TimeUnit.SECONDS));
        assertTrue(storedBeforeKill >= 20 && total > 0, "the first run was killed after storing some snapshots");
        // H2 writes committed transactions to its file about once a second (MVStore's auto-commit delay), so a
        // kill -9 may lose the last commits (PostgreSQL would not): those blocks are simply read again below.
        long storedByFirst = count(dbUrl, "SELECT COUNT(*) FROM snapshot");
        assertTrue(storedByFirst <= storedBeforeKill + 1, storedByFirst + " stored, " + storedBeforeKill + " reported");
        assertTrue(storedByFirst < total, "the first run did not finish");

        // The resumed run may batch as it likes: what it skips depends only on what is stored.
        Process second = start(dbUrl, List.of("backfill", "--rpc", devchain.url(), "--from", from, "--to", to,
                "--interval", "1h"));
        String out = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        second.getErrorStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertTrue(second.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, second.exitValue(), out);
        Matcher summary = SUMMARY.matcher(out);
        assertTrue(summary.find(), out);
        long blocks = Long.parseLong(summary.group(2));
        long storedBySecond = Long.parseLong(summary.group(3));
        long skipped = Long.parseLong(summary.group(4));
        assertEquals(storedByFirst, skipped, "the second run skips exactly what the first stored");
        assertEquals(blocks, storedByFirst + storedBySecond, "each block stored once");
        assertEquals(blocks, count(dbUrl, "SELECT COUNT(*) FROM snapshot"));
        assertEquals(0, count(dbUrl, "SELECT COUNT(*) FROM (SELECT block_number FROM pool_state GROUP BY block_number "
                + "HAVING COUNT(*) <> " + devchain.poolIds().size() + ") partial"), "no partial snapshot");
        assertEquals(0, count(dbUrl, "SELECT COUNT(*) FROM snapshot s WHERE NOT EXISTS "
                + "(SELECT 1 FROM pool_state p WHERE p.block_number = s.block_number)"), "no snapshot without pools");
    }

    private static Process start(String dbUrl, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.lsttracker.cli.Main"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("LST_DB_URL", dbUrl);
        builder.environment().put("LST_CONFIRMATIONS", "0");
        return builder.start();
    }

    private static long count(String dbUrl, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(dbUrl, "sa", ""); Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
