package io.lsttracker.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fault-injecting JSON-RPC proxy of the tests: a small real HTTP server between the tracker and the devchain
 * (anvil) that forwards each request, or, while a {@link Fault} is armed, breaks it in one of the ways real nodes
 * and providers do, including those anvil cannot play (a pruned node, a rate limit). A fault is armed for the
 * next {@code times} requests ({@link #inject}), after some requests have passed ({@link #injectAfter}), or until
 * cleared ({@link #always}); a switch of chain id ({@link #serveChainId}) rewrites eth_chainId answers until
 * cleared. It counts the requests it received and those it broke.
 *
 * <p>It is the JDK's HTTP server rather than a Micronaut controller because its faults live below HTTP
 * handlers: a connection closed without an answer, a body cut short of its stated length.
 */
public final class FaultProxy implements AutoCloseable {

    /** How a request is broken. */
    public enum Fault {
        /** Waits {@link #delay} before forwarding (longer than the client's timeout: a hung node). */
        DELAY,
        /** Closes the connection without an answer. */
        DROP,
        /** HTTP 500 with an HTML body, as a load balancer in front of a dead node answers. */
        HTTP_500,
        /** HTTP 503 Service Unavailable. */
        HTTP_503,
        /** HTTP 429 Too Many Requests with Retry-After {@link #retryAfter} seconds. */
        HTTP_429,
        /** HTTP 200 with a body that is not JSON at all. */
        MALFORMED,
        /** HTTP 200 with the first half of the real answer, its length stated honestly: JSON cut short. */
        TRUNCATED,
        /** HTTP 200 promising the whole answer's length, then closing after half of it. */
        CUT_CONNECTION,
        /** The real answer with every eth_call result replaced by bytes no ABI decodes. */
        GARBAGE_RESULT,
        /** A JSON-RPC error as a node answers a reverted eth_call (code 3, "execution reverted"). */
        REVERT,
        /**
         * The real answer, but each eth_call inside a JSON-RPC batch answered with the error a pruned geth gives
         * for state it no longer holds ("missing trie node"): history, which is read in batches, is gone, while
         * single calls of recent state still answer.
         */
        PRUNED_STATE,
        /**
         * The real answer with its block's hash changed: as if a reorg had replaced the block between two requests
         * that asked for it by number.
         */
        OTHER_HASH
    }

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\"[^\"]*\"|[0-9]+)");
    private static final Pattern CALL_RESULT = Pattern.compile("\"result\"\\s*:\\s*\"0x[0-9a-fA-F]{64,}\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final HttpClient upstream;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger faulted = new AtomicInteger();
    private final AtomicReference<Fault> fault = new AtomicReference<>();
    private final AtomicInteger remaining = new AtomicInteger();
    private final AtomicInteger passing = new AtomicInteger();
    private final AtomicReference<Long> chainId = new AtomicReference<>();
    private volatile boolean refuseBlockHashes;
    private volatile Duration delay = Duration.ofSeconds(2);
    private volatile int retryAfter = 1;

    public FaultProxy(String upstream) throws IOException {
        this.upstream = HttpClient.create(new URL(upstream));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fault-proxy");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    /** Breaks the next {@code times} requests with {@code fault}. */
    public FaultProxy inject(Fault fault, int times) {
        return injectAfter(0, fault, times);
    }

    /** Lets the next {@code passing} requests through, then breaks {@code times} requests with {@code fault}. */
    public FaultProxy injectAfter(int passing, Fault fault, int times) {
        this.passing.set(passing);
        this.remaining.set(times);
        this.fault.set(fault);
        return this;
    }

    /** Breaks every request with {@code fault} until {@link #clear}. */
    public FaultProxy always(Fault fault) {
        return inject(fault, Integer.MAX_VALUE);
    }

    /** Answers eth_chainId with {@code id} (null: the devchain's own) from now on, inside a batch too. */
    public FaultProxy serveChainId(Long id) {
        chainId.set(id);
        return this;
    }

    /**
     * From now on answers every request that addresses a block by hash (EIP-1898's object form) the way ganache 7
     * does, JSON-RPC error -32700 "Cannot wrap a object", and forwards the others, inside a batch too.
     */
    public FaultProxy refuseBlockHashes(boolean refuse) {
        this.refuseBlockHashes = refuse;
        return this;
    }

    public FaultProxy delay(Duration delay) {
        this.delay = delay;
        return this;
    }

    public FaultProxy retryAfter(int seconds) {
        this.retryAfter = seconds;
        return this;
    }

    public FaultProxy clear() {
        fault.set(null);
        remaining.set(0);
        passing.set(0);
        chainId.set(null);
        return this;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** Requests received so far. */
    public int requests() {
        return requests.get();
    }

    /** Requests broken so far. */
    public int faulted() {
        return faulted.get();
    }

    private Fault take() {
        if (passing.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return null;
        }
        while (true) {
            int left = remaining.get();
            if (left <= 0 || fault.get() == null) {
                return null;
            }
            if (left == Integer.MAX_VALUE || remaining.compareAndSet(left, left - 1)) {
                return fault.get();
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Long servedChain = chainId.get();
            if (servedChain != null && body.contains("\"eth_chainId\"") && !body.trim().startsWith("[")) {
                respond(exchange, 200, "{\"jsonrpc\":\"2.0\",\"id\":" + id(body) + ",\"result\":\"0x"
                        + Long.toHexString(servedChain) + "\"}");
                return;
            }
            if (servedChain != null && body.contains("\"eth_chainId\"")) {
                respond(exchange, 200, servingChainId(body, forward(body), servedChain));
                return;
            }
            if (refuseBlockHashes && body.contains("\"blockHash\"")) {
                respond(exchange, 200, refusingBlockHashes(body));
                return;
            }
            Fault now = take();
            if (now != null) {
                faulted.incrementAndGet();
            }
            if (now == Fault.DROP) {
                return; // closing the exchange before any answer drops the connection
            }
            if (now == Fault.DELAY) {
                Thread.sleep(delay.toMillis());
            }
            switch (now == null ? Fault.DELAY : now) {
                case HTTP_500 -> respond(exchange, 500, "<html><body>502 Bad Gateway</body></html>");
                case HTTP_503 -> respond(exchange, 503, "");
                case HTTP_429 -> {
                    exchange.getResponseHeaders().add("Retry-After", Integer.toString(retryAfter));
                    respond(exchange, 429, "{\"error\":\"rate limited\"}");
                }
                case MALFORMED -> respond(exchange, 200, "<html>upstream error</html>");
                case REVERT -> respond(exchange, 200, "{\"jsonrpc\":\"2.0\",\"id\":" + id(body)
                        + ",\"error\":{\"code\":3,\"message\":\"execution reverted\",\"data\":\"0x\"}}");
                default -> {
                    String answer = forward(body);
                    if (now == Fault.TRUNCATED) {
                        respond(exchange, 200, answer.substring(0, answer.length() / 2));
                    } else if (now == Fault.CUT_CONNECTION) {
                        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
                        exchange.getResponseHeaders().add("Content-Type", "application/json");
                        exchange.sendResponseHeaders(200, bytes.length);
                        OutputStream out = exchange.getResponseBody();
                        out.write(bytes, 0, bytes.length / 2);
                        out.flush();
                        // closing the exchange now leaves the stated length unmet: the connection is cut
                    } else if (now == Fault.GARBAGE_RESULT) {
                        Matcher m = CALL_RESULT.matcher(answer);
                        respond(exchange, 200, m.replaceAll("\"result\":\"0xdeadbeef\""));
                    } else if (now == Fault.OTHER_HASH) {
                        respond(exchange, 200, otherHash(answer));
                    } else if (now == Fault.PRUNED_STATE) {
                        respond(exchange, 200, pruned(body, answer));
                    } else {
                        respond(exchange, 200, answer);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away (it timed out) or the cut was made: nothing to answer
        }
    }

    private String forward(String body) {
        return upstream.toBlocking().retrieve(HttpRequest.POST("/", body).contentType(MediaType.APPLICATION_JSON_TYPE));
    }

    /** {@code answer} to the batch {@code body} with each eth_chainId answered {@code chainId}. */
    private static String servingChainId(String body, String answer, long chainId) throws IOException {
        Set<JsonNode> asked = new HashSet<>();
        for (JsonNode request : JSON.readTree(body)) {
            if ("eth_chainId".equals(request.path("method").asText())) {
                asked.add(request.get("id"));
            }
        }
        JsonNode answers = JSON.readTree(answer);
        for (JsonNode one : answers) {
            if (asked.contains(one.get("id"))) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) one).put("result", "0x" + Long.toHexString(chainId));
            }
        }
        return JSON.writeValueAsString(answers);
    }

    /** {@code answer} with each eth_call of the batch {@code body} answered as a pruned node answers it. */
    private static String pruned(String body, String answer) throws IOException {
        JsonNode answers = JSON.readTree(answer);
        if (!answers.isArray()) {
            return answer;
        }
        Set<JsonNode> calls = new HashSet<>();
        for (JsonNode request : JSON.readTree(body)) {
            if ("eth_call".equals(request.path("method").asText())) {
                calls.add(request.get("id"));
            }
        }
        for (JsonNode each : answers) {
            if (calls.contains(each.get("id"))) {
                ObjectNode item = (ObjectNode) each;
                item.remove("result");
                item.putObject("error").put("code", -32000)
                        .put("message", "missing trie node 1a2b3c (path ) state 0x1a2b is not available");
            }
        }
        return JSON.writeValueAsString(answers);
    }

    /** The answer to {@code body} from a node that cannot take a block by hash: errors for those, the rest forwarded. */
    private String refusingBlockHashes(String body) throws IOException {
        JsonNode requests = JSON.readTree(body);
        if (!requests.isArray()) {
            return JSON.writeValueAsString(refusal(requests));
        }
        com.fasterxml.jackson.databind.node.ArrayNode forwarded = JSON.createArrayNode();
        com.fasterxml.jackson.databind.node.ArrayNode answers = JSON.createArrayNode();
        for (JsonNode request : requests) {
            if (byHash(request)) {
                answers.add(refusal(request));
            } else {
                forwarded.add(request);
            }
        }
        if (!forwarded.isEmpty()) {
            JSON.readTree(forward(JSON.writeValueAsString(forwarded))).forEach(answers::add);
        }
        return JSON.writeValueAsString(answers);
    }

    private static boolean byHash(JsonNode request) {
        for (JsonNode param : request.path("params")) {
            if (param.isObject() && param.has("blockHash")) {
                return true;
            }
        }
        return false;
    }

    private static ObjectNode refusal(JsonNode request) {
        ObjectNode answer = JSON.createObjectNode().put("jsonrpc", "2.0");
        answer.set("id", request.get("id"));
        answer.putObject("error").put("code", -32700).put("message", "Cannot wrap a object");
        return answer;
    }

    /** {@code answer} with the hash of the block it holds changed (its last hex digit turned). */
    private static String otherHash(String answer) throws IOException {
        JsonNode tree = JSON.readTree(answer);
        for (JsonNode each : tree.isArray() ? tree : List.of(tree)) {
            JsonNode result = each.path("result");
            if (result.isObject() && result.has("hash")) {
                String hash = result.get("hash").asText();
                char last = hash.charAt(hash.length() - 1);
                ((ObjectNode) result).put("hash", hash.substring(0, hash.length() - 1) + (last == '0' ? '1' : '0'));
            }
        }
        return JSON.writeValueAsString(tree);
    }

    private static String id(String body) {
        Matcher m = ID.matcher(body);
        return m.find() ? m.group(1) : "null";
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        upstream.close();
    }
}
