package io.lsttracker.api;

import static io.lsttracker.api.LiquidityFixtures.T0;
import static io.lsttracker.api.LiquidityFixtures.block;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GET /api/liquidity, /api/pools/{id}/liquidity and /api/liquidity/exit-queue over a real server, with the figures
 * of {@link LiquidityFixtures} (computed by hand there) in the fake history: every figure as the JSON shows it,
 * the history's range and limit, the CSV byte for byte, and each bad parameter named.
 */
class LiquidityApiTest extends ServerTest {
    private static final String FROM = T0.minusSeconds(3 * 3600).toString();
    private static final String TO = T0.plusSeconds(1).toString();

    @Inject
    FakeLiquidityHistory liquidity;

    @Override
    protected Map<String, ?> settings() {
        return Map.of("tracker.scheduler.enabled", "false", FakeLiquidityHistory.PROPERTY, "true");
    }

    @BeforeAll
    void store() {
        liquidity.clear();
        // Two hours before T0 lido's 1-token quote was at -5.00 bps; an hour before, its market failed; at T0 the
        // hand-computed snapshot. The exit queue two hours before: 64,000 ETH at 256 ETH an epoch:
        // 64,000 / 57,600 = 1.111... days, 1.11.
        liquidity.store(List.of(LiquidityFixtures.lidoAt(block(998, T0.minusSeconds(7200)), "-5.00")));
        liquidity.store(List.of(LiquidityFixtures.lidoFailedAt(block(999, T0.minusSeconds(3600)))));
        liquidity.store(LiquidityFixtures.handComputedSnapshot());
        liquidity.store(LiquidityFixtures.exitQueue(8_999_400, block(998, T0.minusSeconds(7200)), 2_000, "64000",
                "256", "1.11"));
        liquidity.store(LiquidityFixtures.handComputedExitQueue());
    }

