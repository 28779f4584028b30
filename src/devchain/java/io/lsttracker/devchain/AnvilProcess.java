package io.lsttracker.devchain;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A running anvil, the local JSON-RPC node of the devchain. The binary comes from the npm registry at the
 * version pinned in package-lock.json ({@code npm ci} puts it under node_modules), or from LST_ANVIL_BIN.
 * Closing this object stops anvil; a JVM shutdown hook does too, so Ctrl-C or SIGTERM never leaves it running.
 * The states anvil moves to disk go to a folder of this process's own (by default anvil would put them under
 * ~/.foundry/anvil/tmp and leave them there), deleted once anvil has stopped.
 */
public final class AnvilProcess implements AutoCloseable {
    private static final String NPM_BINARY = "node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil";
    /** Keep the state of every block: the devchain is an archive node. */
    public static final int ARCHIVE = 0;

    private final Process process;
    private final int port;
    private final Path stateDirectory;
    private final Thread shutdownHook;

    private AnvilProcess(Process process, int port, Path stateDirectory) {
        this.process = process;
        this.port = port;
        this.stateDirectory = stateDirectory;
        this.shutdownHook = new Thread(this::stop, "anvil-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts anvil on 127.0.0.1 as a chain with id 1 whose genesis block has {@code genesisTimestamp}, with
     * automatic mining of each transaction and no interval mining (the devchain turns that on once the
     * history is written).
     */
    public static AnvilProcess start(int port, long genesisTimestamp) {
        return start(port, genesisTimestamp, ARCHIVE);
    }

    /**
     * As {@link #start(int, long)}, keeping the state of every block ({@link #ARCHIVE}) or of the last
     * {@code keptStates} blocks only.
     *
     * <p>Why a dense history cannot be an archive on anvil 1.7.1: anvil keeps each block's state as a whole copy,
     * and that copy includes the table of every block hash so far (for BLOCKHASH), so the n-th block's state grows
     * with n and keeping them all costs disk (or memory) quadratic in the chain's length. A day of 12-second blocks
     * (7,671 blocks) wrote 5.4 GB of states; 30 days would need about 3.4 TB (docs/BENCHMARKS.md). With
     * {@code keptStates} > 0 anvil runs with {@code --prune-history keptStates}: states in memory only, the last
     * {@code keptStates} of them (an eth_call at an older block answers an error), nothing on disk.
     */
    public static AnvilProcess start(int port, long genesisTimestamp, int keptStates) {
        return start(port, genesisTimestamp, keptStates, 0);
    }

    /** As {@link #start(int, long, int)}, the chain's first block numbered {@code genesisBlock} (anvil --number). */
    public static AnvilProcess start(int port, long genesisTimestamp, int keptStates, long genesisBlock) {
        if (genesisBlock < 0) {
            throw new IllegalArgumentException("the genesis block number must not be negative, got " + genesisBlock);
        }
        if (keptStates < 0) {
            throw new IllegalArgumentException("kept states must be 0 (every block) or positive, got " + keptStates);
        }
        Path binary = locateBinary();
        Path states;
        try {
            states = Files.createTempDirectory("lst-anvil-states-");
        } catch (IOException e) {
            throw new DevchainException("cannot create a folder for anvil's states: " + e.getMessage());
        }
        List<String> command = new ArrayList<>(List.of(
                binary.toString(),
                "--host", "127.0.0.1",
                "--port", Integer.toString(port),
                "--chain-id", "1",
                "--timestamp", Long.toString(genesisTimestamp),
                "--accounts", "2",
                "--cache-path", states.toString(),
                "--silent"));
        if (genesisBlock > 0) {
            command.addAll(List.of("--number", Long.toString(genesisBlock)));
        }
        if (keptStates == ARCHIVE) {
            // anvil keeps a bounded number of past states (older ones move to disk, and past that limit
            // an eth_call at them answers BlockOutOfRangeError); a devchain is an archive node, so that
            // history can be backfilled: keep the state of every block.
            command.addAll(List.of("--max-persisted-states", "1000000"));
        } else {
            command.addAll(List.of("--prune-history", Integer.toString(keptStates)));
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        try {
            return new AnvilProcess(builder.start(), port, states);
        } catch (IOException e) {
            deleteTree(states);
            throw new DevchainException("cannot start anvil (" + binary + "): " + e.getMessage());
        }
    }

    /** LST_ANVIL_BIN, else node_modules of LST_PROJECT_DIR, the working directory or the jar's checkout. */
    static Path locateBinary() {
        String explicit = System.getenv("LST_ANVIL_BIN");
        if (explicit != null && !explicit.isBlank()) {
            Path path = Path.of(explicit);
            if (!Files.isExecutable(path)) {
                throw new DevchainException("LST_ANVIL_BIN=" + explicit + " is not an executable file");
            }
            return path;
        }
        List<Path> roots = new ArrayList<>();
        Optional.ofNullable(System.getenv("LST_PROJECT_DIR")).map(Path::of).ifPresent(roots::add);
        roots.add(Path.of("").toAbsolutePath());
        jarCheckout().ifPresent(roots::add);
        for (Path root : roots) {
            Path candidate = root.resolve(NPM_BINARY);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new DevchainException("anvil not found: run `npm ci` in the lst-tracker checkout (it installs the "
                + "pinned @foundry-rs/anvil-linux-amd64) or set LST_ANVIL_BIN to an anvil binary");
    }

    /** The checkout that built this jar: target/lst-tracker.jar sits two levels below it. */
    private static Optional<Path> jarCheckout() {
        try {
            Path location = Path.of(AnvilProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path parent = location.getParent();
            return parent == null || parent.getParent() == null ? Optional.empty() : Optional.of(parent.getParent());
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new DevchainException("no free local port: " + e.getMessage());
        }
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Where anvil keeps the states it moves out of memory; gone once anvil has stopped. */
    public Path stateDirectory() {
        return stateDirectory;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Process process() {
        return process;
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(Duration.ofSeconds(5).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        deleteTree(stateDirectory);
    }

    /** Deletes a folder and everything below it; what cannot be deleted stays (it is under the system's temp). */
    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // best effort: a file anvil still holds is left to the temp folder's own cleaning
                }
            });
        } catch (IOException | java.io.UncheckedIOException ignored) {
            // as above
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run: nothing left to remove
        }
    }
}
