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
import io.lsttracker.alert.AlertService;
import io.lsttracker.entity.EntityReadingListener;
import io.lsttracker.snapshot.LatestSnapshot;
import io.lsttracker.snapshot.SnapshotListener;
import io.micronaut.http.HttpResponse;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * `serve` against the devchain and its beacon node: who controls the stake (the entity reading) as the headline,
 * and the token view stored with each snapshot, served.
 */
class ConcentrationApiTest extends ServerTest {
    private final Devchain devchain = TestDevchain.shared();

    @Override
    protected Map<String, ?> settings() {
        return Map.of("tracker.chain.rpc-url", devchain.url(),
                "tracker.beacon.url", devchain.beaconUrl(),
                "tracker.entities.deposit-first-block", devchain.depositContractFirstBlock(),
                "tracker.entities.vaults-first-block", devchain.depositContractFirstBlock());
    }

    @BeforeAll
    void awaitConcentration() throws InterruptedException {
        Await.until(api, "concentration with the entities' headline", Duration.ofSeconds(120), api::concentration,
                c -> c.code() == 200 && !c.body().get("entities").isNull());
    }

    @Test
    void theHeadlineIsWhoControlsTheStakeFromTheLatestEntityReading() {
        JsonNode c = api.concentration().body();
        JsonNode e = api.entities().body();
        JsonNode head = c.get("entities");
        assertTrue(c.get("entitiesAbsent").isNull());
        // The same reading /api/entities serves (DevchainEntitiesTest checks it against the devchain to the gwei).
        assertEquals(e.at("/source/epoch").asLong(), head.at("/source/epoch").asLong(), c.toString());
        assertEquals(e.at("/source/slot").asLong(), head.at("/source/slot").asLong());
        assertTrue(head.at("/source/ageSeconds").asLong() >= 0);
        assertEquals(e.get("stakedGwei").asText(), head.get("stakedGwei").asText());
        JsonNode largest = e.at("/entities/0");
        assertEquals(largest.get("id").asText(), head.get("largestEntity").asText());
        assertEquals(largest.get("share").asText(), head.get("largestShare").asText());
        assertEquals(e.at("/unidentified/share").asText(), head.get("unidentifiedShare").asText());
        assertEquals(e.at("/unidentified/stakeEth").asText(), head.get("unidentifiedEth").asText());
        assertEquals(e.get("identified"), head.get("identified"));
        assertEquals(e.get("atWorst"), head.get("atWorst"));
        long withStake = 0;
        for (JsonNode row : e.get("entities")) {
            withStake += new BigInteger(row.get("stakeGwei").asText()).signum() > 0 ? 1 : 0;
        }
        assertEquals(withStake, head.get("entitiesWithStake").asLong());

        // Lido's pool next to the Lido entity: token-side ETH (getTotalPooledEther at the snapshot) and beacon stake.
        JsonNode link = null;
        for (JsonNode l : c.get("poolsAndEntities")) {
            if (l.get("pool").asText().equals("lido")) {
                link = l;
            }
        }
        assertTrue(link != null, c.get("poolsAndEntities").toString());
        assertEquals("lido", link.get("entity").asText());
        BigInteger tokenSide = devchain.expected("lido").totalEth();
        BigInteger beacon = null;
        for (JsonNode row : e.get("entities")) {
            if (row.get("id").asText().equals("lido")) {
                beacon = new BigInteger(row.get("stakeGwei").asText()).multiply(BigInteger.TEN.pow(9));
            }
        }
        assertEquals(Wei.toEther(tokenSide).toPlainString(), link.get("tokenSideEth").asText());
        assertEquals(Wei.toEther(beacon).toPlainString(), link.get("entityStakeEth").asText());
        assertEquals(Wei.toEther(tokenSide.subtract(beacon)).toPlainString(), link.get("differenceEth").asText());
        assertTrue(link.get("note").asText().contains("buffered"), link.toString());

        // The history carries the token view only, and says where the entities' history is.
        JsonNode points = api.concentrationHistory(null, null, "1h").body().get("points");
        JsonNode last = points.get(points.size() - 1);
        assertTrue(last.get("entities").isNull());
        assertTrue(last.get("entitiesAbsent").asText().contains("/api/entities/history"), last.toString());
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
            assertEquals(Wei.toEther(stake).toPlainString(), pool.get("tokenSideEth").asText());
            assertEquals(share(stake, staked), pool.get("tokenShareOfStaked").asText(), id);
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
        assertTrue(c.at("/tokenOfAllStaked/tau/oneHalf").isNull());
        assertTrue(c.at("/tokenOfAllStaked/nakamoto").isNull());
        assertEquals(share(lido, staked), c.at("/tokenOfAllStaked/largestShare").asText());
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
        assertTrue(points.get(points.size() - 1).has("tokenOfAllStaked"));

        HttpResponse<JsonNode> bad = api.concentrationHistory(null, null, "7x");
        assertEquals(400, bad.code());
        assertEquals("bad_request", bad.body().get("error").asText());
        assertTrue(bad.body().get("message").asText().contains("parameter 'interval'"), bad.body().toString());
        HttpResponse<JsonNode> reversed = api.concentrationHistory("2026-02-01", "2026-01-01", null);
        assertEquals(400, reversed.code());
        assertTrue(reversed.body().get("message").asText().contains("parameter 'from'"), reversed.body().toString());
    }