    @Test
    void theLatestFiguresOfEveryPoolInPoolsYmlOrder() {
        HttpResponse<JsonNode> response = api.liquidity();
        assertEquals(200, response.code(), String.valueOf(response.body()));
        JsonNode body = response.body();
        assertEquals(1_000, body.get("block").get("number").asLong());
        assertEquals("0x" + "0".repeat(61) + "3e8", body.get("block").get("hash").asText());
        assertEquals("2026-12-01T12:00:00Z", body.get("block").get("timestamp").asText());
        List<String> ids = new ArrayList<>();
        body.get("pools").forEach(p -> ids.add(p.get("pool").asText()));
        assertEquals(List.of("lido", "rocketpool", "coinbase", "binance", "frax", "mantle", "stakewise", "etherfi",
                "stader", "swell", "ankr"), ids);

        JsonNode lido = body.get("pools").get(0);
        assertEquals("ok", lido.get("status").asText());
        assertEquals(1_000, lido.get("blockNumber").asLong());
        JsonNode market = lido.get("market");
        assertEquals("curve-steth-eth", market.get("marketId").asText());
        assertEquals(LiquidityFixtures.STETH_POOL, market.get("address").asText());
        assertEquals("stETH", market.get("token").asText());
        assertEquals("ok", market.get("status").asText());
        assertTrue(market.get("error").isNull());
        assertEquals("1000000000000000000", market.get("redemptionWei").asText());
        assertEquals("1.000000000000000000", market.get("redemptionEth").asText());
        // the fixture's arithmetic: -10.00, -30.00 and -587.6544 -> -587.65 bps
        assertEquals(List.of("1", "100", "10000"), market.get("quotes").findValuesAsText("sizeTokens"));
        assertEquals(List.of("999000000000000000", "99700000000000000000", "9412345600000000000000"),
                market.get("quotes").findValuesAsText("ethOutWei"));
        assertEquals(List.of("0.999000000000000000", "99.700000000000000000", "9412.345600000000000000"),
                market.get("quotes").findValuesAsText("ethOut"));
        assertEquals(List.of("-10.00", "-30.00", "-587.65"), market.get("quotes").findValuesAsText("discountBps"));
        assertEquals("2000", market.get("depth1pct").get("tokens").asText());
        assertEquals("5000", market.get("depth1pct").get("belowTokens").asText());
        JsonNode queue = lido.get("exit").get("withdrawalQueue");
        assertEquals("12345678000000000000000", queue.get("unfinalizedWei").asText());
        assertEquals("12345.678000000000000000", queue.get("unfinalizedEth").asText());
        assertEquals(42, queue.get("unfinalizedRequests").asLong());
        assertEquals(3_600, queue.get("oldestUnfinalizedAgeSeconds").asLong());
        assertTrue(lido.get("exit").get("liquidEth").isNull());

        JsonNode rocket = body.get("pools").get(1).get("market");
        // 1.1011 / 1.1 = 1.001: a premium of +10.00 bps, shown without a plus sign
        assertEquals(List.of("10.00", "-10.00", "-150.00"), rocket.get("quotes").findValuesAsText("discountBps"));
        assertEquals("1.100000000000000000", rocket.get("redemptionEth").asText());
        assertEquals("1234.500000000000000000", body.get("pools").get(1).get("exit").get("liquidEth").asText());
        assertEquals("1234500000000000000000", body.get("pools").get(1).get("exit").get("liquidEthWei").asText());

        JsonNode coinbase = body.get("pools").get(2).get("market");
        assertEquals("failed", coinbase.get("status").asText());
        assertEquals("get_dy reverted at block 1000: execution reverted", coinbase.get("error").asText());
        assertEquals(0, coinbase.get("quotes").size());
        assertTrue(coinbase.get("depth1pct").isNull());
        assertTrue(body.get("pools").get(2).get("exit").isNull());

        JsonNode etherfi = body.get("pools").get(7);
        assertEquals("ok", etherfi.get("status").asText());
        assertTrue(etherfi.get("market").isNull(), "no market configured");
        assertEquals("5000.000000000000000000", etherfi.get("exit").get("liquidEth").asText());
        JsonNode stader = body.get("pools").get(8);
        assertEquals("no-data", stader.get("status").asText());
        assertTrue(stader.get("blockNumber").isNull());

        JsonNode exitQueue = body.get("exitQueue");
        assertEquals(9_000_000, exitQueue.get("slot").asLong());
        assertEquals(1_000, exitQueue.get("exitingValidators").asLong());
        assertEquals("32000.000000000000000000", exitQueue.get("exitingEth").asText());
        assertEquals("256000000000000000000", exitQueue.get("churnWeiPerEpoch").asText());
        assertEquals("256.000000000000000000", exitQueue.get("churnEthPerEpoch").asText());
        assertEquals("0.56", exitQueue.get("waitDays").asText());
    }

    @Test
    void beforeAnyFiguresEveryPoolIsNoData() {
        List<io.lsttracker.liquidity.LiquidityFigures> stored = liquidity.latest();
        liquidity.clear();
        try {
            JsonNode body = api.liquidity().body();
            assertTrue(body.get("block").isNull());
            assertTrue(body.get("exitQueue").isNull());
            assertEquals(11, body.get("pools").size());
            body.get("pools").forEach(p -> assertEquals("no-data", p.get("status").asText(), p.toString()));
            JsonNode history = api.poolLiquidity("lido", FROM, TO, null).body();
            assertEquals(0, history.get("points").size());
            assertEquals("no-data", history.get("latest").get("status").asText());
        } finally {
            store();
            assertEquals(stored, liquidity.latest());
        }
    }

