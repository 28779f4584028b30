package io.lsttracker.chain;

import io.lsttracker.config.ConfigException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** Turns {@code tracker.chain.*} into endpoints, a chain id and a retry policy, naming the key of a bad value. */
final class RpcSettings {
    /** Mainnet (EIP-155); the devchain runs with the same id. */
    static final long DEFAULT_CHAIN_ID = 1;

    private RpcSettings() {
    }

    /** LST_RPC_URLS (comma-separated) when set, else LST_RPC_URL. */
    static List<String> urls(ChainSettings s) {
        if (s.rpcUrls() != null && !s.rpcUrls().isBlank()) {
            List<String> urls = Arrays.stream(s.rpcUrls().split(",")).map(String::trim).toList();
            if (urls.stream().anyMatch(String::isEmpty)) {
                throw new ConfigException("tracker.chain.rpc-urls (LST_RPC_URLS): an empty entry in '" + s.rpcUrls()
                        + "'; give comma-separated http(s) URLs");
            }
            return urls;
        }
        if (s.rpcUrl() == null || s.rpcUrl().isBlank()) {
            throw new ConfigException("tracker.chain.rpc-url: no JSON-RPC endpoint configured (set LST_RPC_URL or "
                    + "LST_RPC_URLS)");
        }
        return List.of(s.rpcUrl().trim());
    }

    static long chainId(ChainSettings s) {
        long id = s.chainId() == null ? DEFAULT_CHAIN_ID : s.chainId();
        if (id <= 0) {
            throw new ConfigException("tracker.chain.chain-id (LST_CHAIN_ID): must be positive, got " + id);
        }
        return id;
    }

    static RetryPolicy policy(ChainSettings s) {
        RetryPolicy d = RetryPolicy.DEFAULT;
        int attempts = s.maxAttempts() == null ? d.maxAttempts() : s.maxAttempts();
        if (attempts < 1 || attempts > 20) {
            throw new ConfigException("tracker.chain.max-attempts (LST_RPC_MAX_ATTEMPTS): must be 1 to 20, got " + attempts);
        }
        return new RetryPolicy(
                positive("request-timeout", s.requestTimeout(), d.requestTimeout()),
                attempts,
                positive("backoff-base", s.backoffBase(), d.backoffBase()),
                positive("backoff-max", s.backoffMax(), d.backoffMax()),
                notNegative("endpoint-rest", s.endpointRest(), d.endpointRest()),
                notNegative("max-retry-after", s.maxRetryAfter(), d.maxRetryAfter()),
                notNegative("chain-id-recheck", s.chainIdRecheck(), d.chainIdRecheck()));
    }

    private static Duration positive(String key, Duration value, Duration otherwise) {
        Duration v = value == null ? otherwise : value;
        if (v.isZero() || v.isNegative()) {
            throw new ConfigException("tracker.chain." + key + ": must be positive, got " + v);
        }
        return v;
    }

    private static Duration notNegative(String key, Duration value, Duration otherwise) {
        Duration v = value == null ? otherwise : value;
        if (v.isNegative()) {
            throw new ConfigException("tracker.chain." + key + ": must not be negative, got " + v);
        }
        return v;
    }
}
