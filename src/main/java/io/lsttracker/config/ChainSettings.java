package io.lsttracker.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * {@code tracker.chain.*} in application.yml: the JSON-RPC endpoint (LST_RPC_URL), Multicall3's address
 * and the timeout of each request.
 */
@ConfigurationProperties("tracker.chain")
public record ChainSettings(String rpcUrl, String multicall3, Duration requestTimeout) {
}
