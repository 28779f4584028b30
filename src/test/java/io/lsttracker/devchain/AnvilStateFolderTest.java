package io.lsttracker.devchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * anvil keeps the states it moves out of memory in a folder of the devchain's own, and a normal stop deletes it (an
 * archive writes megabytes per block there, which must not outlive the devchain); a dense history (a block every
 * 12 s) keeps only its last states, in memory, and writes none.
 */
class AnvilStateFolderTest {

    @Test
    void statesMovedToDiskAreDeletedWhenAnvilStops() throws Exception {
        Path states;
        try (AnvilProcess anvil = AnvilProcess.start(AnvilProcess.freePort(), Instant.now().getEpochSecond() - 100_000)) {
            states = anvil.stateDirectory();
            await(anvil);
            // more blocks than anvil keeps in memory, so it moves the older states to disk
            call(anvil, "anvil_mine", "[\"0x400\", \"0xc\"]");
            call(anvil, "eth_getBalance", "[\"0x0000000000000000000000000000000000000000\", \"0x1\"]");
            assertTrue(Files.isDirectory(states), states + " is anvil's state folder");
            assertTrue(size(states) > 0, "anvil wrote states to " + states);
        }
        assertFalse(Files.exists(states), "the state folder outlived anvil: " + states);
    }

    /**
     * A dense history's anvil (--prune-history): the last states in memory, none on disk, so nothing grows with
     * the chain on disk; an older block's state answers an error naming the block, a recent one answers.
     */
    @Test
    void aDenseHistorysAnvilKeepsOnlyTheLastStatesAndWritesNone() throws Exception {
        Path states;
        try (AnvilProcess anvil = AnvilProcess.start(AnvilProcess.freePort(), Instant.now().getEpochSecond() - 100_000,
                16)) {
            states = anvil.stateDirectory();
            await(anvil);
            call(anvil, "anvil_mine", "[\"0x400\", \"0xc\"]");
            assertTrue(size(states) == 0, "anvil wrote states to " + states);
            call(anvil, "eth_getBalance", "[\"0x0000000000000000000000000000000000000000\", \"0x3f8\"]");
            IllegalStateException old = assertThrows(IllegalStateException.class,
                    () -> call(anvil, "eth_getBalance", "[\"0x0000000000000000000000000000000000000000\", \"0x1\"]"));
            assertTrue(old.getMessage().contains("BlockOutOfRange"), old.getMessage());
        }
        assertFalse(Files.exists(states), "the state folder outlived anvil: " + states);
    }

    @Test
    void aHistoryOfAtMostABlockAnHourIsAnArchiveAndADenserOneKeepsTheLastStates() {
        DevchainParameters defaults = DevchainParameters.defaults(30);
        assertEquals(AnvilProcess.ARCHIVE, defaults.keptStates());
        assertEquals(AnvilProcess.ARCHIVE,
                defaults.withHistoryBlockSeconds(3600).keptStates());
        assertEquals(DevchainParameters.DENSE_KEPT_STATES,
                defaults.withHistoryBlockSeconds(3599).keptStates());
        assertEquals(DevchainParameters.DENSE_KEPT_STATES,
                defaults.withHistoryBlockSeconds(12).keptStates());
        assertThrows(IllegalArgumentException.class,
                () -> AnvilProcess.start(AnvilProcess.freePort(), 0, -1));
    }

    private static long size(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private static void await(AnvilProcess anvil) throws Exception {
        for (int i = 0; i < 300; i++) {
            try {
                call(anvil, "eth_blockNumber", "[]");
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("anvil did not answer on " + anvil.url());
    }

    private static String call(AnvilProcess anvil, String method, String params) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(anvil.url()))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method
                        + "\",\"params\":" + params + "}")).build(), HttpResponse.BodyHandlers.ofString());
        if (response.body().contains("\"error\"")) {
            throw new IllegalStateException(method + ": " + response.body());
        }
        return response.body();
    }
}
