package io.lsttracker.chain;

import io.lsttracker.config.ConfigException;
import io.lsttracker.config.Settings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * {@code tracker.chain.*} in application.yml (where the defaults are): the JSON-RPC endpoint (LST_RPC_URL) or
 * endpoints in order of preference (LST_RPC_URLS, comma-separated, which wins when set), the chain id they must
 * serve (LST_CHAIN_ID), Multicall3's address, the timeout of each attempt and how requests are retried (see
 * {@link RetryPolicy}). A bad value stops start-up naming its key.
 */
@Context
@ConfigurationProperties("tracker.chain")
public record ChainSettings(@Nullable String rpcUrl, @Nullable String rpcUrls, @Nullable Long chainId,
        @Nullable String multicall3, @Nullable Duration requestTimeout, @Nullable Integer maxAttempts,
        @Nullable Duration backoffBase, @Nullable Duration backoffMax, @Nullable Duration endpointRest,
        @Nullable Duration maxRetryAfter, @Nullable Duration chainIdRecheck) {

    public ChainSettings {
        endpoints(rpcUrl, rpcUrls);
        Settings.required("tracker.chain.chain-id (LST_CHAIN_ID)", chainId, "a whole number");
        if (chainId <= 0) {
            throw new ConfigException("tracker.chain.chain-id (LST_CHAIN_ID): must be positive, got " + chainId);
        }
        Settings.required("tracker.chain.max-attempts (LST_RPC_MAX_ATTEMPTS)", maxAttempts, "a whole number");
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new ConfigException("tracker.chain.max-attempts (LST_RPC_MAX_ATTEMPTS): must be 1 to 20, got "
                    + maxAttempts);
        }
        Settings.positive("tracker.chain.request-timeout", requestTimeout);
        Settings.positive("tracker.chain.backoff-base", backoffBase);
        Settings.positive("tracker.chain.backoff-max", backoffMax);
        Settings.notNegative("tracker.chain.endpoint-rest", endpointRest);
        Settings.notNegative("tracker.chain.max-retry-after", maxRetryAfter);
        Settings.notNegative("tracker.chain.chain-id-recheck", chainIdRecheck);
    }

    /** application.yml's {@code tracker.chain} defaults, for connections made without an application context. */
    public static ChainSettings defaults() {
        return Settings.defaults("tracker.chain", ChainSettings.class);
    }

    /** LST_RPC_URLS (comma-separated) when set, else LST_RPC_URL. */
    public List<String> endpoints() {
        return endpoints(rpcUrl, rpcUrls);
    }

    public RetryPolicy retryPolicy() {
        return new RetryPolicy(requestTimeout, maxAttempts, backoffBase, backoffMax, endpointRest, maxRetryAfter,
                chainIdRecheck);
    }

    private static List<String> endpoints(String rpcUrl, String rpcUrls) {
        if (rpcUrls != null && !rpcUrls.isBlank()) {
            List<String> urls = Arrays.stream(rpcUrls.split(",")).map(String::trim).toList();
            if (urls.stream().anyMatch(String::isEmpty)) {
                throw new ConfigException("tracker.chain.rpc-urls (LST_RPC_URLS): an empty entry in '" + rpcUrls
                        + "'; give comma-separated http(s) URLs");
            }
            return urls;
        }
        if (rpcUrl == null || rpcUrl.isBlank()) {
            throw new ConfigException("tracker.chain.rpc-url: no JSON-RPC endpoint configured (set LST_RPC_URL or "
                    + "LST_RPC_URLS)");
        }
        return List.of(rpcUrl.trim());
    }
}