    @Test
    void aPoolsHistoryKeepsTheRangeAndTheNewestUpToTheLimit() {
        JsonNode body = api.poolLiquidity("lido", FROM, TO, null).body();
        assertEquals("lido", body.get("pool").asText());
        assertEquals(FROM, body.get("from").asText());
        assertEquals(false, body.get("truncated").asBoolean());
        assertEquals(10_000, body.get("limit").asInt(), "tracker.api.max-history-points by default");
        JsonNode points = body.get("points");
        assertEquals(List.of(998L, 999L, 1_000L), longs(points, "blockNumber"));
        assertEquals(List.of("ok", "failed", "ok"), points.findValuesAsText("marketStatus"));
        assertEquals("-5.00", points.get(0).get("discountBps1").asText());
        assertTrue(points.get(0).get("discountBps100").isNull(), "a size not quoted");
        assertTrue(points.get(1).get("discountBps1").isNull(), "a failed market has no quote");
        assertEquals("-587.65", points.get(2).get("discountBps10000").asText());
        assertEquals("12345.678000000000000000", points.get(2).get("lidoUnfinalizedEth").asText());
        assertEquals("-10.00", body.get("latest").get("market").get("quotes").get(0).get("discountBps").asText());

        // from is inclusive, to exclusive: [T0 - 1h, T0) holds block 999 only
        JsonNode hour = api.poolLiquidity("lido", T0.minusSeconds(3600).toString(), T0.toString(), null).body();
        assertEquals(List.of(999L), longs(hour.get("points"), "blockNumber"));

        liquidity.limitsAsked.clear();
        JsonNode two = api.poolLiquidity("lido", FROM, TO, "2").body();
        assertEquals(List.of(999L, 1_000L), longs(two.get("points"), "blockNumber"), "the newest two");
        assertEquals(true, two.get("truncated").asBoolean());
        assertEquals(List.of(3), liquidity.limitsAsked, "one more than the limit, to tell a truncated answer");

        JsonNode rocket = api.poolLiquidity("rocketpool", FROM, TO, null).body();
        assertEquals(List.of(1_000L), longs(rocket.get("points"), "blockNumber"));
        assertEquals("10.00", rocket.get("points").get(0).get("discountBps1").asText());
        assertEquals("1.101100000000000000", rocket.get("points").get(0).get("ethOut1").asText());
        assertEquals("1234.500000000000000000", rocket.get("points").get(0).get("liquidEth").asText());
        JsonNode stader = api.poolLiquidity("stader", FROM, TO, null).body();
        assertEquals(0, stader.get("points").size());
        assertEquals("no-data", stader.get("latest").get("status").asText());
    }

    @Test
    void aPoolsHistoryAsCsvByParameterOrAcceptHeader() {
        String expected = "time,blockNumber,marketStatus,discountBps1,discountBps100,discountBps10000,ethOut1,"
                + "ethOut100,ethOut10000,depth1pctTokens,depth1pctBelowTokens,liquidEth,lidoUnfinalizedEth,"
                + "lidoUnfinalizedRequests,lidoOldestUnfinalizedAgeSeconds\n"
                + "2026-12-01T10:00:00Z,998,ok,-5.00,,,0.999500000000000000,,,,,,,,\n"
                + "2026-12-01T11:00:00Z,999,failed,,,,,,,,,,,,\n"
                + "2026-12-01T12:00:00Z,1000,ok,-10.00,-30.00,-587.65,0.999000000000000000,99.700000000000000000,"
                + "9412.345600000000000000,2000,5000,,12345.678000000000000000,42,3600\n";
        HttpResponse<String> byParameter = api.poolLiquidityText("lido", FROM, TO, null, "csv", "application/json");
        assertEquals(200, byParameter.code());
        assertTrue(byParameter.getHeaders().get("content-type").startsWith("text/csv"));
        assertEquals(expected, byParameter.body());
        assertEquals(expected, api.poolLiquidityText("lido", FROM, TO, null, null, "text/csv").body());
    }

