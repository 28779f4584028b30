package io.lsttracker.chain;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okio.Buffer;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.http.HttpService;

/**
 * JSON-RPC over HTTP to one or more endpoints (failing over between them, see {@link FailoverInterceptor}), with a
 * timeout on every attempt and counts of the HTTP requests and of
 * the JSON-RPC calls sent by method (what providers bill and rate-limit), which the benchmark and the
 * metrics read.
 */
public final class RpcConnection implements AutoCloseable {
    /** Where requests go; may hold an API key, so it is never shown: {@link #url()} is what messages use. */
    private final String url;
    private final String shown;
    private final List<String> urls;
    private final FailoverInterceptor failover;
    private final Long expectedChainId;
    private final HttpService service;
    private final Web3j web3j;
    private final AtomicLong httpRequests = new AtomicLong();
    private final Map<String, AtomicLong> callsByMethod = new ConcurrentHashMap<>();
    private volatile RequestObserver observer = (methods, nanos, ok) -> { };

    /** Hears of every HTTP request: its JSON-RPC methods (one per call of a batch), duration and success. */
    public interface RequestObserver {
        void request(List<String> methods, long nanos, boolean ok);
    }
    private static final Pattern METHOD = Pattern.compile("\"method\"\\s*:\\s*\"([^\"]+)\"");

    private RpcConnection(List<String> urls, RetryPolicy policy, Long expectedChainId) {
        this.urls = List.copyOf(urls);
        this.url = urls.get(0);
        this.shown = RedactedUrl.of(url);
        this.expectedChainId = expectedChainId;
        Duration timeout = policy.requestTimeout();
        OkHttpClient probes = new OkHttpClient.Builder()
                .callTimeout(timeout)
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .retryOnConnectionFailure(false)
                .socketFactory(new NoDelaySocketFactory())
                .build();
        // Each attempt is counted and observed (metrics), so a retried request shows as several HTTP requests.
        OkHttpClient attempts = probes.newBuilder()
                .addInterceptor(chain -> {
                    httpRequests.incrementAndGet();
                    List<String> methods = countMethods(chain.request().body());
                    long start = System.nanoTime();
                    boolean ok = false;
                    try {
                        okhttp3.Response response = chain.proceed(chain.request());
                        ok = response.isSuccessful();
                        return response;
                    } finally {
                        observer.request(methods, System.nanoTime() - start, ok);
                    }
                })
                .build();
        List<RpcEndpoint> endpoints = this.urls.stream().map(u -> new RpcEndpoint(HttpUrl.get(u))).toList();
        this.failover = new FailoverInterceptor(endpoints, policy, expectedChainId, attempts, probes);
        // No timeout here: the failover bounds each attempt with the timeout above, and the attempts in number.
        OkHttpClient client = probes.newBuilder().callTimeout(Duration.ZERO).readTimeout(Duration.ZERO)
                .addInterceptor(failover).build();
        this.service = new HttpService(url, client);
        this.web3j = Web3j.build(service);
    }

    /** Opens a connection to one http(s) URL, with the default retries and no chain id check. */
    public static RpcConnection open(String url, Duration timeout) {
        return open(List.of(url == null ? "" : url), RetryPolicy.withTimeout(timeout), null);
    }

    /**
     * Opens a connection that fails over between {@code urls} (tried in this order of preference). Each must be an
     * http(s) URL, else it is refused with a message naming it. With {@code expectedChainId}, endpoints on another
     * chain are never used (see {@link #checkChainIds(long)} for the start-up check).
     */
    public static RpcConnection open(List<String> urls, RetryPolicy policy, Long expectedChainId) {
        if (urls.isEmpty()) {
            throw new ChainReadException("no RPC URL given");
        }
        List<String> checked = new java.util.ArrayList<>();
        for (String url : urls) {
            checked.add(checkUrl(url));
        }
        return new RpcConnection(checked, policy, expectedChainId);
    }

