package io.lsttracker.bench;

import io.lsttracker.devchain.AnvilProcess;
import io.lsttracker.devchain.Devchain;
import io.lsttracker.devchain.DevchainParameters;
import io.lsttracker.domain.BlockSelector;
import io.lsttracker.snapshot.SnapshotService;
import io.lsttracker.snapshot.SnapshotStore;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Throughput and tail latency of {@code GET /api/pools} under wrk, against the baseline of a route of the
 * same server that does no work ({@link PingController}), in one run. The server is the app as `serve` starts
 * it (environment "server", plus "bench" for the baseline route), in this JVM, on a free port of 127.0.0.1,
 * with an in-memory H2 holding a snapshot of every block of a 3-day devchain. The snapshot scheduler is off,
 * so no cycle competes with wrk for the two cores.
 *
 * <p>Run: bench/run-api-bench.sh (see docs/BENCHMARKS.md). Needs wrk on the PATH.
 */
public final class ApiBench {
    private static final int THREADS = 2;
    private static final int CONNECTIONS = 32;
    private static final int WARM_UP_SECONDS = 2;
    private static final int SECONDS = 10;

    public static void main(String[] args) throws Exception {
        DevchainParameters parameters = DevchainParameters.defaults(3).withBlockTime(0);
        int httpPort = AnvilProcess.freePort();
        try (Devchain devchain = Devchain.start(AnvilProcess.freePort(), parameters);
                ApplicationContext server = Micronaut.build(new String[0])
                        .environments("server", "bench")
                        .deduceEnvironment(false)
                        .banner(false)
                        .properties(Map.of(
                                "tracker.chain.rpc-url", devchain.url(),
                                "micronaut.server.host", "127.0.0.1",
                                "micronaut.server.port", httpPort,
                                "datasources.default.url", "jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1"))
                        .start()) {
            int stored = storeHistory(server);
            String base = server.getBean(EmbeddedServer.class).getURL().toString();
            System.out.printf(Locale.ROOT, "lst-tracker API benchmark: wrk -t%d -c%d, %d s warm-up then %d s per "
                    + "endpoint, server in-process on %s, H2 in memory with %d snapshots of a 3-day devchain%n",
                    THREADS, CONNECTIONS, WARM_UP_SECONDS, SECONDS, base, stored);
            String pools = base + "/api/pools";
            String ping = base + "/bench/ping";
            int poolsBytes = check(pools, "\"status\":\"ok\"");
            int pingBytes = check(ping, "\"ok\"");

            wrk(ping, WARM_UP_SECONDS);
            wrk(pools, WARM_UP_SECONDS);
            Result baseline = wrk(ping, SECONDS);
            Result ours = wrk(pools, SECONDS);

            System.out.printf(Locale.ROOT, "%-12s %8s %12s %10s %10s %10s%n",
                    "endpoint", "bytes", "requests/s", "p50 ms", "p99 ms", "errors");
            print("/bench/ping", pingBytes, baseline);
            print("/api/pools", poolsBytes, ours);
            System.out.printf(Locale.ROOT, "%-12s %8s %11.2fx %9.2fx %9.2fx%n", "ratio", "",
                    baseline.requestsPerSecond / ours.requestsPerSecond, ours.p50Millis / baseline.p50Millis,
                    ours.p99Millis / baseline.p99Millis);
            System.out.println("(ratio: requests/s of the baseline over /api/pools; latency of /api/pools over the baseline)");
            if (ours.errors > 0 || baseline.errors > 0) {
                throw new IllegalStateException("wrk saw non-2xx responses or socket errors");
            }
        }
    }

    record Result(double requestsPerSecond, double p50Millis, double p99Millis, long errors) {
    }

    /** A snapshot of every block of the devchain's history, as `demo` stores it, so /api/pools has data. */
    private static int storeHistory(ApplicationContext context) {
        SnapshotService snapshots = context.getBean(SnapshotService.class);
        SnapshotStore store = context.getBean(SnapshotStore.class);
        long head = snapshots.take(BlockSelector.LATEST).block().number();
        int stored = 0;
        for (long block = 1; block <= head; block++) {
            if (store.save(snapshots.take(new BlockSelector.Number(block))) == SnapshotStore.SaveOutcome.STORED) {
                stored++;
            }
        }
        return stored;
    }

    /** One GET that must answer 200 with {@code expected} in its body; returns the body's size. */
    private static int check(String url, String expected) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || !response.body().contains(expected)) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().getBytes(StandardCharsets.UTF_8).length;
    }

    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern P50 = Pattern.compile("^\\s+50%\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);
    private static final Pattern P99 = Pattern.compile("^\\s+99%\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private static Result wrk(String url, int seconds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("wrk", "-t" + THREADS, "-c" + CONNECTIONS, "-d" + seconds + "s",
                "--latency", "--timeout", "5s", url).redirectErrorStream(true).start();
        if (!process.waitFor(seconds + 30L, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("wrk did not finish within " + (seconds + 30) + " s");
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("wrk failed (exit " + process.exitValue() + "):\n" + out);
        }
        long errors = 0;
        Matcher non2xx = NON_2XX.matcher(out);
        if (non2xx.find()) {
            errors += Long.parseLong(non2xx.group(1));
        }
        Matcher socket = SOCKET.matcher(out);
        if (socket.find()) {
            for (int g = 1; g <= 4; g++) {
                errors += Long.parseLong(socket.group(g));
            }
        }
        return new Result(Double.parseDouble(find(RPS, out).group(1)), millis(find(P50, out)), millis(find(P99, out)),
                errors);
    }

    private static Matcher find(Pattern pattern, String out) {
        Matcher m = pattern.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no " + pattern + " in wrk's output:\n" + out);
        }
        return m;
    }

    private static double millis(Matcher m) {
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    private static void print(String endpoint, int bytes, Result r) {
        System.out.printf(Locale.ROOT, "%-12s %8d %12.0f %10.2f %10.2f %10d%n",
                endpoint, bytes, r.requestsPerSecond, r.p50Millis, r.p99Millis, r.errors);
    }

    private ApiBench() {
    }

}
