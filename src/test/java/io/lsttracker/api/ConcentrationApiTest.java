package io.lsttracker.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lsttracker.devchain.Devchain;
import io.lsttracker.devchain.RocketNodeCounts;
import io.lsttracker.devchain.SimulatedBeacon;
import io.lsttracker.devchain.TestDevchain;
import io.lsttracker.domain.NodeOperator;
import io.lsttracker.domain.Wei;
import io.micronaut.http.HttpResponse;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** `serve` against the devchain and its beacon node: concentration stored with each snapshot and served. */
class ConcentrationApiTest extends ServerTest {
    private final Devchain devchain = TestDevchain.shared();

    @Override
    protected Map<String, ?> settings() {
        return Map.of("tracker.chain.rpc-url", devchain.url(),
                "tracker.beacon.url", devchain.beaconUrl());
    }

    @BeforeAll
    void awaitConcentration() throws InterruptedException {
        Await.until(api, "concentration", Duration.ofSeconds(30), api::concentration, c -> c.code() == 200);
    }

    @Test
    void latestFiguresAreTheDevchainsStakesOverItsBeaconTotal() {
        JsonNode c = api.concentration().body();
        assertEquals(devchain.headTimestamp(), java.time.Instant.parse(c.at("/block/timestamp").asText()).getEpochSecond());

        // The slot of the head block, or the nearest one before that the simulated node serves.
        long slot = SimulatedBeacon.slotAt(devchain.headTimestamp());
        while (!SimulatedBeacon.served(slot, slot)) {
            slot--;
        }
        BigInteger staked = SimulatedBeacon.totalStakedGwei(slot).multiply(BigInteger.TEN.pow(9));
        assertEquals(slot, c.at("/totalStaked/slot").asLong());
        assertEquals(Wei.toEther(staked).toPlainString(), c.at("/totalStaked/eth").asText());
        assertTrue(c.get("totalStakedAbsent").isNull());

        BigInteger tracked = BigInteger.ZERO;
        List<String> ids = new ArrayList<>();
        for (JsonNode pool : c.get("pools")) {
            String id = pool.get("id").asText();
            ids.add(id);
            BigInteger stake = devchain.expected(id).totalEth();
            tracked = tracked.add(stake);
            assertEquals(Wei.toEther(stake).toPlainString(), pool.get("stakeEth").asText());
            assertEquals(share(stake, staked), pool.get("shareOfStaked").asText(), id);
        }
        assertEquals(devchain.poolIds(), ids);
        for (JsonNode pool : c.get("pools")) {
            assertEquals(share(devchain.expected(pool.get("id").asText()).totalEth(), tracked),
                    pool.get("shareOfLsts").asText());
        }
        assertEquals(Wei.toEther(tracked).toPlainString(), c.get("trackedEth").asText());
        assertEquals(Wei.toEther(staked.subtract(tracked)).toPlainString(), c.at("/other/eth").asText());
        assertEquals(share(tracked, staked), c.get("trackedShareOfStaked").asText());

        // Lido holds more than half of the tracked pools' ETH (about 9.3M of 17.7M): Nakamoto coefficient 1.
        BigInteger lido = devchain.expected("lido").totalEth();
        assertTrue(lido.multiply(BigInteger.TWO).compareTo(tracked) > 0);
        assertEquals("lido", c.at("/amongLsts/largestPool").asText());
        assertEquals(1, c.at("/amongLsts/nakamoto").asInt());
        assertEquals(devchain.poolIds().size(), c.at("/amongLsts/pools").asInt());
        // All tracked pools together hold less than half of all staked ETH: no tau-index at 1/2 among all.
        assertTrue(tracked.multiply(BigInteger.TWO).compareTo(staked) < 0);
        assertTrue(c.at("/ofAllStaked/tau/oneHalf").isNull());
        assertTrue(c.at("/ofAllStaked/nakamoto").isNull());
        assertEquals(share(lido, staked), c.at("/ofAllStaked/largestShare").asText());
    }