    @Test
    void theExitQueuesHistoryAsJsonAndCsv() {
        JsonNode body = api.exitQueue(FROM, TO, null).body();
        assertEquals(List.of("1.11", "0.56"), body.get("points").findValuesAsText("waitDays"));
        assertEquals(List.of(8_999_400L, 9_000_000L), longs(body.get("points"), "slot"));
        assertEquals(false, body.get("truncated").asBoolean());
        JsonNode newest = api.exitQueue(FROM, TO, "1").body();
        assertEquals(List.of("0.56"), newest.get("points").findValuesAsText("waitDays"));
        assertEquals(true, newest.get("truncated").asBoolean());
        assertEquals("time,blockNumber,slot,exitingValidators,exitingEth,churnEthPerEpoch,waitDays\n"
                + "2026-12-01T10:00:00Z,998,8999400,2000,64000.000000000000000000,256.000000000000000000,1.11\n"
                + "2026-12-01T12:00:00Z,1000,9000000,1000,32000.000000000000000000,256.000000000000000000,0.56\n",
                api.exitQueueText(FROM, TO, null, "csv", "application/json").body());
    }

    /**
     * Per interval: lido's snapshots are at 10:00 (998), 11:00 (999) and 12:00 (1000). Two-hour buckets aligned to
     * the epoch start at even hours: [10:00, 12:00) holds 998 and 999, the last is 999; [12:00, 14:00) holds 1000.
     */
    @Test
    void aPoolsHistoryPerIntervalIsTheLastSnapshotOfEachBucket() {
        liquidity.limitsAsked.clear();
        liquidity.intervalsAsked.clear();
        HttpResponse<JsonNode> response = api.poolLiquidityPer("lido", FROM, TO, "2h", null);
        assertEquals(200, response.code(), String.valueOf(response.body()));
        JsonNode body = response.body();
        assertEquals(List.of(999L, 1_000L), longs(body.get("points"), "blockNumber"));
        assertEquals(List.of("failed", "ok"), body.get("points").findValuesAsText("marketStatus"));
        assertEquals("2h", body.get("interval").asText());
        assertTrue(body.get("limit").isNull(), "no limit per interval");
        assertEquals(false, body.get("truncated").asBoolean());
        assertEquals(FROM, body.get("from").asText());
        assertEquals(TO, body.get("to").asText());
        assertEquals(List.of(java.time.Duration.ofHours(2)), liquidity.intervalsAsked);
        assertEquals(List.of(), liquidity.limitsAsked, "downsampled, not cut by a limit");
        // hourly: every snapshot is alone in its hour; daily: the day's last, 1000
        assertEquals(List.of(998L, 999L, 1_000L), longs(api.poolLiquidityPer("lido", FROM, TO, "1h", null).body()
                .get("points"), "blockNumber"));
        assertEquals(List.of(1_000L), longs(api.poolLiquidityPer("lido", FROM, TO, "1d", null).body().get("points"),
                "blockNumber"));
        // without an interval the limit answer stays: no interval shown
        assertTrue(api.poolLiquidity("lido", FROM, TO, null).body().get("interval").isNull());
        assertEquals("time,blockNumber,marketStatus,discountBps1,discountBps100,discountBps10000,ethOut1,"
                + "ethOut100,ethOut10000,depth1pctTokens,depth1pctBelowTokens,liquidEth,lidoUnfinalizedEth,"
                + "lidoUnfinalizedRequests,lidoOldestUnfinalizedAgeSeconds\n"
                + "2026-12-01T11:00:00Z,999,failed,,,,,,,,,,,,\n"
                + "2026-12-01T12:00:00Z,1000,ok,-10.00,-30.00,-587.65,0.999000000000000000,99.700000000000000000,"
                + "9412.345600000000000000,2000,5000,,12345.678000000000000000,42,3600\n",
                api.poolLiquidityPerText("lido", FROM, TO, "2h", "csv", "application/json").body());
    }

