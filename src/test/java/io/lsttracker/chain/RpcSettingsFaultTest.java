package io.lsttracker.chain;

import io.lsttracker.config.ConfigException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** tracker.chain.*: several endpoints, the chain id and the retry policy, with defaults and named errors. */
class RpcSettingsFaultTest {

    private static ChainSettings settings(String url, String urls, Long chainId, Integer attempts, Duration rest) {
        return new ChainSettings(url, urls, chainId, null, null, attempts, null, null, rest, null, null);
    }

    @Test
    void oneUrlStillWorksAndSeveralUrlsWinWhenSet() {
        assertEquals(List.of("http://a:8545"), RpcSettings.urls(settings("http://a:8545", "", null, null, null)));
        assertEquals(List.of("http://b:8545", "https://c.example/rpc"),
                RpcSettings.urls(settings("http://a:8545", " http://b:8545 , https://c.example/rpc", null, null, null)));
    }

    @Test
    void defaultsAreMainnetAndTheDocumentedPolicy() {
        ChainSettings none = settings("http://a", null, null, null, null);
        assertEquals(1, RpcSettings.chainId(none));
        RetryPolicy policy = RpcSettings.policy(none);
        assertEquals(RetryPolicy.DEFAULT, policy);
        assertEquals(4, policy.maxAttempts());
        assertEquals(Duration.ofSeconds(30), policy.endpointRest());
    }

    @Test
    void badValuesNameTheirKey() {
        assertEquals("tracker.chain.rpc-urls (LST_RPC_URLS): an empty entry in 'http://a,,http://b'; give "
                + "comma-separated http(s) URLs", assertThrows(ConfigException.class,
                        () -> RpcSettings.urls(settings(null, "http://a,,http://b", null, null, null))).getMessage());
        assertEquals("tracker.chain.rpc-url: no JSON-RPC endpoint configured (set LST_RPC_URL or LST_RPC_URLS)",
                assertThrows(ConfigException.class, () -> RpcSettings.urls(settings(" ", null, null, null, null)))
                        .getMessage());
        assertEquals("tracker.chain.chain-id (LST_CHAIN_ID): must be positive, got 0", assertThrows(ConfigException.class,
                () -> RpcSettings.chainId(settings("http://a", null, 0L, null, null))).getMessage());
        assertEquals("tracker.chain.max-attempts (LST_RPC_MAX_ATTEMPTS): must be 1 to 20, got 0",
                assertThrows(ConfigException.class, () -> RpcSettings.policy(settings("http://a", null, null, 0, null)))
                        .getMessage());
        assertEquals("tracker.chain.endpoint-rest: must not be negative, got PT-1S", assertThrows(ConfigException.class,
                () -> RpcSettings.policy(settings("http://a", null, null, null, Duration.ofSeconds(-1)))).getMessage());
    }
}
