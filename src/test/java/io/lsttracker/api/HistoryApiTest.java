package io.lsttracker.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.PoolId;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Snapshot;
import io.lsttracker.domain.Wei;
import io.lsttracker.snapshot.SnapshotStore;
import io.micronaut.http.HttpResponse;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The history endpoint over readings stored by hand (no scheduler), so every expected point is known. */
class HistoryApiTest extends ServerTest {
    private static final Instant SEED = Instant.parse("2025-01-01T00:00:00Z");
    private static final long SEED_BLOCK = 21_500_000;

    @Inject
    SnapshotStore store;

    @Override
    protected Map<String, ?> settings() {
        return Map.of("tracker.scheduler.enabled", "false");
    }

    @BeforeAll
    void seed() {
        // six hourly readings of lido on 1 Jan 2025: rate = 1e18 + hour (wei), totalEth 10 wei, supply 1 wei
        for (int hour = 0; hour < 6; hour++) {
            store.save(new Snapshot(1, new BlockRef(SEED_BLOCK + hour, "0x" + String.format("%064x", hour + 1),
                    SEED.plusSeconds(3600L * hour)), List.of(PoolState.ok(new PoolId("lido"),
                    Wei.ONE_ETHER.add(BigInteger.valueOf(hour)), BigInteger.TEN, BigInteger.ONE))));
        }
    }

    @Test
    void aPoolWithoutReadingsHasAnEmptyHistory() {
        JsonNode body = api.history("rocketpool", "2025-01-01", "2025-01-02", null).body();
        assertEquals(0, body.get("points").size());
        JsonNode pools = api.pools().body().get("pools");
        assertEquals("no-data", pools.get(1).get("status").asText(), "not in the latest snapshot");
    }

    @Test
    void historyIsDownsampledToTheLastReadingOfEachBucket() {
        JsonNode body = api.history("lido", "2025-01-01", "2025-01-01T06:00:00Z", "2h").body();
        assertEquals("lido", body.get("pool").asText());
        assertEquals("2h", body.get("interval").asText());
        assertEquals("2025-01-01T00:00:00Z", body.get("from").asText());
        List<String> rates = body.get("points").findValuesAsText("ethPerToken");
        // buckets [0h,2h) [2h,4h) [4h,6h): last readings at hours 1, 3, 5
        assertEquals(List.of("1.000000000000000001", "1.000000000000000003", "1.000000000000000005"), rates);
        assertEquals("2025-01-01T01:00:00Z", body.get("points").get(0).get("time").asText());
        assertEquals(SEED_BLOCK + 1, body.get("points").get(0).get("blockNumber").asLong());
    }

    @Test
    void historyAsCsvByParameterOrAcceptHeader() {
        String expected = "time,blockNumber,ethPerToken,totalEth,tokenSupply\n"
                + "2025-01-01T02:00:00Z," + (SEED_BLOCK + 2) + ",1.000000000000000002,0.000000000000000010,0.000000000000000001\n"
                + "2025-01-01T03:00:00Z," + (SEED_BLOCK + 3) + ",1.000000000000000003,0.000000000000000010,0.000000000000000001\n";
        String from = "2025-01-01T02:00:00Z";
        String to = "2025-01-01T04:00:00Z";
        HttpResponse<String> byParameter = api.historyText("lido", from, to, "1h", "csv", "application/json");
        assertEquals(200, byParameter.code());
        assertTrue(byParameter.getHeaders().get("content-type").startsWith("text/csv"));
        assertEquals(expected, byParameter.body());
        HttpResponse<String> byHeader = api.historyText("lido", from, to, "1h", null, "text/csv");
        assertEquals(expected, byHeader.body());
    }
}