    private static String checkUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url == null ? "" : url.trim());
        } catch (IllegalArgumentException e) {
            throw new ChainReadException("RPC URL (tracker.chain.rpc-url, LST_RPC_URL) is not a valid URL");
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                || HttpUrl.parse(uri.toString()) == null) {
            // Not echoed whole: a mistyped URL still holds the key it was pasted with.
            throw new ChainReadException("RPC URL (tracker.chain.rpc-url, LST_RPC_URL) is not an http:// or https:// URL"
                    + (scheme == null ? "" : " (its scheme is '" + scheme + "')"));
        }
        return uri.toString();
    }

    /**
     * The start-up check: asks every endpoint eth_chainId and refuses ({@link WrongChainException}, naming the
     * endpoint, the chain it serves and the configured one) if any serves another chain than {@code expected}.
     * Endpoints that cannot be reached now are returned (to be logged); each is checked again before its first use.
     */
    public List<String> checkChainIds(long expected) {
        return failover.checkEveryEndpoint(expected);
    }

    /**
     * The chain id every endpoint must serve (tracker.chain.chain-id), if this connection checks it: reads then ask
     * eth_chainId in the same batch ({@link #requireChainId}).
     */
    public java.util.Optional<Long> expectedChainId() {
        return java.util.Optional.ofNullable(expectedChainId);
    }

    /**
     * Checks the eth_chainId answer {@code served} that came in one batch with a read: another chain than the expected
     * one fails the read with {@link WrongChainException} naming the endpoint that answered, which is not used again
     * until it serves the expected chain.
     */
    void requireChainId(long served, String what) {
        if (expectedChainId != null && served != expectedChainId) {
            throw new WrongChainException(failover.answeredFromAnotherChain(served) + " (answered with " + what
                    + "; nothing of that read is used)");
        }
    }

    /** The endpoints, in order of preference. */
    public List<String> urls() {
        return urls;
    }

    /** Attempts sent again after a failed one (on the same endpoint or another). */
    public long retries() {
        return failover.retries();
    }

    /** Retries that went to another endpoint than the one that failed. */
    public long failovers() {
        return failover.failovers();
    }

    /** The endpoint as messages and logs show it: scheme, host and port only (see {@link RedactedUrl}). */
    public String url() {
        return shown;
    }

    public Web3jService service() {
        return service;
    }

    public Web3j web3j() {
        return web3j;
    }

    public long httpRequests() {
        return httpRequests.get();
    }

    /** Answers of 429 Too Many Requests received (each rested its endpoint for the Retry-After asked). */
    public long rateLimited() {
        return failover.rateLimited();
    }

    /** JSON-RPC calls sent, by method (a batched request counts each call in it). */
    public Map<String, Long> callsByMethod() {
        Map<String, Long> snapshot = new TreeMap<>();
        callsByMethod.forEach((method, count) -> snapshot.put(method, count.get()));
        return snapshot;
    }

    public long calls(String method) {
        AtomicLong count = callsByMethod.get(method);
        return count == null ? 0 : count.get();
    }

    public void observe(RequestObserver observer) {
        this.observer = observer;
    }

    private List<String> countMethods(RequestBody body) throws IOException {
        if (body == null) {
            return List.of();
        }
        Buffer buffer = new Buffer();
        body.writeTo(buffer);
        Matcher matcher = METHOD.matcher(buffer.readUtf8());
        List<String> methods = new java.util.ArrayList<>();
        while (matcher.find()) {
            callsByMethod.computeIfAbsent(matcher.group(1), m -> new AtomicLong()).incrementAndGet();
            methods.add(matcher.group(1));
        }
        return methods;
    }

    /** Turns an I/O failure into a message a user can act on: which endpoint, and what went wrong. */
    ChainReadException unreachable(String what, IOException e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String where = urls.size() == 1 ? "RPC endpoint " + shown
                : "any of the RPC endpoints " + String.join(", ", urls.stream().map(RedactedUrl::of).toList());
        return new ChainReadException("cannot reach " + where + " (" + what + "): " + reason, e);
    }

    @Override
    public void close() {
        web3j.shutdown();
    }
}