    @Inject
    List<SnapshotListener> listeners;

    @Test
    void theEntityReadingIsTakenBeforeTheAlertRulesJudgeTheSnapshot() {
        // SnapshotRecorder hears its listeners in this (injected) order: the newest snapshot in memory first (a
        // reading can take a while), then the reading of the snapshot's epoch, then the alert rules.
        List<Class<?>> order = listeners.stream().<Class<?>>map(Object::getClass).toList();
        assertTrue(order.indexOf(EntityReadingListener.class) >= 0, order.toString());
        assertTrue(order.indexOf(LatestSnapshot.class) < order.indexOf(EntityReadingListener.class), order.toString());
        assertTrue(order.indexOf(EntityReadingListener.class) < order.indexOf(AlertService.class), order.toString());
    }

    @Test
    void alertsFireFromTheStoredFiguresAndBadParametersAre400() throws InterruptedException {
        // The default rules: any entity above 25% of all staked ETH, from the latest entity reading.
        JsonNode readingNow = api.entities().body();
        List<JsonNode> over = new ArrayList<>();
        for (JsonNode row : readingNow.get("entities")) {
            if (new BigDecimal(row.get("share").asText()).compareTo(new BigDecimal("0.25")) > 0) {
                over.add(row);
            }
        }
        // Evaluated with each snapshot after the entity reading of its epoch (the entity listener runs first).
        HttpResponse<JsonNode> response = !over.isEmpty()
                ? Await.until(api, "the 25% alert", Duration.ofSeconds(90), () -> api.alerts("firing", null),
                        r -> r.code() == 200 && r.body().get("events").toString().contains("entity-over-25pct-of-staked"))
                : api.alerts("firing", null);
        assertEquals(200, response.code(), String.valueOf(response.body()));
        JsonNode events = response.body().get("events");
        List<JsonNode> quarter = new ArrayList<>();
        events.forEach(ev -> {
            assertEquals("firing", ev.get("state").asText());
            assertTrue(!ev.get("subject").asText().equals("unidentified"), ev.toString());
            if (ev.get("rule").asText().equals("entity-over-25pct-of-staked")) {
                quarter.add(ev);
            }
        });
        // Each entity above 25% fires once, with the exact share of the reading it was judged on.
        assertEquals(over.size(), quarter.size(), response.body().toString() + " " + readingNow);
        for (JsonNode fired : quarter) {
            JsonNode row = over.stream().filter(r -> r.get("id").asText().equals(fired.get("subject").asText()))
                    .findFirst().orElseThrow();
            // the same number; the alert's value is stored without trailing zeros, the share with 18 decimals
            assertEquals(0, new BigDecimal(row.get("share").asText())
                    .compareTo(new BigDecimal(fired.get("value").asText())), response.body().toString());
            assertEquals("0.25", fired.get("threshold").asText());
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
