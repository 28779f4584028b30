package io.lsttracker.bench;

import io.lsttracker.devchain.AnvilProcess;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Start-up to healthy: wall time from launching the JVM to the first HTTP 200 of
 * <ul>
 *   <li>`java -jar target/lst-tracker.jar serve` on GET /health (H2 in memory, so Flyway migrates a fresh schema
 *   each time; an RPC URL where nothing listens, so no chain read competes for the cores), and</li>
 *   <li>the same `serve` with a class-data-sharing archive of the jar's classes (AppCDS, JDK 13+), made first by a
 *   training start with {@code -XX:ArchiveClassesAtExit} that is stopped once healthy, and</li>
 *   <li>the baseline {@link BareStart}: the same jar and HTTP server without the "server" environment, on
 *   GET /bench/ping.</li>
 * </ul>
 * Each is started {@code ROUNDS} times, alternately; the health endpoint is polled every 20 ms from this JVM.
 *
 * <p>Run: bench/run-startup-bench.sh (see docs/BENCHMARKS.md). Needs target/lst-tracker.jar.
 */
public final class StartupBench {
    private static final int ROUNDS = Integer.getInteger("rounds", 3);
    private static final Duration LIMIT = Duration.ofSeconds(180);

    private StartupBench() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of("target/lst-tracker.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run mvn -DskipTests package first");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Long> bare = new ArrayList<>();
        List<Long> serve = new ArrayList<>();
        List<Long> shared = new ArrayList<>();
        Path archive = Files.createTempDirectory("lst-startup").resolve("lst-tracker.jsa");
        System.out.printf(Locale.ROOT, "lst-tracker start-up benchmark: %d rounds, %d cores%n", ROUNDS,
                Runtime.getRuntime().availableProcessors());
        long training = timeToOk(serveCommand(java, jar, "-XX:ArchiveClassesAtExit=" + archive), serveEnv(), port(),
                "/health");
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("the training start wrote no archive at " + archive);
        }
        System.out.printf(Locale.ROOT, "AppCDS archive: %d MB, written by a training start healthy after %d ms%n",
                Files.size(archive) >> 20, training);
        for (int round = 0; round < ROUNDS; round++) {
            int barePort = AnvilProcess.freePort();
            bare.add(timeToOk(List.of(java, "-cp", jar + File.pathSeparator + "target/test-classes",
                    BareStart.class.getName()), Map.of("LST_HTTP_PORT", Integer.toString(barePort)), barePort,
                    "/bench/ping"));
            serve.add(timeToOk(serveCommand(java, jar, "-Xshare:auto"), serveEnv(), port(), "/health"));
            shared.add(timeToOk(serveCommand(java, jar, "-XX:SharedArchiveFile=" + archive), serveEnv(), port(),
                    "/health"));
        }
        System.out.printf(Locale.ROOT, "%-28s %10s %10s %10s%n", "start", "median ms", "min ms", "max ms");
        row("bare Micronaut (same jar)", bare);
        row("serve to healthy", serve);
        row("serve, AppCDS archive", shared);
        System.out.printf(Locale.ROOT, "%-28s %9.2fx%n", "ratio serve / bare", (double) median(serve) / median(bare));
        System.out.printf(Locale.ROOT, "%-28s %9.2fx%n", "ratio AppCDS / serve", (double) median(shared) / median(serve));
        System.out.println("(each: " + bare + ", " + serve + " and " + shared + " ms)");
        Files.delete(archive);
        Files.delete(archive.getParent());
    }

    private static int port;

    /** The port of the next start (also read by {@link #serveEnv}). */
    private static int port() {
        return port;
    }

    private static List<String> serveCommand(String java, Path jar, String option) {
        port = AnvilProcess.freePort();
        return List.of(java, option, "-jar", jar.toString(), "serve");
    }

    private static Map<String, String> serveEnv() {
        return Map.of("LST_HTTP_PORT", Integer.toString(port), "LST_HTTP_HOST", "127.0.0.1",
                "LST_RPC_URL", "http://127.0.0.1:1", "LST_DB_URL", "jdbc:h2:mem:startup;DB_CLOSE_DELAY=-1");
    }

    private static void row(String name, List<Long> times) {
        System.out.printf(Locale.ROOT, "%-28s %10d %10d %10d%n", name, median(times),
                times.stream().mapToLong(Long::longValue).min().orElseThrow(),
                times.stream().mapToLong(Long::longValue).max().orElseThrow());
    }

    private static long median(List<Long> times) {
        List<Long> sorted = times.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /** Milliseconds from launching {@code command} to the first HTTP 200 of {@code path}; the process is stopped. */
    private static long timeToOk(List<String> command, Map<String, String> env, int port, String path)
            throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(2)).GET().build();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            while (System.nanoTime() - start < LIMIT.toNanos()) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(command + " exited with " + process.exitValue() + " before "
                            + path + " answered 200");
                }
                try {
                    if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return Duration.ofNanos(System.nanoTime() - start).toMillis();
                    }
                } catch (java.io.IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(20);
            }
            throw new IllegalStateException(command + ": " + path + " did not answer 200 within " + LIMIT);
        } finally {
            process.destroy(); // SIGTERM: a normal exit, at which a training start writes its archive
            if (!process.waitFor(LIMIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
