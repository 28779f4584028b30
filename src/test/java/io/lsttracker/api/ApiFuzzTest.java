package io.lsttracker.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lsttracker.devchain.Devchain;
import io.lsttracker.devchain.TestDevchain;
import io.micronaut.http.HttpResponse;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A seeded fuzz run against the real server (as `serve` runs it, H2 in memory, snapshots of the devchain and
 * a backfilled history, admin endpoints on): at least 10,000 random requests over every route of openapi.yml
 * (see {@link FuzzRequests}) on a few kept-alive connections. No answer may be a 5xx, no body may carry a
 * stack trace or an exception class name, every error is {error, message}, and what was stored before the run
 * is served unchanged after it. Replay with -Dlst.fuzz.seed=N; scale with -Dlst.fuzz.requests=N.
 */
class ApiFuzzTest extends ServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "fuzz-admin-token-0123456789abcdef";
    private static final long SEED = Long.getLong("lst.fuzz.seed", 20261123L);
    private static final int REQUESTS = Integer.getInteger("lst.fuzz.requests", 10_000);
    private static final int THREADS = 4;
    /** What a leaked stack trace or exception looks like: a frame, a cause, or a qualified class name. */
    private static final Pattern LEAK = Pattern.compile("(?i)(\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\(|caused by:"
            + "|exception|throwable|\\b(java|javax|jakarta|io\\.micronaut|io\\.netty|com\\.fasterxml|org\\.h2"
            + "|org\\.postgresql|org\\.web3j|io\\.lsttracker)\\.[a-z])");

    private final Devchain devchain = TestDevchain.shared();
    private String backfillJob;

    @Inject
    EmbeddedServer server;

    @Override
    protected Map<String, ?> settings() {
        // The fuzz is one address sending thousands of wrong tokens: the failed-attempt limit (HttpHardeningTest)
        // would answer 429 to all its admin requests, so it is lifted here to let the fuzz reach the route.
        return Map.of("tracker.chain.rpc-url", devchain.url(), "tracker.admin.token", TOKEN,
                "tracker.admin.max-failures-per-minute", 1_000_000, FakeLiquidityHistory.PROPERTY, "true");
    }

    @Inject
    io.lsttracker.entity.EntityStore entities;

    @BeforeAll
    void start() throws Exception {
        Await.snapshot(api);
        backfillHistory();
        // An entity reading for the /api/entities routes to serve (this server has no beacon node to read one).
        entities.saveReading(io.lsttracker.entity.EntityFixtures.handComputedReading(), 1);
        // Proposed blocks for the /api/clients routes (no beacon node to read them from either).
        proposals.save(List.of(new io.lsttracker.clients.ClientsTables.ProposalRow(7_200, false, 1L, "lido",
                "0x" + "00".repeat(32), "lighthouse", "geth", "CODES"),
                new io.lsttracker.clients.ClientsTables.ProposalRow(7_201, true, null, null, null, null, null, "NONE")),
                7_201);
        // Liquidity figures for the liquidity routes to serve (a fake history: the fuzz cannot change them).
        liquidity.store(LiquidityFixtures.handComputedSnapshot()).store(LiquidityFixtures.handComputedExitQueue());
    }

    @Inject
    FakeLiquidityHistory liquidity;

    @Inject
    io.lsttracker.clients.ProposalStore proposals;

    /** History for the history routes to downsample: the devchain's days at 6-hour points, via the admin API. */
    private void backfillHistory() throws Exception {
        Instant head = Instant.ofEpochSecond(devchain.headTimestamp());
        String body = "{\"from\":\"" + head.minusSeconds((TestDevchain.HISTORY_DAYS - 1) * 86_400L) + "\",\"to\":\""
                + head + "\",\"interval\":\"6h\"}";
        HttpResponse<JsonNode> started = api.startBackfill("Bearer " + TOKEN, body);
        assertEquals(202, started.code(), String.valueOf(started.body()));
        backfillJob = started.body().get("id").asText();
        Await.backfill(api, "Bearer " + TOKEN, backfillJob, Duration.ofSeconds(60));
    }

    @Test
    void tenThousandRandomRequestsGetNo5xxAndNoStackTrace() throws Exception {
        // what is stored, as served byte for byte (the answers' raw bodies, not their parsed trees)
        Supplier<String> snapshot = () -> api.latestSnapshot().getBody(String.class).orElseThrow();
        String snapshotBefore = snapshot.get();
        Instant head = Instant.ofEpochSecond(devchain.headTimestamp());
        Supplier<String> history = () -> api.history("lido", head.minusSeconds(14 * 86_400L).toString(),
                head.plusSeconds(86_400).toString(), "6h").getBody(String.class).orElseThrow();
        String historyBefore = history.get();
        assertTrue(JSON.readTree(historyBefore).get("points").size() >= TestDevchain.HISTORY_DAYS, historyBefore);
        List<String> routes = documentedRoutes();
        List<String> poolIds = new ArrayList<>();
        api.pools().body().get("pools").forEach(p -> poolIds.add(p.get("id").asText()));
        List<String> ids = new ArrayList<>(poolIds);
        ids.add(backfillJob);
        List<FuzzRequests.Request> requests = new FuzzRequests(SEED, routes, ids, TOKEN).take(REQUESTS);

        Map<Integer, AtomicInteger> byStatus = new ConcurrentHashMap<>();
        Map<String, Map<Integer, AtomicInteger>> byRoute = new ConcurrentHashMap<>();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger connections = new AtomicInteger();
        List<String> slow = Collections.synchronizedList(new ArrayList<>());
        Map<String, java.util.concurrent.atomic.AtomicLong> time = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int first = t;
            workers.add(pool.submit(() -> {
                try (FuzzHttpClient client = new FuzzHttpClient(server.getHost(), server.getPort())) {
                    String previous = "";
                    for (int i = first; i < requests.size(); i += THREADS) {
                        FuzzRequests.Request request = requests.get(i);
                        long sent = System.nanoTime();
                        FuzzHttpClient.Answer answer = client.send(request.method(), request.target(),
                                request.headers(), request.body(), request.wellFormed());
                        byStatus.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
                        byRoute.computeIfAbsent(request.route(), r -> new ConcurrentHashMap<>())
                                .computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
                        long millis = (System.nanoTime() - sent) / 1_000_000;
                        String kind = request.body() != null && request.body().length > 100_000 ? "body over 100 kB"
                                : !request.wellFormed() ? "not HTTP" : answer.status() == 413 ? "413" : "other";
                        time.computeIfAbsent(kind, k -> new java.util.concurrent.atomic.AtomicLong()).addAndGet(millis);
                        if (millis > 1000) {
                            slow.add("#" + i + " " + millis + " ms: " + request.describe() + " -> " + answer.status()
                                    + "\n      after " + previous);
                        }
                        previous = request.describe() + " -> " + answer.status() + " " + answer.headers();
                        String problem = problem(request, answer);
                        if (problem != null) {
                            failures.add("#" + i + " " + problem + "\n    request: " + request.describe()
                                    + "\n    answer: " + answer.status() + " " + abbreviate(answer.body(), 400));
                        }
                    }
                    connections.addAndGet(client.connections());
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;

        System.out.printf("API fuzz: seed %d, %d requests on %d threads in %.1f s (%.0f/s), %d connections%n",
                SEED, requests.size(), THREADS, seconds, requests.size() / seconds, connections.get());
        System.out.println("  by status: " + new TreeMap<>(byStatus));
        new TreeMap<>(byRoute).forEach((route, statuses) -> System.out.printf("  %-32s %s%n", route,
                new TreeMap<>(statuses)));
        System.out.println("  ms spent by kind: " + new TreeMap<>(time));
        System.out.println("  answers over 1 s: " + slow.size());
        slow.stream().limit(10).forEach(line -> System.out.println("    " + line));
        System.out.println("  problems: " + failures.size());
        failures.stream().limit(Integer.getInteger("lst.fuzz.show", 40)).forEach(System.out::println);

        assertTrue(requests.size() >= 10_000 || Integer.getInteger("lst.fuzz.requests") != null);
        assertEquals(List.of(), failures.stream().limit(20).toList(), failures.size() + " problems; first 20 shown");
        for (String route : routes) {
            Map<Integer, AtomicInteger> statuses = byRoute.getOrDefault(route, Map.of());
            assertTrue(statuses.keySet().stream().anyMatch(s -> s / 100 == 2),
                    "the fuzz never reached a working " + route + ": " + statuses);
        }
        HttpResponse<JsonNode> health = api.health();
        assertEquals(200, health.code(), String.valueOf(health.body()));
        assertEquals(snapshotBefore, snapshot.get(), "the latest snapshot changed");
        assertEquals(historyBefore, history.get(), "stored history changed");
    }

    /** What the fuzz found (each was a 500 with a stack trace in the log), now a 4xx naming the fault. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "GET|/api/pools?x=%zz|400|bad_request|not a valid URI",
        "GET|/api/pools/lido/history?from=%|400|bad_request|not a valid URI",
        "GET|/api/pools/%C3%28/../%|400|bad_request|not a valid URI",
        "GET|/api/pools?x=LONG|413|request_too_large|at most 4096 bytes of request line",
        "GET|/api/pools?HEADER|413|request_too_large|8192 bytes of headers",
    })
    void requestsTheFuzzBrokeAreA4xx(String method, String target, int status, String error, String fragment)
            throws Exception {
        Map<String, String> headers = new java.util.LinkedHashMap<>(Map.of("Accept", "application/json"));
        if (target.endsWith("HEADER")) {
            headers.put("X-Big", "h".repeat(9000));
        }
        try (FuzzHttpClient client = new FuzzHttpClient(server.getHost(), server.getPort())) {
            FuzzHttpClient.Answer answer = client.send(method, target.replace("LONG", "x".repeat(5000)), headers, null, true);
            assertEquals(status, answer.status(), answer.body());
            JsonNode body = JSON.readTree(answer.body());
            assertEquals(error, body.get("error").asText());
            assertTrue(body.get("message").asText().contains(fragment), body.get("message").asText());
            // the decoder may have given up on the connection: the server closes it rather than leave it hanging
            assertEquals("close", answer.headers().get("connection"));
        }
    }

    @Test
    void aRequestLineThatIsNotHttpIsA400WithoutALeak() throws Exception {
        try (FuzzHttpClient client = new FuzzHttpClient(server.getHost(), server.getPort())) {
            FuzzRequests.Request request = new FuzzRequests.Request("-", "GET", "/api/pools?to=' OR 1=1 --", Map.of(),
                    null);
            FuzzHttpClient.Answer answer = client.send(request.method(), request.target(), Map.of(), null, false);
            assertEquals(400, answer.status(), answer.body());
            assertEquals(null, problem(request, answer));
        }
    }

    /** What is wrong with an answer, or null: no answer, a 5xx, a leaked stack trace, an error not {error, message}. */
    static String problem(FuzzRequests.Request request, FuzzHttpClient.Answer answer) {
        if (answer.status() == 0) {
            return "no answer";
        }
        if (answer.status() < 0) {
            return "unreadable answer";
        }
        if (answer.status() >= 500) {
            return "status " + answer.status();
        }
        Matcher leak = LEAK.matcher(answer.body());
        if (leak.find()) {
            return "leaks '" + leak.group() + "'";
        }
        // Netty answers a request line that is not HTTP before any route or error handler of ours runs, with
        // Micronaut's own error body; it must still be a 4xx without a leak, which is checked above.
        if (answer.status() >= 400 && !request.method().equals("HEAD") && request.wellFormed()
                && !corsRefusal(request, answer)) {
            try {
                JsonNode body = JSON.readTree(answer.body());
                if (body == null || body.size() != 2 || !body.path("error").isTextual()
                        || !body.path("message").isTextual()) {
                    return "error body is not {error, message}";
                }
            } catch (Exception e) {
                return "error body is not JSON";
            }
        }
        return null;
    }

    /**
     * Micronaut refuses a cross-origin request to a server bound to localhost with an empty 403 while CORS is
     * not configured (its guard against drive-by requests from web pages); the body is empty, not an error.
     */
    private static boolean corsRefusal(FuzzRequests.Request request, FuzzHttpClient.Answer answer) {
        return answer.status() == 403 && answer.body().isEmpty() && request.headers().containsKey("Origin");
    }

    /** The routes of openapi.yml as served (ApiEndToEndTest checks that the two lists are the same). */
    private List<String> documentedRoutes() {
        List<String> routes = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^  (/\\S*):$").matcher(api.openApi().body());
        while (m.find()) {
            routes.add(m.group(1));
        }
        assertTrue(routes.size() >= 10, routes.toString());
        return routes;
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...(" + text.length() + " chars)";
    }
}
