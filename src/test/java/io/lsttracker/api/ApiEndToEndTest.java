package io.lsttracker.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lsttracker.devchain.Devchain;
import io.lsttracker.devchain.SimulatedPool;
import io.lsttracker.devchain.TestDevchain;
import io.lsttracker.domain.Wei;
import io.micronaut.http.HttpResponse;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** `serve` against the devchain: the scheduler stores snapshots, the API serves them, bad input is a 4xx. */
class ApiEndToEndTest extends ServerTest {
    private final Devchain devchain = TestDevchain.shared();

    @Inject
    Router router;

    @Override
    protected Map<String, ?> settings() {
        return Map.of("tracker.chain.rpc-url", devchain.url());
    }

    @BeforeAll
    void awaitSnapshot() throws InterruptedException {
        Await.snapshot(api);
    }

    @Test
    void poolsListEveryConfiguredPoolWithWhatTheChainHolds() {
        HttpResponse<JsonNode> response = api.pools();
        assertEquals(200, response.code());
        assertEquals("application/json", response.getHeaders().get("content-type"));
        JsonNode pools = response.body().get("pools");
        assertEquals(devchain.poolIds(), ids(pools));
        for (JsonNode pool : pools) {
            SimulatedPool.Expected expected = devchain.expected(pool.get("id").asText());
            assertEquals("ok", pool.get("status").asText());
            assertEquals(Wei.toEther(expected.ethPerToken()).toPlainString(), pool.get("ethPerToken").asText());
            assertEquals(Wei.toEther(expected.totalEth()).toPlainString(), pool.get("totalEth").asText());
            assertEquals(Wei.toEther(expected.tokenSupply()).toPlainString(), pool.get("tokenSupply").asText());
            assertEquals(devchain.headTimestamp(), Instant.parse(pool.get("time").asText()).getEpochSecond());
            assertTrue(pool.get("blockNumber").asLong() > 0);
        }
    }

    @Test
    void onePoolCarriesItsStaticFacts() {
        JsonNode body = api.pool("rocketpool").body();
        assertEquals("rocketpool", body.get("pool").get("protocol").asText());
        assertEquals("value-accruing", body.get("pool").get("tokenKind").asText());
        assertEquals("rETH", body.get("pool").get("token").asText());
        assertEquals("0x1d8f8f00cfa6758d7bE78336684788Fb0ee0Fa46", body.get("addresses").get("storage").asText());
        assertEquals("0xae78736Cd615f374D3085123A210448E74Fc6393", body.get("addresses").get("reth").asText());
        assertEquals("rebasing", api.pool("lido").body().get("pool").get("tokenKind").asText());
    }

    @Test
    void latestSnapshotIsTheWholeSnapshotInTheCliShape() {
        JsonNode body = api.latestSnapshot().body();
        assertEquals(1, body.get("chainId").asLong());
        assertEquals(devchain.poolIds(), ids(body.get("pools")));
        assertTrue(body.get("block").get("hash").asText().matches("0x[0-9a-f]{64}"));
        assertEquals(devchain.headTimestamp(), Instant.parse(body.get("block").get("timestamp").asText()).getEpochSecond());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "/api/pools/nope|404|not_found|unknown pool 'nope'",
        "/api/pools/NOPE x|404|not_found|unknown pool 'NOPE x'",
        "/api/pools/nope/history|404|not_found|unknown pool 'nope'",
        "/api/pools/lido/history?from=yesterday|400|bad_request|parameter 'from'",
        "/api/pools/lido/history?to=2026-13-45|400|bad_request|parameter 'to'",
        "/api/pools/lido/history?from=2026-02-01&to=2026-01-01|400|bad_request|parameter 'from': must be before 'to'",
        "/api/pools/lido/history?interval=7x|400|bad_request|parameter 'interval'",
        "/api/pools/lido/history?interval=30s|400|bad_request|shorter than the minimum",
        "/api/pools/lido/history?interval=1m&from=2020-01-01|400|bad_request|more than the limit of 10000",
        "/api/pools/lido/history?interval=999999999999d|400|bad_request|parameter 'interval'",
        "/api/pools/lido/history?format=xml|400|bad_request|parameter 'format'",
        "/api/nothing-here|404|not_found|no resource at /api/nothing-here",
        "/api/admin/backfill/some-id|404|not_found|the admin endpoints are off: set tracker.admin.token (LST_ADMIN_TOKEN)",
    })
    void badInputIsA4xxNamingTheParameter(String path, int status, String error, String fragment) {
        HttpResponse<JsonNode> response = api.get(path);
        JsonNode body = response.body();
        assertEquals(status, response.code(), String.valueOf(body));
        assertEquals(error, body.get("error").asText());
        assertTrue(body.get("message").asText().contains(fragment), body.get("message").asText());
        assertEquals(Set.of("error", "message"), fieldNames(body));
    }

    @Test
    void wrongMethodIs405() {
        HttpResponse<JsonNode> response = api.deletePools();
        assertEquals(405, response.code());
        assertEquals("method_not_allowed", response.body().get("error").asText());
    }

    @Test
    void healthIsUpWithTheDatabaseAndALatestBlock() {
        HttpResponse<JsonNode> response = api.health();
        JsonNode body = response.body();
        assertEquals(200, response.code(), String.valueOf(body));
        assertEquals("UP", body.get("status").asText());
        assertEquals("UP", body.get("database").asText());
        assertTrue(body.get("lastSuccessAgeSeconds").asLong() < 60);
        assertFalse(body.has("reason"));
    }

    @Test
    void theOpenApiDocumentDescribesExactlyTheServedRoutes() {
        HttpResponse<String> response = api.openApi();
        assertEquals(200, response.code());
        Set<String> documented = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^  (/\\S*):$").matcher(response.body());
        while (m.find()) {
            documented.add(m.group(1));
        }
        Set<String> served = router.uriRoutes()
                .map(route -> route.getUriMatchTemplate().toString())
                .filter(path -> path.startsWith("/api") || path.equals("/health") || path.equals("/openapi.yml"))
                .map(path -> path.replaceAll("\\{([a-z]+)[^}]*}", "{$1}"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(served, documented);
    }

    @Test
    void prometheusCountsTheCycles() {
        String metrics = api.prometheus().body();
        assertTrue(metrics.matches("(?s).*lst_snapshot_cycles_total\\{outcome=\"stored\"} [1-9].*"), metrics);
        assertTrue(metrics.contains("lst_snapshot_last_success_seconds "), metrics);
    }

    private static List<String> ids(JsonNode pools) {
        return java.util.stream.StreamSupport.stream(pools.spliterator(), false).map(p -> p.get("id").asText()).toList();
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
