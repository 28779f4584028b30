package io.lsttracker.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lsttracker.config.ConfigException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** tracker.chain.*: several endpoints, the chain id and the retry policy, with defaults and named errors. */
class ChainSettingsTest {
    private static final ChainSettings DEFAULTS = ChainSettings.defaults();

    /** The defaults, but for the values given. */
    private static ChainSettings settings(String url, String urls, Long chainId, Integer attempts, Duration rest) {
        ChainSettings d = DEFAULTS;
        return new ChainSettings(url, urls, chainId, d.multicall3(), d.requestTimeout(), attempts, d.backoffBase(),
                d.backoffMax(), rest, d.maxRetryAfter(), d.chainIdRecheck());
    }

    private static ChainSettings settings(String url, String urls) {
        return settings(url, urls, DEFAULTS.chainId(), DEFAULTS.maxAttempts(), DEFAULTS.endpointRest());
    }

    @Test
    void oneUrlStillWorksAndSeveralUrlsWinWhenSet() {
        assertEquals(List.of("http://a:8545"), settings("http://a:8545", "").endpoints());
        assertEquals(List.of("http://b:8545", "https://c.example/rpc"),
                settings("http://a:8545", " http://b:8545 , https://c.example/rpc").endpoints());
    }

    @Test
    void defaultsAreApplicationYmlsMainnetAndTheDocumentedPolicy() {
        assertEquals(List.of("https://ethereum-rpc.publicnode.com"), DEFAULTS.endpoints());
        assertEquals(1, DEFAULTS.chainId());
        assertEquals("0xcA11bde05977b3631167028862bE2a173976CA11", DEFAULTS.multicall3());
        RetryPolicy documented = new RetryPolicy(Duration.ofSeconds(20), 4, Duration.ofMillis(250),
                Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofMinutes(5));
        assertEquals(documented, DEFAULTS.retryPolicy());
        assertEquals(new RetryPolicy(Duration.ofSeconds(3), 4, Duration.ofMillis(250), Duration.ofSeconds(10),
                Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofMinutes(5)),
                RetryPolicy.withTimeout(Duration.ofSeconds(3)));
    }

    @Test
    void badValuesNameTheirKey() {
        assertEquals("tracker.chain.rpc-urls (LST_RPC_URLS): an empty entry in 'http://a,,http://b'; give "
                + "comma-separated http(s) URLs", assertThrows(ConfigException.class,
                        () -> settings(null, "http://a,,http://b")).getMessage());
        assertEquals("tracker.chain.rpc-url: no JSON-RPC endpoint configured (set LST_RPC_URL or LST_RPC_URLS)",
                assertThrows(ConfigException.class, () -> settings(" ", null)).getMessage());
        assertEquals("tracker.chain.chain-id (LST_CHAIN_ID): must be positive, got 0", assertThrows(ConfigException.class,
                () -> settings("http://a", null, 0L, 4, Duration.ZERO)).getMessage());
        assertEquals("tracker.chain.max-attempts (LST_RPC_MAX_ATTEMPTS): must be 1 to 20, got 0",
                assertThrows(ConfigException.class, () -> settings("http://a", null, 1L, 0, Duration.ZERO))
                        .getMessage());
        assertEquals("tracker.chain.endpoint-rest: must not be negative, got PT-1S", assertThrows(ConfigException.class,
                () -> settings("http://a", null, 1L, 4, Duration.ofSeconds(-1))).getMessage());
    }

    /** A value Micronaut could not convert (LST_RPC_MAX_ATTEMPTS=four) arrives as null: named, never defaulted. */
    @Test
    void aMissingOrUnreadableValueNamesItsKey() {
        assertEquals("tracker.chain.max-attempts (LST_RPC_MAX_ATTEMPTS): missing, or not a whole number",
                assertThrows(ConfigException.class, () -> settings("http://a", null, 1L, null, Duration.ZERO))
                        .getMessage());
        assertEquals("tracker.chain.endpoint-rest: missing, or not a duration such as 30s",
                assertThrows(ConfigException.class, () -> settings("http://a", null, 1L, 4, null)).getMessage());
    }
}
