package io.lsttracker.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lsttracker.entity.EntityFixtures;
import io.lsttracker.entity.EntityReading;
import io.lsttracker.entity.EntityStore;
import io.micronaut.http.HttpResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * /api/entities through the declarative client, over a reading stored by the entity store: the hand-computed set of
 * EntityTallyTest (figures worked out there), with the shipped labels.
 */
class EntitiesApiTest extends ServerTest {
    private static final String KRAKEN = "0x" + "11".repeat(20);

    @Inject
    EntityStore store;

    @Override
    protected Map<String, ?> settings() {
        return Map.of("tracker.api.max-history-points", 2);
    }

    /** The hand-computed reading again, taken at another epoch and time. */
    private static EntityReading at(long epoch, Instant readAt) {
        EntityReading r = EntityFixtures.handComputedReading();
        return new EntityReading(epoch * 32, epoch, readAt, r.entities(), r.unidentified(), r.validators(),
                r.activeValidators(), r.activeStakeGwei(), r.measures(), List.of(), List.of());
    }

    @BeforeAll
    void storeAReading() {
        store.saveReading(EntityFixtures.handComputedReading(), 1234);
        // Three readings a month earlier, one epoch (384 s) apart: more than the limit of 2 points.
        for (int i = 0; i < 3; i++) {
            store.saveReading(at(275_000 + i, Instant.parse("2026-11-01T00:00:00Z").plusSeconds(384L * i)), 1000 + i);
        }
    }

    @Test
    void aRangeWithMoreReadingsThanTheLimitIsRefusedAndAnIntervalTakesTheLastOfEach() {
        HttpResponse<JsonNode> tooMany = api.entitiesHistory("2026-11-01", "2026-11-02");
        assertEquals(400, tooMany.code());
        assertEquals("parameter 'from': more than 2 readings (the limit) from 2026-11-01T00:00:00Z to "
                + "2026-11-02T00:00:00Z; use a shorter range, or an interval such as 1h or 1d (the last reading of "
                + "each)", tooMany.body().get("message").asText());
        // Two of them fit.
        assertEquals(List.of(275_000L, 275_001L), epochs(api.entitiesHistory("2026-11-01",
                "2026-11-01T00:10:00Z").body()));
        // One day, one point: the day's last reading. Two 10-minute buckets: 00:00 (epochs 0, 1) and 00:10 (2).
        assertEquals(List.of(275_002L), epochs(api.entitiesHistory("2026-11-01", "2026-11-02", "1d").body()));
        assertEquals(List.of(275_001L, 275_002L), epochs(api.entitiesHistory("2026-11-01",
                "2026-11-01T00:20:00Z", "10m").body()));
        // An interval that gives more points than the limit is refused before any reading is read.
        HttpResponse<JsonNode> fine = api.entitiesHistory("2026-11-01", "2026-11-02", "1h");
        assertEquals(400, fine.code());
        assertTrue(fine.body().get("message").asText().startsWith("parameter 'interval': '1h' over"),
                fine.body().toString());
    }

    private static List<Long> epochs(JsonNode history) {
        List<Long> epochs = new java.util.ArrayList<>();
        history.get("points").forEach(p -> epochs.add(p.get("epoch").asLong()));
        return epochs;
    }

    @Test
    void theLatestReadingWithItsSourceAndMeasures() {
        HttpResponse<JsonNode> response = api.entities();
        assertEquals(200, response.code());
        JsonNode e = response.body();
        assertEquals(281_250, e.at("/source/epoch").asLong());
        assertEquals(9_000_031, e.at("/source/slot").asLong());
        assertEquals(1234, e.at("/source/blockNumber").asLong());
        assertEquals("2026-12-01T00:00:00Z", e.at("/source/readAt").asText());
        assertTrue(e.at("/source/ageSeconds").asLong() > 0);
        assertEquals("335000000001", e.get("stakedGwei").asText());
        assertEquals("335.000000001", e.get("stakedEth").asText());
        JsonNode lido = e.at("/entities/0");
        assertEquals(List.of("lido", "Lido", "liquid-staking", "128000000000", "128.000000000",
                "0.382089552237665404", "lido"), List.of(lido.get("id").asText(), lido.get("name").asText(),
                lido.get("category").asText(), lido.get("stakeGwei").asText(), lido.get("stakeEth").asText(),
                lido.get("share").asText(), lido.at("/pool/id").asText()));
        assertEquals(3, lido.get("validators").asLong());
        assertEquals(2, lido.get("activeValidators").asLong());
        assertTrue(lido.at("/pool/tokenSideEth").isNull()); // no snapshot stored in this test
        assertEquals("kraken", e.at("/entities/3/id").asText());
        assertEquals("0.238805970148540878", e.at("/unidentified/share").asText());
        assertEquals("80000000000", e.at("/unidentified/stakeGwei").asText());
        assertEquals("1819.291602", e.at("/identified/hhi").asText());
        assertEquals(List.of(1, 3, 4, 3), List.of(e.at("/identified/tau/oneThird").asInt(),
                e.at("/identified/tau/oneHalf").asInt(), e.at("/identified/tau/twoThirds").asInt(),
                e.at("/identified/nakamoto").asInt()));
        assertEquals("0.573134328359483181", e.at("/identified/topShares/top3").asText());
        assertEquals("4214.479840", e.at("/atWorst/hhi").asText());
        assertEquals(1, e.at("/atWorst/nakamoto").asInt());
        assertEquals("0.620895522386206282", e.at("/atWorst/topShares/top1").asText());
    }