    @Test
    void lidoOperatorsAndRocketPoolCountsAreTheSimulatedOnes() {
        JsonNode c = api.concentration().body();
        // Expected from the simulation's own list, computed here: operators of one module paid to one reward
        // address are one entity (two CSM operators share a payee on the devchain), so merge them first.
        Map<String, NodeOperator> entities = new java.util.LinkedHashMap<>();
        for (NodeOperator o : devchain.lidoOperators()) {
            entities.merge(o.module() + "/" + o.rewardAddress().toLowerCase(java.util.Locale.ROOT), o,
                    (a, b) -> new NodeOperator(a.module(), a.id(), a.name(), a.rewardAddress(), a.active(),
                            a.deposited() + b.deposited(), a.exited() + b.exited()));
        }
        List<NodeOperator> active = entities.values().stream().filter(o -> o.activeValidators() > 0).toList();
        assertEquals(devchain.lidoOperators().size() - 2, active.size(),
                "one retired curated operator, two CSM operators as one entity");
        long total = active.stream().mapToLong(NodeOperator::activeValidators).sum();
        BigInteger squares = active.stream().map(o -> BigInteger.valueOf(o.activeValidators()).pow(2))
                .reduce(BigInteger.ZERO, BigInteger::add);
        JsonNode lido = c.get("lidoOperators");
        assertEquals(active.size(), lido.get("operators").asInt());
        assertEquals(total, lido.get("activeValidators").asLong());
        // Permissionless: the Community Staking Module's active validators over all of Lido's.
        long permissionless = active.stream().filter(NodeOperator::permissionless)
                .mapToLong(NodeOperator::activeValidators).sum();
        assertTrue(permissionless > 0);
        assertEquals(permissionless, lido.get("permissionlessValidators").asLong());
        assertEquals(share(BigInteger.valueOf(permissionless), BigInteger.valueOf(total)),
                lido.get("permissionlessShare").asText());
        // HHI = 10,000 x sum(v^2) / total^2, 6 decimals half-even
        assertEquals(new BigDecimal(squares.multiply(BigInteger.valueOf(10_000)))
                .divide(new BigDecimal(BigInteger.valueOf(total).pow(2)), 6, RoundingMode.HALF_EVEN).toPlainString(),
                lido.get("hhi").asText());
        List<NodeOperator> sorted = new ArrayList<>(active);
        sorted.sort(java.util.Comparator.comparingLong(NodeOperator::activeValidators).reversed());
        int third = 0;
        long running = 0;
        while (running * 3 <= total) {
            running += sorted.get(third++).activeValidators();
        }
        assertEquals(third, lido.at("/tau/oneThird").asInt());
        JsonNode largest = lido.get("largest");
        assertEquals(10, largest.size());
        for (int i = 0; i < 10; i++) {
            NodeOperator o = sorted.get(i);
            assertEquals(o.name(), largest.get(i).get("name").asText());
            assertEquals(o.module(), largest.get(i).get("module").asText());
            assertEquals(o.activeValidators(), largest.get(i).get("activeValidators").asLong());
            assertEquals(share(BigInteger.valueOf(o.activeValidators()), BigInteger.valueOf(total)),
                    largest.get(i).get("share").asText());
        }
        assertTrue(largest.get(0).get("name").asText().startsWith("Curated operator"));

        RocketNodeCounts rp = devchain.rocketNodeCounts();
        assertEquals(rp.nodes(), c.at("/rocketPool/nodeOperators").asLong());
        assertEquals(rp.minipools(), c.at("/rocketPool/minipools").asLong());
        assertEquals(rp.active(), c.at("/rocketPool/activeMinipools").asLong());
        assertEquals(rp.staking(), c.at("/rocketPool/stakingMinipools").asLong());

        JsonNode points = api.concentrationHistory(null, null, "1h").body().get("points");
        JsonNode last = points.get(points.size() - 1);
        assertEquals(lido, last.get("lidoOperators"));
        assertEquals(c.get("rocketPool"), last.get("rocketPool"));
    }

