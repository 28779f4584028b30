package io.lsttracker.beacon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reading proposed blocks and the finalized slot from a small real server standing in for a beacon node. */
@MicronautTest
@Property(name = "spec.name", value = "BeaconBlocksTest")
@Property(name = "micronaut.server.host", value = "127.0.0.1")
@Property(name = "micronaut.server.port", value = "-1")
class BeaconBlocksTest {
    /** "GE168dLH63af" padded with zero bytes to 32. */
    static final String GRAFFITI = "0x" + "474531363864" + "4c4836336166" + "00".repeat(20);

    @Inject
    EmbeddedServer server;

    @Inject
    Node node;

    private BeaconClient client;

    @Requires(property = "spec.name", value = "BeaconBlocksTest")
    @Controller("/eth/v1/beacon")
    static final class Node {
        final Map<Long, String> blocks = new ConcurrentHashMap<>();
        volatile String finalized;

        @Get("/blinded_blocks/{slot}")
        HttpResponse<String> block(@PathVariable long slot) {
            String block = blocks.get(slot);
            return block == null ? HttpResponse.notFound("{\"code\":404,\"message\":\"NOT_FOUND: beacon block\"}")
                    : HttpResponse.ok(block);
        }

        @Get("/headers/finalized")
        String finalized() {
            return finalized;
        }
    }

    /** A blinded Deneb block as beacon-APIs gives it, with fields before and after the ones read. */
    static String block(String slot, String proposer, String graffiti) {
        return """
                {"version":"deneb","execution_optimistic":false,"finalized":true,"data":{"message":{
                "slot":%s,"proposer_index":%s,"parent_root":"0x%s","state_root":"0x%s",
                "body":{"randao_reveal":"0x%s","eth1_data":{"deposit_root":"0x%s","deposit_count":"1","block_hash":"0x%s"},
                "graffiti":%s,"proposer_slashings":[],"attester_slashings":[],
                "attestations":[{"aggregation_bits":"0xff","data":{"slot":"9","index":"0","beacon_block_root":"0x%s",
                "source":{"epoch":"0","root":"0x%s"},"target":{"epoch":"0","root":"0x%s"}},"signature":"0x%s"}],
                "deposits":[],"voluntary_exits":[],"sync_aggregate":{"sync_committee_bits":"0x01","sync_committee_signature":"0x%s"},
                "execution_payload_header":{"block_number":"19000000","extra_data":"0x6265617665726275696c642e6f7267"},
                "bls_to_execution_changes":[],"blob_kzg_commitments":[]}},
                "signature":"0x%s"}}
                """.formatted(slot, proposer, "11".repeat(32), "22".repeat(32), "33".repeat(96), "44".repeat(32),
                "55".repeat(32), graffiti, "66".repeat(32), "77".repeat(32), "88".repeat(32), "99".repeat(96),
                "aa".repeat(96), "bb".repeat(96));
    }

    @BeforeEach
    void setUp() {
        node.blocks.clear();
        node.finalized = "{\"data\":{\"root\":\"0x" + "cc".repeat(32) + "\",\"canonical\":true,\"header\":{\"message\":"
                + "{\"slot\":\"8000064\",\"proposer_index\":\"5\",\"parent_root\":\"0x00\",\"state_root\":\"0x00\","
                + "\"body_root\":\"0x00\"},\"signature\":\"0x00\"}}}";
        client = new BeaconClient("http://127.0.0.1:" + server.getPort(), Duration.ofSeconds(5));
    }

    @Test
    void readsTheProposerAndTheGraffitiOfASlot() {
        node.blocks.put(10L, block("\"10\"", "\"123456\"", "\"" + GRAFFITI + "\""));
        BlockProposal proposal = client.proposal(10).orElseThrow();
        assertEquals(10, proposal.slot());
        assertEquals(123_456, proposal.proposerIndex());
        byte[] expected = new byte[32];
        byte[] text = "GE168dLH63af".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, expected, 0, text.length);
        assertArrayEquals(expected, proposal.graffiti());
    }

    @Test
    void aSlotWithoutABlockIsEmpty() {
        assertEquals(Optional.empty(), client.proposal(11));
    }

    @Test
    void readsTheFinalizedSlot() {
        assertEquals(8_000_064, client.finalizedSlot());
    }

    @Test
    void refusesGarbageNamingTheField() {
        node.blocks.put(12L, block("\"13\"", "\"1\"", "\"" + GRAFFITI + "\""));
        assertTrue(assertThrows(BeaconReadException.class, () -> client.proposal(12)).getMessage()
                .contains("the block of slot 13, not of slot 12"));
        node.blocks.put(14L, block("\"14\"", "\"-1\"", "\"" + GRAFFITI + "\""));
        assertTrue(assertThrows(BeaconReadException.class, () -> client.proposal(14)).getMessage()
                .contains("data.message.proposer_index is '-1', not a number"));
        node.blocks.put(15L, block("\"15\"", "\"1\"", "\"0x1234\""));
        assertTrue(assertThrows(BeaconReadException.class, () -> client.proposal(15)).getMessage()
                .contains("data.message.body.graffiti is '0x1234', not 32 bytes of hex"));
        node.blocks.put(16L, block("\"16\"", "\"1\"", "null"));
        assertTrue(assertThrows(BeaconReadException.class, () -> client.proposal(16)).getMessage()
                .contains("graffiti is missing"));
        node.blocks.put(17L, "{\"data\":");
        assertThrows(BeaconReadException.class, () -> client.proposal(17));
        node.finalized = "{\"data\":{}}";
        assertTrue(assertThrows(BeaconReadException.class, () -> client.finalizedSlot()).getMessage()
                .contains("data.header.message.slot is missing"));
    }
}
