package io.lsttracker.chain;

import io.lsttracker.config.RedactedUrl;
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
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okio.Buffer;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.http.HttpService;

/**
 * One JSON-RPC endpoint over HTTP, with a timeout on every request and counts of the HTTP requests and of
 * the JSON-RPC calls sent by method (what providers bill and rate-limit), which the benchmark and the
 * metrics read.
 */
public final class RpcConnection implements AutoCloseable {
    /** Where requests go; may hold an API key, so it is never shown: {@link #url()} is what messages use. */
    private final String url;
    private final String shown;
    private final HttpService service;
    private final Web3j web3j;
    private final AtomicLong httpRequests = new AtomicLong();
    private final RateLimitInterceptor rateLimit = new RateLimitInterceptor();
    private final Map<String, AtomicLong> callsByMethod = new ConcurrentHashMap<>();
    private volatile RequestObserver observer = (methods, nanos, ok) -> { };

    /** Hears of every HTTP request: its JSON-RPC methods (one per call of a batch), duration and success. */
    public interface RequestObserver {
        void request(List<String> methods, long nanos, boolean ok);
    }
    private static final Pattern METHOD = Pattern.compile("\"method\"\\s*:\\s*\"([^\"]+)\"");

    private RpcConnection(String url, Duration timeout) {
        this.url = url;
        this.shown = RedactedUrl.of(url);
        OkHttpClient client = new OkHttpClient.Builder()
                .callTimeout(timeout)
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .socketFactory(new NoDelaySocketFactory())
                .addInterceptor(rateLimit)
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
        this.service = new HttpService(url, client);
        this.web3j = Web3j.build(service);
    }

    /** Opens a connection to an http(s) URL; anything else is refused with a message naming the URL. */
    public static RpcConnection open(String url, Duration timeout) {
        URI uri;
        try {
            uri = URI.create(url == null ? "" : url.trim());
        } catch (IllegalArgumentException e) {
            throw new ChainReadException("RPC URL (tracker.chain.rpc-url, LST_RPC_URL) is not a valid URL");
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            // Not echoed whole: a mistyped URL still holds the key it was pasted with.
            throw new ChainReadException("RPC URL (tracker.chain.rpc-url, LST_RPC_URL) is not an http:// or https:// URL"
                    + (scheme == null ? "" : " (its scheme is '" + scheme + "')"));
        }
        return new RpcConnection(uri.toString(), timeout);
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

    /** Answers of 429 Too Many Requests received (each was waited out and sent again). */
    public long rateLimited() {
        return rateLimit.refused();
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
        return new ChainReadException("cannot reach RPC endpoint " + shown + " (" + what + "): " + reason, e);
    }

    @Override
    public void close() {
        web3j.shutdown();
    }
}
