package io.lsttracker.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lsttracker.clients.ClientsTables.ProposalRow;
import io.lsttracker.clients.ProposalStore;
import io.micronaut.http.HttpResponse;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /api/clients and /api/entities/{id}/clients through the declarative client, over proposals stored by hand. */
class ClientsApiTest extends ServerTest {
    @Inject
    ProposalStore store;

    @Override
    protected Map<String, ?> settings() {
        return Map.of();
    }

    private static ProposalRow block(long slot, String entity, String consensus, String execution) {
        return new ProposalRow(slot, false, slot, entity, "0x" + "00".repeat(32), consensus, execution,
                consensus == null && execution == null ? "NONE" : "CODES");
    }

    /** Stored before the tests (outside their rolled-back transactions) so that the server sees them. */
    @BeforeAll
    void storeProposals() {
        // Day 0 of slots: two blocks before the last day's window.
        store.save(List.of(block(0, "lido", "lighthouse", "geth"), block(1, "kraken", "teku", "besu")), 1);
        // Slots 7,200..7,209 (the last day's window is 10..7,209: 10 slots read of 7,200).
        store.save(List.of(block(7_200, "lido", "lighthouse", "geth"), block(7_201, "lido", "lighthouse", "nethermind"),
                block(7_202, "lido", "teku", "geth"), block(7_203, "coinbase", "prysm", null),
                new ProposalRow(7_204, true, null, null, null, null, null, "NONE"),
                block(7_205, "coinbase", null, null), block(7_206, "unidentified", "lighthouse", "geth"),
                block(7_207, "lido", "lighthouse", "geth"), block(7_208, "kraken", "nimbus", "besu"),
                block(7_209, "lido", "lighthouse", "reth")), 7_209);
    }

    @Test
    void theNetworkAndEachEntityOverAWindow() {
        HttpResponse<JsonNode> response = api.clients("1d");
        assertEquals(200, response.code(), () -> response.getBody(String.class).orElse("") + response.body());
        JsonNode c = response.body();
        assertEquals(List.of("1d", "10", "7209", "10", "false", "1"), List.of(c.at("/window/name").asText(),
                c.at("/window/fromSlot").asText(), c.at("/window/toSlot").asText(), c.at("/window/slotsRead").asText(),
                c.at("/window/complete").asText(), c.at("/window/missed").asText()));
        // 9 blocks; consensus named in 8: lighthouse 5/8 = 0.625, above 1/3, not above 2/3.
        assertEquals(9, c.at("/network/blocks").asInt());
        assertEquals(8, c.at("/network/consensus/identified").asInt());
        assertEquals("0.888888888888888889", c.at("/network/consensus/identifiedShare").asText());
        assertEquals("lighthouse", c.at("/network/consensus/majority").asText());
        assertEquals("0.625000000000000000", c.at("/network/consensus/majorityShare").asText());
        assertTrue(c.at("/network/consensus/majorityAboveOneThird").asBoolean());
        assertFalse(c.at("/network/consensus/majorityAboveTwoThirds").asBoolean());
        // Execution named in 7: geth 4/7.
        assertEquals("0.571428571428571429", c.at("/network/execution/majorityShare").asText());
        // Lido first (5 blocks): lighthouse 4/5 = 0.8, above 2/3.
        assertEquals("lido", c.at("/entities/0/entity").asText());
        assertEquals(5, c.at("/entities/0/figures/blocks").asInt());
        assertEquals("0.800000000000000000", c.at("/entities/0/figures/consensus/majorityShare").asText());
        assertTrue(c.at("/entities/0/figures/consensus/majorityAboveTwoThirds").asBoolean());

        JsonNode coinbase = api.entityClients("coinbase", "1d").body();
        assertEquals(2, coinbase.at("/figures/blocks").asInt());
        assertEquals("0.500000000000000000", coinbase.at("/figures/consensus/identifiedShare").asText());
        assertEquals("prysm", coinbase.at("/figures/consensus/majority").asText());
        assertEquals(0, api.entityClients("kiln", "1d").body().at("/figures/blocks").asInt());

        // The default window, 7 days, reaches before slot 0 here: it starts there.
        assertEquals(0, api.clients(null).body().at("/window/fromSlot").asInt());
        assertEquals("7d", api.clients(null).body().at("/window/name").asText());
        HttpResponse<JsonNode> bad = api.clients("2d");
        assertEquals(400, bad.code());
        assertEquals("parameter 'window': '2d' is not one of 1d, 7d, 30d", bad.body().get("message").asText());
        assertEquals(404, api.entityClients("nobody", null).code());
    }

    @Test
    void historyPerDayOfSlotsAsJsonAndCsv() {
        JsonNode network = api.clientsHistory(null, null).body();
        assertEquals("network", network.get("scope").asText());
        assertEquals(30, network.get("days").asInt());
        assertEquals(List.of(0L, 7_200L), List.of(network.at("/points/0/fromSlot").asLong(),
                network.at("/points/1/fromSlot").asLong()));
        assertEquals(7_199, network.at("/points/0/toSlot").asLong());
        assertEquals(2, network.at("/points/0/figures/blocks").asInt());
        assertEquals(9, network.at("/points/1/figures/blocks").asInt());
        JsonNode lido = api.clientsHistory("lido", "2").body();
        assertEquals(List.of(1, 5), List.of(lido.at("/points/0/figures/blocks").asInt(),
                lido.at("/points/1/figures/blocks").asInt()));
        assertEquals(1, api.clientsHistory(null, "1").body().get("points").size()); // the last day only

        String csv = api.clientsHistoryText(null, null, "csv").body();
        assertTrue(csv.startsWith("fromSlot,time,scope,layer,client,blocks,identified,share\n"), csv);
        // No beacon node in this test: the day's time is unknown and left empty.
        assertTrue(csv.contains("\n7200,,network,consensus,lighthouse,5,8,0.625000000000000000\n"), csv);
        assertTrue(csv.contains("\n0,,network,execution,besu,1,2,0.500000000000000000\n"), csv);

        assertEquals(400, api.clientsHistory(null, "0").code());
        assertEquals("parameter 'days': 'abc' is not a whole number of days from 1 to 366",
                api.clientsHistory(null, "abc").body().get("message").asText());
        assertEquals(404, api.clientsHistory("nobody", null).code());
    }

    @Test
    void prometheusGaugesFromTheFiguresInMemory() {
        api.clients("7d"); // the 7-day figures, computed once and kept (a run of the reading does the same)
        String metrics = api.prometheus().body();
        // 7 days reach back to slot 0: 11 blocks, consensus named in 10, Lighthouse 6 of them.
        assertTrue(metrics.contains("lst_clients_blocks{scope=\"network\",window=\"7d\"} 11.0"), metrics);
        assertTrue(metrics.contains("lst_clients_majority_share_ratio{layer=\"consensus\",scope=\"network\",window=\"7d\"} 0.6"),
                metrics);
        assertTrue(metrics.contains("lst_clients_share_ratio{client=\"teku\",layer=\"consensus\",window=\"7d\"} 0.2"),
                metrics);
        // Lido: 6 blocks, Lighthouse 5 of 6 named.
        assertTrue(metrics.contains("lst_clients_majority_share_ratio{layer=\"consensus\",scope=\"lido\",window=\"7d\"} 0.8333333333333334"),
                metrics);
        assertTrue(metrics.contains("lst_clients_blocks{scope=\"kiln\",window=\"7d\"} NaN"), metrics);
        assertTrue(metrics.contains("lst_clients_last_slot 7209.0"), metrics);
    }
}
