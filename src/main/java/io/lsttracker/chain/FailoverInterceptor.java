package io.lsttracker.chain;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each JSON-RPC request to the first healthy endpoint and, when an attempt fails in a way another try can
 * mend (no connection, a timeout, a dropped connection, HTTP 5xx, HTTP 429, a body that is not whole JSON), rests
 * that endpoint and tries again, on another endpoint if one is healthy, else after a backoff
 * ({@link RetryPolicy}). JSON-RPC errors inside a well-formed answer (a revert, a pruned state) are answers, not
 * faults: they are returned as they are. Each attempt goes through {@code attempts}, whose own call timeout bounds
 * it; this interceptor sits on a client without one, so retries are not cut short by the first attempt's clock.
 *
 * <p>With an expected chain id, an endpoint is asked eth_chainId before its first use, again when it is used after
 * a rest and every {@link RetryPolicy#chainIdRecheck()}: an endpoint on another chain is never used, and a request with
 * no endpoint on the right chain fails with {@link WrongChainException}.
 */
final class FailoverInterceptor implements Interceptor {
    private static final Logger LOG = LoggerFactory.getLogger(FailoverInterceptor.class);
    private static final JsonFactory JSON = new JsonFactory();

    private final List<RpcEndpoint> endpoints;
    private final RetryPolicy policy;
    private final Long expectedChainId;
    private final OkHttpClient attempts;
    private final OkHttpClient probes;
    private final AtomicLong rateLimited = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong failovers = new AtomicLong();
    /**
     * The endpoint that gave the calling thread its last answer. OkHttp runs a synchronous call's interceptors on the
     * caller's thread, so a reader that finds something wrong in an answer can tell which endpoint gave it.
     */
    private final ThreadLocal<RpcEndpoint> answered = new ThreadLocal<>();

    FailoverInterceptor(List<RpcEndpoint> endpoints, RetryPolicy policy, Long expectedChainId, OkHttpClient attempts,
            OkHttpClient probes) {
        this.endpoints = List.copyOf(endpoints);
        this.policy = policy;
        this.expectedChainId = expectedChainId;
        this.attempts = attempts;
        this.probes = probes;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        List<String> failures = new ArrayList<>();
        RpcEndpoint previous = null;
        for (int attempt = 1; attempt <= policy.maxAttempts(); attempt++) {
            RpcEndpoint endpoint = choose(attempt, failures);
            if (previous != null) {
                retries.incrementAndGet();
                if (endpoint != previous) {
                    failovers.incrementAndGet();
                    LOG.warn("RPC failover: {} failed ({}), trying {}", previous, failures.get(failures.size() - 1),
                            endpoint);
                }
            }
            previous = endpoint;
            String fault;
            try {
                Response response = attempts.newCall(request.newBuilder().url(endpoint.url).build()).execute();
                fault = fault(endpoint, response);
                if (fault == null) {
                    Response whole = wholeJson(response);
                    if (whole != null) {
                        succeeded(endpoint);
                        answered.set(endpoint);
                        return whole;
                    }
                    fault = "a body that is not whole JSON (malformed or truncated)";
                    failed(endpoint, null);
                } else if (!retryable(response.code())) {
                    return response;
                }
                response.close();
            } catch (InterruptedIOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                fault = "timed out after " + policy.requestTimeout().toMillis() + " ms";
                failed(endpoint, null);
            } catch (IOException e) {
                fault = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                failed(endpoint, null);
            }
            failures.add(endpoint + ": " + fault);
        }
        throw new IOException("all " + policy.maxAttempts() + " attempts failed (" + String.join("; ", failures) + ")");
    }

    /** A reason to try again for a non-2xx answer (and rests the endpoint), or null for a 2xx. */
    private String fault(RpcEndpoint endpoint, Response response) {
        int code = response.code();
        if (code == 429) {
            rateLimited.incrementAndGet();
            Duration wait;
            synchronized (this) {
                wait = RetryPolicy.retryAfter(response.header("Retry-After"), endpoint.consecutive429++);
            }
            failed(endpoint, wait);
            return "HTTP 429 Too Many Requests (Retry-After " + wait.toMillis() + " ms)";
        }
        if (response.isSuccessful()) {
            return null;
        }
        if (retryable(code)) {
            failed(endpoint, null);
        }
        return "HTTP " + code;
    }

    private static boolean retryable(int code) {
        return code == 429 || code >= 500;
    }

    /** The answer with its body read whole and checked to be one complete JSON value, or null if it is not. */
    /** The largest answer read: 64 MiB. */
    static final long MAX_BODY_BYTES = 64L * 1024 * 1024;

    private static Response wholeJson(Response response) throws IOException {
        ResponseBody body = response.body();
        if (body == null) {
            return null;
        }
        MediaType type = body.contentType();
        // An answer is read whole to check it; one larger than any we ask for (a backfill batch or a page of logs
        // is a few MB) is a broken or hostile node, refused before it can fill the heap.
        if (body.source().request(MAX_BODY_BYTES + 1)) {
            throw new IOException("a body larger than " + MAX_BODY_BYTES + " bytes");
        }
        byte[] bytes = body.source().readByteArray();
        try (JsonParser parser = JSON.createParser(bytes)) {
            if (parser.nextToken() == null) {
                return null;
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                return null;
            }
        } catch (IOException notJson) {
            return null;
        }
        return response.newBuilder().body(ResponseBody.create(bytes, type)).build();
    }

    /**
     * The endpoint for this attempt: the first in configured order that is not resting (and on the right chain),
     * else the one whose rest ends first, after the backoff and any Retry-After it asked for.
     */
    private RpcEndpoint choose(int attempt, List<String> failures) throws IOException {
        List<String> wrongChain = new ArrayList<>();
        List<RpcEndpoint> candidates = new ArrayList<>(endpoints);
        while (!candidates.isEmpty()) {
            long now = System.nanoTime();
            RpcEndpoint pick;
            boolean resting;
            synchronized (this) {
                pick = candidates.stream().filter(e -> !e.resting(now)).findFirst()
                        .orElseGet(() -> candidates.stream()
                                .min(Comparator.comparingLong(e -> e.restUntilNanos - now)).orElseThrow());
                resting = pick.resting(now);
            }
            long waitNanos = Math.max(0, pick.notBeforeNanos - now);
            if (waitNanos > policy.maxRetryAfter().toNanos()) {
                throw new IOException("rate limited: " + pick + " asked to wait " + (waitNanos + 999_999_999) / 1_000_000_000
                        + " s (Retry-After), longer than the " + policy.maxRetryAfter().toSeconds() + " s this client waits"
                        + (failures.isEmpty() ? "" : " (" + String.join("; ", failures) + ")"));
            }
            if (resting && attempt > 1) {
                waitNanos = Math.max(waitNanos, policy.backoff(attempt - 1, ThreadLocalRandom.current()).toNanos());
            }
            sleep(waitNanos);
            String mismatch = checkChain(pick);
            if (mismatch == null) {
                return pick;
            }
            wrongChain.add(mismatch);
            candidates.remove(pick);
        }
        throw new WrongChainException(String.join("; ", wrongChain));
    }

    /** The start-up check of every endpoint; see RpcConnection.checkChainIds. */
    List<String> checkEveryEndpoint(long expected) {
        List<String> unreachable = new ArrayList<>();
        for (RpcEndpoint endpoint : endpoints) {
            Long served = ChainIdProbe.ask(probes, endpoint.url);
            if (served == null) {
                unreachable.add(endpoint.toString());
            } else if (served != expected) {
                throw new WrongChainException(ChainIdProbe.mismatch(endpoint.url, served, expected));
            } else {
                synchronized (this) {
                    endpoint.checked = true;
                    endpoint.recheck = false;
                    endpoint.chainCheckedNanos = System.nanoTime();
                }
            }
        }
        return unreachable;
    }

    /**
     * The endpoint that gave this thread's last answer served chain id {@code served}, not the expected one, in an
     * answer read with it (eth_chainId batched with a read): it is not used again until its chain id is asked again
     * and matches (asked before its next use). Returns the message naming it.
     */
    String answeredFromAnotherChain(long served) {
        RpcEndpoint endpoint = answered.get();
        long expected = expectedChainId == null ? served : expectedChainId;
        if (endpoint == null) {
            return "an RPC endpoint served chain id " + served + ", but tracker.chain.chain-id (LST_CHAIN_ID) is "
                    + expected + ": refusing to read another chain";
        }
        synchronized (this) {
            endpoint.checked = false;
            endpoint.recheck = true;
        }
        LOG.error("RPC endpoint {} answered chain id {} in the batch of a read, not the configured {} "
                + "(tracker.chain.chain-id, LST_CHAIN_ID): the read is refused and the endpoint not used until it "
                + "serves that chain again", endpoint, served, expected);
        return ChainIdProbe.mismatch(endpoint.url, served, expected);
    }

    /** Null when the endpoint serves the expected chain (or its answer cannot be had now); else what it serves. */
    private String checkChain(RpcEndpoint endpoint) {
        if (expectedChainId == null) {
            return null;
        }
        synchronized (this) {
            long now = System.nanoTime();
            if (endpoint.resting(now)) {
                return null; // a retry at an endpoint that just failed: asked again once its rest is over
            }
            if (endpoint.checked && !endpoint.recheck
                    && now - endpoint.chainCheckedNanos < policy.chainIdRecheck().toNanos()) {
                return null;
            }
        }
        Long served = ChainIdProbe.ask(probes, endpoint.url);
        if (served == null) {
            return null; // unreachable now: the attempt itself will fail and be retried, and the check asked again
        }
        if (served.longValue() != expectedChainId.longValue()) {
            synchronized (this) {
                endpoint.checked = false;
            }
            LOG.error("RPC endpoint {} serves chain id {}, not the configured {} (tracker.chain.chain-id, LST_CHAIN_ID):"
                    + " not used", endpoint, served, expectedChainId);
            return ChainIdProbe.mismatch(endpoint.url, served, expectedChainId);
        }
        synchronized (this) {
            endpoint.checked = true;
            endpoint.recheck = false;
            endpoint.chainCheckedNanos = System.nanoTime();
        }
        return null;
    }

    private synchronized void failed(RpcEndpoint endpoint, Duration retryAfter) {
        long now = System.nanoTime();
        long rest = policy.endpointRest().toNanos();
        if (retryAfter != null) {
            endpoint.notBeforeNanos = now + retryAfter.toNanos();
            rest = Math.max(rest, retryAfter.toNanos());
        }
        endpoint.restUntilNanos = now + rest;
        endpoint.recheck = true; // a node that comes back may be another node: its chain id is asked again
    }

    private synchronized void succeeded(RpcEndpoint endpoint) {
        endpoint.consecutive429 = 0;
    }

    private static void sleep(long nanos) throws IOException {
        if (nanos <= 0) {
            return;
        }
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry a JSON-RPC request");
        }
    }

    long rateLimited() {
        return rateLimited.get();
    }

    long retries() {
        return retries.get();
    }

    long failovers() {
        return failovers.get();
    }
}