    @Test
    void oneEntityWithItsRulesEvidenceAndConflicts() {
        JsonNode lido = api.entity("lido").body();
        assertEquals("lido", lido.at("/rules/credentials").asText());
        assertEquals(3, lido.at("/rules/depositors").size()); // the shipped labels' three Lido addresses
        assertTrue(lido.at("/rules/depositors/0/source").asText().startsWith("spellbook "));
        assertEquals(3, lido.at("/validatorsByRule/credentials").asLong());
        assertEquals(0, lido.at("/validatorsByRule/deposit-sender").asLong());
        assertEquals("credentials", lido.at("/evidence/0/rule").asText());
        assertEquals(3, lido.at("/evidence/0/validators").asLong());
        assertEquals(List.of("kraken", "deposit-sender", KRAKEN), List.of(lido.at("/conflicts/0/otherEntity").asText(),
                lido.at("/conflicts/0/otherRule").asText(), lido.at("/conflicts/0/otherDetail").asText()));
        assertEquals(0, lido.at("/conflicts/0/exampleValidators/0").asLong());

        assertTrue(lido.at("/rules/coverage").asText().startsWith("validators whose withdrawal credentials the lido "
                + "contracts name"), lido.at("/rules/coverage").asText());

        JsonNode kiln = api.entity("kiln").body();
        assertEquals("deposit-target", kiln.at("/evidence/0/rule").asText());
        // An entity named by its depositors only (as Coinbase): its figures are a lower bound, and say so.
        assertTrue(kiln.at("/rules/credentials").isNull());
        assertTrue(kiln.at("/rules/coverage").asText().startsWith("a lower bound: only validators whose first "
                + "deposit"), kiln.at("/rules/coverage").asText());
        assertEquals("0x" + "22".repeat(20), kiln.at("/evidence/0/detail").asText());

        JsonNode rest = api.entity("unidentified").body();
        assertEquals(2, rest.at("/entity/validators").asLong());
        assertTrue(rest.at("/rules/credentials").isNull());

        HttpResponse<JsonNode> missing = api.entity("nope");
        assertEquals(404, missing.code());
        assertTrue(missing.body().get("message").asText().contains("no entity 'nope'"), missing.body().toString());
    }

    @Test
    void historyAsJsonAndCsv() {
        JsonNode h = api.entitiesHistory("2026-11-30", "2026-12-02").body();
        assertEquals(1, h.get("points").size());
        assertEquals("0.382089552237665404", h.at("/points/0/shares/lido").asText());
        assertEquals(3, h.at("/points/0/nakamoto").asInt());
        assertEquals(1, h.at("/points/0/nakamotoAtWorst").asInt());
        assertEquals(0, api.entitiesHistory("2026-12-02", "2026-12-03").body().get("points").size());

        HttpResponse<String> csv = api.entitiesHistoryText("2026-11-30", "2026-12-02", "csv", "application/json");
        assertEquals(200, csv.code());
        List<String> lines = csv.body().lines().toList();
        assertEquals("time,epoch,slot,entity,validators,activeValidators,stakeGwei,share", lines.get(0));
        assertEquals("2026-12-01T00:00:00Z,281250,9000031,lido,3,2,128000000000,0.382089552237665404", lines.get(1));
        assertEquals("2026-12-01T00:00:00Z,281250,9000031,unidentified,2,2,80000000000,0.238805970148540878",
                lines.get(lines.size() - 1));
        io.micronaut.http.client.exceptions.HttpClientResponseException bad = org.junit.jupiter.api.Assertions
                .assertThrows(io.micronaut.http.client.exceptions.HttpClientResponseException.class,
                        () -> api.entitiesHistoryText(null, null, "xml", "application/json"));
        assertEquals(400, bad.code());
        assertTrue(bad.getMessage().contains("'xml' is not one of json, csv"), bad.getMessage());
        assertEquals(400, api.entitiesHistory("2026-12-02", "2026-12-01").code());
        // Instants beyond what milliseconds hold are a range like any other (found by ApiFuzzTest).
        assertEquals(0, api.entitiesHistory(null, "-999999999-01-01T00:00:00Z").body().get("points").size());
        assertEquals(1, api.entitiesHistory("2026-11-30", "+999999999-12-31T23:59:59Z").body().get("points").size());
    }

    @Test
    void prometheusGaugesFollowTheLatestReading() {
        String text = api.prometheus().body();
        // 128 / 335.000000001 = 0.382089552237665404 (a double in Prometheus; exact figures are in the JSON API)
        assertTrue(text.lines().anyMatch(l -> l.startsWith("lst_entity_share_of_staked_ratio{entity=\"lido\"} 0.38208955")),
                text.lines().filter(l -> l.startsWith("lst_entity_share_of_staked_ratio{entity=\"lido\"")).toList()
                        .toString());
        assertTrue(text.lines().anyMatch(l -> l.equals("lst_entity_staked_eth{entity=\"unidentified\"} 80.0")), text);
        assertTrue(text.lines().anyMatch(l -> l.equals("lst_entity_tau{scope=\"at-worst\",threshold=\"1/2\"} 1.0")));
        assertTrue(text.lines().anyMatch(l -> l.equals("lst_entity_reading_epoch 281250.0")));
    }
}