    @Test
    void historyAndItsErrors() {
        HttpResponse<JsonNode> ok = api.concentrationHistory(null, null, "1d");
        assertEquals(200, ok.code(), String.valueOf(ok.body()));
        JsonNode points = ok.body().get("points");
        assertTrue(points.size() >= 1, ok.body().toString());
        assertTrue(points.get(points.size() - 1).has("ofAllStaked"));

        HttpResponse<JsonNode> bad = api.concentrationHistory(null, null, "7x");
        assertEquals(400, bad.code());
        assertEquals("bad_request", bad.body().get("error").asText());
        assertTrue(bad.body().get("message").asText().contains("parameter 'interval'"), bad.body().toString());
        HttpResponse<JsonNode> reversed = api.concentrationHistory("2026-02-01", "2026-01-01", null);
        assertEquals(400, reversed.code());
        assertTrue(reversed.body().get("message").asText().contains("parameter 'from'"), reversed.body().toString());
    }

    @Test
    void alertsFireFromTheStoredFiguresAndBadParametersAre400() throws InterruptedException {
        JsonNode c = api.concentration().body();
        JsonNode lido = c.get("pools").get(0);
        assertEquals("lido", lido.get("id").asText());
        boolean overQuarter = new BigDecimal(lido.get("shareOfStaked").asText()).compareTo(new BigDecimal("0.25")) > 0;
        // The alert job evaluates after the snapshot's listeners (the entity reading among them) have run: wait for it.
        HttpResponse<JsonNode> response = overQuarter
                ? Await.until(api, "the 25% alert", Duration.ofSeconds(90), () -> api.alerts("firing", null),
                        r -> r.code() == 200 && r.body().get("events").toString().contains("pool-over-25pct-of-staked"))
                : api.alerts("firing", null);
        assertEquals(200, response.code(), String.valueOf(response.body()));
        JsonNode events = response.body().get("events");
        List<JsonNode> quarter = new ArrayList<>();
        events.forEach(e -> {
            assertEquals("firing", e.get("state").asText());
            if (e.get("rule").asText().equals("pool-over-25pct-of-staked")) {
                quarter.add(e);
            }
        });
        // The default rules: lido above 25% of all staked ETH fires once, with the exact stored share.
        assertEquals(overQuarter ? 1 : 0, quarter.size(), response.body().toString());
        if (overQuarter) {
            assertEquals("lido", quarter.get(0).get("subject").asText());
            // the same number; the alert's value is stored without trailing zeros, the share with 18 decimals
            assertEquals(0, new BigDecimal(lido.get("shareOfStaked").asText())
                    .compareTo(new BigDecimal(quarter.get(0).get("value").asText())), response.body().toString());
            assertEquals("0.25", quarter.get(0).get("threshold").asText());
            assertEquals(c.at("/block/number").asLong(), quarter.get(0).get("blockNumber").asLong());
        }
        // Nothing stored resolves; stale-data follows the wall clock (a loaded machine can miss polls), so not it.
        JsonNode resolved = api.alerts("resolved", null).body();
        List<JsonNode> storedResolved = new ArrayList<>();
        resolved.get("events").forEach(e -> {
            if (!e.get("rule").asText().equals("stale-data")) {
                storedResolved.add(e);
            }
        });
        assertEquals(List.of(), storedResolved, resolved.toString());

        HttpResponse<JsonNode> bad = api.alerts("open", null);
        assertEquals(400, bad.code());
        assertTrue(bad.body().get("message").asText().contains("parameter 'state': 'open' is not one of firing, resolved"),
                bad.body().toString());
        assertEquals(400, api.alerts(null, "0").code());
        assertEquals(400, api.alerts(null, "x").code());
    }

    private static String share(BigInteger part, BigInteger whole) {
        return new BigDecimal(part).divide(new BigDecimal(whole), 18, RoundingMode.HALF_EVEN).toPlainString();
    }
}
