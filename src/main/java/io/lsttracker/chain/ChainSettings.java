package io.lsttracker.chain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * {@code tracker.chain.*} in application.yml: the JSON-RPC endpoint (LST_RPC_URL) or endpoints in order of
 * preference (LST_RPC_URLS, comma-separated, which wins when set), the chain id they must serve (LST_CHAIN_ID),
 * Multicall3's address, the timeout of each attempt and how requests are retried (see RetryPolicy).
 */
@ConfigurationProperties("tracker.chain")
public record ChainSettings(@Nullable String rpcUrl, @Nullable String rpcUrls, @Nullable Long chainId,
        @Nullable String multicall3, @Nullable Duration requestTimeout, @Nullable Integer maxAttempts,
        @Nullable Duration backoffBase, @Nullable Duration backoffMax, @Nullable Duration endpointRest,
        @Nullable Duration maxRetryAfter, @Nullable Duration chainIdRecheck) {
}
