package io.lsttracker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.devchain.AnvilProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** `devchain` as a user runs it: a separate process that says when it is ready and takes anvil down on SIGTERM. */
class DevchainCommandTest {

    @Test
    void printsReadyServesChainOneAndStopsAnvilOnSigterm() throws Exception {
        int port = AnvilProcess.freePort();
        Process devchain = new ProcessBuilder(Commands.javaCommand(List.of(),
                List.of("devchain", "--port", Integer.toString(port), "--history-days", "2")))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(devchain.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertEquals("devchain ready http://127.0.0.1:" + port, line);
            assertTrue(listening(port));

            Commands.Result snapshot = Commands.run("snapshot", "--rpc", "http://127.0.0.1:" + port);
            assertEquals(0, snapshot.exit(), snapshot.err());

            devchain.destroy(); // SIGTERM, as `kill` or a service manager sends it
            assertTrue(devchain.waitFor(20, TimeUnit.SECONDS), "devchain did not exit on SIGTERM");
            for (int i = 0; i < 50 && listening(port); i++) {
                Thread.sleep(100);
            }
            assertFalse(listening(port), "anvil still listens on " + port + " after the devchain stopped");
        } finally {
            devchain.destroyForcibly();
        }
    }

    @Test
    void badFlagsAreOneLineErrors() {
        Commands.Result r = Commands.run("devchain", "--history-days", "-3");
        assertEquals(Main.EXIT_USAGE, r.exit());
        assertEquals(List.of("error: --history-days must be between 0 and 3650, got -3"), r.err().lines().toList());
        r = Commands.run("devchain", "--apr", "lidoo=3");
        assertEquals(Main.EXIT_USAGE, r.exit());
        assertTrue(r.err().startsWith("error: --apr lidoo: the devchain simulates no pool 'lidoo' (it simulates lido, rocketpool"),
                r.err());
        r = Commands.run("devchain", "--apr", "lido=abc");
        assertEquals(Main.EXIT_USAGE, r.exit());
        assertEquals(1, r.err().lines().count(), r.err());
        r = Commands.run("devchain", "--history-days", "5", "--rp-balances-upgrade-day", "5");
        assertEquals(Main.EXIT_USAGE, r.exit());
        assertEquals(List.of("error: --rp-balances-upgrade-day must be -1 (none) or a day of the history, 0 to 4 for "
                + "--history-days 5, got 5"), r.err().lines().toList());
        r = Commands.run("devchain", "--genesis-block", "-1");
        assertEquals(Main.EXIT_USAGE, r.exit());
        assertEquals(List.of("error: --genesis-block must be between 0 and 1000000000, got -1"), r.err().lines().toList());
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