    /** The readings at 10:00 (slot 8,999,400) and 12:00 (9,000,000): two-hour buckets keep both, a day the last. */
    @Test
    void theExitQueuesHistoryPerInterval() {
        JsonNode body = api.exitQueuePer(FROM, TO, "2h", null).body();
        assertEquals(List.of(8_999_400L, 9_000_000L), longs(body.get("points"), "slot"));
        assertEquals("2h", body.get("interval").asText());
        assertTrue(body.get("limit").isNull());
        JsonNode daily = api.exitQueuePer(FROM, TO, "1d", null).body();
        assertEquals(List.of("0.56"), daily.get("points").findValuesAsText("waitDays"));
        assertEquals(false, daily.get("truncated").asBoolean());
        assertEquals("time,blockNumber,slot,exitingValidators,exitingEth,churnEthPerEpoch,waitDays\n"
                + "2026-12-01T12:00:00Z,1000,9000000,1000,32000.000000000000000000,256.000000000000000000,0.56\n",
                api.exitQueuePerText(FROM, TO, "1d", null, "text/csv").body());
    }

    @Test
    void badIntervalsAreNamedAsOnEveryHistoryRoute() {
        // 2020-01-01 to 12:00:01 on 2026-12-01 by the minute is millions of points, more than the 10,000 allowed
        assertBad(api.poolLiquidityPer("lido", "2020-01-01", TO, "1m", null),
                "parameter 'interval': '1m' over 2020-01-01T00:00:00Z to " + TO + " gives");
        assertBad(api.exitQueuePer("2020-01-01", TO, "1m", null), "more than the limit of 10000");
        assertBad(api.poolLiquidityPer("lido", FROM, TO, "5x", null),
                "parameter 'interval': '5x' is not an interval such as 5m, 1h, 1d or 1w");
        assertBad(api.exitQueuePer(FROM, TO, "30s", null), "parameter 'interval': '30s' is shorter than the minimum");
        assertBad(api.poolLiquidityPer("lido", TO, FROM, "1h", null), "parameter 'from': must be before 'to'");
        assertBad(api.poolLiquidityPer("lido", FROM, TO, "1h", "5"),
                "parameter 'limit': '5' cannot be combined with an interval");
        assertBad(api.exitQueuePer(FROM, TO, "1h", "5"), "parameter 'limit'");
        assertEquals(404, api.poolLiquidityPer("nosuchpool", FROM, TO, "1h", null).code());
    }

    @Test
    void badParametersAreNamedAndAnUnknownPoolIs404() {
        HttpResponse<JsonNode> unknown = api.poolLiquidity("nosuchpool", null, null, null);
        assertEquals(404, unknown.code());
        assertTrue(unknown.body().get("message").asText().contains("unknown pool 'nosuchpool'"),
                unknown.body().toString());
        assertBad(api.poolLiquidity("lido", null, null, "0"), "parameter 'limit': '0' is not a whole number from 1");
        assertBad(api.poolLiquidity("lido", null, null, "10001"), "parameter 'limit': '10001'");
        assertBad(api.poolLiquidity("lido", null, null, "ten"), "parameter 'limit': 'ten'");
        assertBad(api.poolLiquidity("lido", TO, FROM, null), "parameter 'from': must be before 'to'");
        assertBad(api.poolLiquidity("lido", "yesterday", null, null), "parameter 'from': 'yesterday' is not");
        assertBad(api.exitQueue(null, null, "-1"), "parameter 'limit'");
        assertBad(api.exitQueue(null, "soon", null), "parameter 'to': 'soon'");
        HttpClientResponseException xml = assertThrows(HttpClientResponseException.class,
                () -> api.poolLiquidityText("lido", null, null, null, "xml", "application/json"));
        assertEquals(400, xml.code());
        assertTrue(xml.getMessage().contains("parameter 'format': 'xml' is not one of json, csv"), xml.getMessage());
    }

    private static void assertBad(HttpResponse<JsonNode> response, String fragment) {
        assertEquals(400, response.code(), String.valueOf(response.body()));
        assertEquals("bad_request", response.body().get("error").asText());
        assertTrue(response.body().get("message").asText().contains(fragment), response.body().toString());
    }

    private static List<Long> longs(JsonNode points, String field) {
        List<Long> values = new ArrayList<>();
        points.forEach(p -> values.add(p.get(field).asLong()));
        return values;
    }
}
