package io.lsttracker.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lsttracker.chain.ChainReader;
import io.lsttracker.chain.FaultProxy;
import io.lsttracker.chain.FaultProxy.Fault;
import io.lsttracker.chain.RedactedUrl;
import io.lsttracker.chain.RpcConnection;
import io.lsttracker.chain.Web3jChainReader;
import io.lsttracker.devchain.Devchain;
import io.lsttracker.devchain.TestDevchain;
import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.BlockSelector;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Address;

/** `serve` with several endpoints and with an endpoint on the wrong chain, through {@link FaultProxy}. */
class ServeFaultTest {
    private static Devchain devchain;

    @BeforeAll
    static void start() {
        devchain = TestDevchain.shared();
    }

    @Test
    void anEndpointOnAnotherChainRefusesTheStartNamingTheEndpointAndTheKey() throws Exception {
        try (FaultProxy proxy = new FaultProxy(devchain.url()).serveChainId(5L)) {
            // The chain reader is what refuses: a plain context of the same beans shows it, no server needed.
            RuntimeException e;
            try (ApplicationContext context = ApplicationContext.builder()
                    .deduceEnvironment(false).properties(Map.of("tracker.chain.rpc-urls", devchain.url() + ","
                            + proxy.url())).start()) {
                e = assertThrows(RuntimeException.class, () -> context.getBean(ChainReader.class));
            }
            String message = rootMessage(e);
            assertEquals("RPC endpoint " + RedactedUrl.of(proxy.url()) + " serves chain id 5, but tracker.chain.chain-id"
                    + " (LST_CHAIN_ID) is 1: refusing to read another chain", message);
        }
    }

    @Test
    void snapshotsGoOnThroughTheSecondEndpointWhileTheFirstFails() throws Exception {
        try (FaultProxy broken = new FaultProxy(devchain.url()).always(Fault.HTTP_500);
                TestServer server = TestServer.start(Map.of(
                        "tracker.chain.rpc-urls", broken.url() + "," + devchain.url(),
                        "tracker.chain.backoff-base", "10ms"))) {
            TrackerApi api = server.api();
            JsonNode body = Await.until(api, "snapshot stored", Duration.ofSeconds(10), api::latestSnapshot,
                    latest -> latest.code() == 200).body();
            try (RpcConnection direct = RpcConnection.open(devchain.url(), Duration.ofSeconds(10))) {
                BlockRef head = new Web3jChainReader(direct, new Address("0xcA11bde05977b3631167028862bE2a173976CA11"))
                        .pin(BlockSelector.LATEST);
                assertEquals(head.number(), body.get("block").get("number").asLong(), "confirmations 0: the head");
                assertEquals(head.hash(), body.get("block").get("hash").asText());
            }
            body.get("pools").forEach(pool -> assertEquals("ok", pool.get("status").asText(), pool.toString()));
            assertTrue(broken.faulted() >= 1, "the first endpoint was tried and failed");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
