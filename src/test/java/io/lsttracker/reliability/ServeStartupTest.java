package io.lsttracker.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.cli.Commands;
import io.lsttracker.cli.Main;
import io.lsttracker.devchain.AnvilProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `serve` in a child JVM, as a user starts it, with something at start that cannot work: it stops at once with
 * one line on stderr naming what was wrong and exit 2 (configuration) or 3 (the database), never a stack trace
 * and never a server that runs without its jobs (README: "Commands").
 */
class ServeStartupTest {

    /** What the child printed on stderr and how it ended. */
    private record Ended(int exit, String stderr) {
        /** The lines that are not log lines of the tracker at work (a log line starts with a time). */
        List<String> errorLines() {
            return stderr.lines().filter(l -> !l.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} .*")).toList();
        }
    }

    private static Ended serve(Map<String, String> env) throws IOException, InterruptedException {
        Map<String, String> all = new HashMap<>(Map.of("LST_HTTP_HOST", "127.0.0.1", "LST_HTTP_PORT", "-1",
                "LST_RPC_URL", "http://127.0.0.1:1", "LST_BEACON_URL", "", "LST_DB_URL",
                "jdbc:h2:mem:startup;DB_CLOSE_DELAY=-1"));
        all.putAll(env);
        Path err = Files.createTempFile(Files.createDirectories(Path.of("target", "child-logs")), "serve-", ".err");
        ProcessBuilder builder = new ProcessBuilder(Commands.javaCommand(List.of(), List.of("serve")))
                .redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(all);
        Process process = builder.start();
        try {
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "serve did not stop within 60 s: " + Files.readString(err));
            return new Ended(process.exitValue(), Files.readString(err));
        } finally {
            process.destroyForcibly();
        }
    }

    private static void assertOneLine(Ended ended, int exit, String line) {
        assertEquals(List.of(line), ended.errorLines(), ended.stderr());
        assertFalse(ended.stderr().contains("\tat "), "no stack trace: " + ended.stderr());
        assertEquals(exit, ended.exit(), ended.stderr());
    }

    @Test
    void aBadAlertRuleStopsTheStartNamingFileKeyAndValue(@TempDir Path dir) throws Exception {
        Path alerts = dir.resolve("alerts.yml");
        Files.writeString(alerts, "rules:\n  share:\n    metric: pool-share-of-lsts\n    threshold: abc\n");
        Ended ended = serve(Map.of("LST_ALERTS_FILE", alerts.toString()));
        assertOneLine(ended, Main.EXIT_USAGE, "error: " + alerts + ":4: rules.share.threshold: expected a number, "
                + "found 'abc'");
    }

    @Test
    void aRuleNamingAPoolNotConfiguredStopsTheStart(@TempDir Path dir) throws Exception {
        Path alerts = dir.resolve("alerts.yml");
        Files.writeString(alerts, "rules:\n  share:\n    metric: pool-share-of-lsts\n    pool: lidoo\n    threshold: 0.3\n");
        Ended ended = serve(Map.of("LST_ALERTS_FILE", alerts.toString()));
        assertOneLine(ended, Main.EXIT_USAGE, "error: " + alerts + ": rules.share.pool: no pool 'lidoo' in "
                + "config/pools.yml");
    }

    @Test
    void aBadPoolsFileStopsTheStart(@TempDir Path dir) throws Exception {
        Path pools = dir.resolve("pools.yml");
        Files.writeString(pools, "pools:\n  lido:\n    protocol: lidoo\n    token: stETH\n    addresses: {}\n");
        Ended ended = serve(Map.of("LST_POOLS_FILE", pools.toString()));
        assertOneLine(ended, Main.EXIT_USAGE, "error: " + pools + ":3: pools.lido.protocol: unknown protocol 'lidoo' "
                + "(known: lido, rocketpool, coinbase, binance, frax, mantle, stakewise, etherfi, stader, swell, ankr)");
    }

    @Test
    void anH2FileHeldByAnotherProcessStopsTheStartWithExit3(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("tracker").toAbsolutePath();
        try (Connection holder = DriverManager.getConnection(url, "sa", "")) {
            Ended ended = serve(Map.of("LST_DB_URL", url));
            assertEquals(1, ended.errorLines().size(), ended.stderr());
            assertTrue(ended.errorLines().get(0).startsWith("error: cannot use the database: Database may be already "
                    + "in use"), ended.stderr());
            assertFalse(ended.stderr().contains("\tat "), ended.stderr());
            assertEquals(Main.EXIT_CHAIN, ended.exit(), ended.stderr());
        }
    }

    @Test
    void anUnreachablePostgresStopsTheStartWithExit3() throws Exception {
        int port = AnvilProcess.freePort(); // nothing listens there
        Ended ended = serve(Map.of("LST_DB_URL", "jdbc:postgresql://127.0.0.1:" + port + "/test", "LST_DB_USER",
                "postgres", "LST_DB_PASSWORD", "s3cret-password"));
        assertEquals(1, ended.errorLines().size(), ended.stderr());
        assertTrue(ended.errorLines().get(0).startsWith("error: cannot use the database: Connection to 127.0.0.1:" + port
                + " refused"), ended.stderr());
        assertFalse(ended.stderr().contains("\tat "), ended.stderr());
        assertFalse(ended.stderr().contains("s3cret-password"), ended.stderr());
        assertEquals(Main.EXIT_CHAIN, ended.exit(), ended.stderr());
    }
}
