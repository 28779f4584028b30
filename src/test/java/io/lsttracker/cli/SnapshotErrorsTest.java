package io.lsttracker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.devchain.AnvilProcess;
import io.lsttracker.devchain.Devchain;
import io.lsttracker.devchain.TestDevchain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input ends in one line on stderr that names what was wrong, a non-zero exit, and no stack trace. */
class SnapshotErrorsTest {

    @Test
    void garbageBlockIsAUsageError() {
        Commands.Result r = Commands.run("snapshot", "--rpc", "http://127.0.0.1:1", "--block", "yesterday");
        assertOneLine(r, Main.EXIT_USAGE, "error: Invalid value for option '--block': expected latest, safe, "
                + "finalized or a block number, got 'yesterday' (see: lst-tracker snapshot --help)");
    }

    @Test
    void unknownFlagAndFormatAreUsageErrors() {
        assertEquals(Main.EXIT_USAGE, Commands.run("snapshot", "--formt", "json").exit());
        Commands.Result r = Commands.run("snapshot", "--format", "xml");
        assertOneLine(r, Main.EXIT_USAGE, "error: Invalid value for option '--format': expected one of [TABLE, JSON] "
                + "(case-insensitive) but was 'xml' (see: lst-tracker snapshot --help)");
    }

    @Test
    void unreachableRpcNamesTheEndpoint() {
        int port = AnvilProcess.freePort(); // free, so nothing listens there
        Commands.Result r = Commands.run("snapshot", "--rpc", "http://127.0.0.1:" + port);
        assertEquals(Main.EXIT_CHAIN, r.exit());
        assertTrue(r.err().startsWith("error: cannot reach RPC endpoint http://127.0.0.1:" + port + " "), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void notAnHttpUrl() {
        Commands.Result r = Commands.run("snapshot", "--rpc", "localhost:8545");
        assertOneLine(r, Main.EXIT_CHAIN, "error: RPC URL (tracker.chain.rpc-url, LST_RPC_URL) is not an http:// or https:// URL (its scheme is 'localhost')");
    }

    @Test
    void aChainWithoutOurContractsSaysSo() {
        try (AnvilProcess bare = AnvilProcess.start(AnvilProcess.freePort(), Instant.now().getEpochSecond())) {
            awaitUp(bare);
            Commands.Result r = Commands.run("snapshot", "--rpc", bare.url());
            assertEquals(Main.EXIT_CHAIN, r.exit());
            assertTrue(r.err().matches("error: no Multicall3 contract answers at 0xcA11bde05977b3631167028862bE2a173976CA11 "
                    + "at block 0: the eth_call returned no data\\R"), r.err());
        }
    }

    @Test
    void aPoolWithNoContractFailsAloneAndTheExitSaysSo(@TempDir Path dir) throws Exception {
        Devchain devchain = TestDevchain.shared();
        Path pools = dir.resolve("pools.yml");
        Files.writeString(pools, Files.readString(Path.of(System.getenv().getOrDefault("LST_PROJECT_DIR", "."))
                .resolve("config/pools.yml")) + """
                  ghost:
                    protocol: rocketpool
                    token: gETH
                    addresses:
                      reth: "0x000000000000000000000000000000000000dEaD"
                      storage: "0x000000000000000000000000000000000000bEEF"
                """);
        Commands.Result r = Commands.run("snapshot", "--rpc", devchain.url(), "--pools", pools.toString());
        assertEquals(Main.EXIT_CHAIN, r.exit());
        assertTrue(r.out().contains("lido ") && r.out().contains("ghost "), r.out());
        assertTrue(r.out().contains("ghost failed: RocketStorage.getAddress at 0x000000000000000000000000000000000000bEEF "
                + "returned no data (is there a contract at 0x000000000000000000000000000000000000bEEF?)"), r.out());
        assertTrue(r.err().startsWith("error: 1 of "), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void aBadRegistryStopsStartUpNamingTheKey(@TempDir Path dir) throws Exception {
        Path pools = dir.resolve("pools.yml");
        Files.writeString(pools, "pools:\n  lido:\n    protocol: lidoo\n    token: stETH\n    addresses: {}\n");
        Commands.Result r = Commands.run("snapshot", "--rpc", "http://127.0.0.1:1", "--pools", pools.toString());
        assertEquals(Main.EXIT_USAGE, r.exit());
        assertTrue(r.err().startsWith("error: " + pools + ":3: pools.lido.protocol: unknown protocol 'lidoo'"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    /** A setting the context cannot use (here a system property; LST_RPC_MAX_ATTEMPTS=four alike) stops start-up. */
    @Test
    void aBadSettingStopsStartUpNamingTheKey() {
        System.setProperty("tracker.chain.max-attempts", "four");
        try {
            Commands.Result r = Commands.run("snapshot", "--rpc", "http://127.0.0.1:1");
            assertOneLine(r, Main.EXIT_USAGE,
                    "error: tracker.chain.max-attempts (LST_RPC_MAX_ATTEMPTS): missing, or not a whole number");
        } finally {
            System.clearProperty("tracker.chain.max-attempts");
        }
    }

    private static void awaitUp(AnvilProcess anvil) {
        for (int i = 0; i < 100; i++) {
            try (java.net.Socket ignored = new java.net.Socket("127.0.0.1", anvil.port())) {
                return;
            } catch (java.io.IOException notYet) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static void assertOneLine(Commands.Result r, int exit, String line) {
        assertEquals(exit, r.exit(), r.err());
        assertEquals(line + System.lineSeparator(), r.err());
        assertEquals("", r.out());
    }
}
