package io.lsttracker.chain;

import okhttp3.HttpUrl;

/**
 * One configured JSON-RPC endpoint and what the failover knows of it: until when it is rested after a failure,
 * before when it must not be asked at all (a 429's Retry-After), and when its chain id was last checked.
 * Guarded by the {@link FailoverInterceptor} that owns it.
 */
final class RpcEndpoint {
    final HttpUrl url;
    long restUntilNanos;
    long notBeforeNanos;
    /** System.nanoTime() of the last eth_chainId that matched; 0 = not checked (or to be checked again). */
    long chainCheckedNanos;
    boolean checked;
    /** Set by a failure: the chain id is asked again before the endpoint is used after its rest. */
    boolean recheck;
    int consecutive429;

    RpcEndpoint(HttpUrl url) {
        this.url = url;
    }

    boolean resting(long now) {
        return restUntilNanos - now > 0;
    }

    @Override
    public String toString() {
        return io.lsttracker.chain.RedactedUrl.of(url.toString()); // providers put keys in the path or query
    }
}
