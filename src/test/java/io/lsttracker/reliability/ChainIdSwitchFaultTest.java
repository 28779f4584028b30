package io.lsttracker.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.chain.RpcConnection;
import io.lsttracker.devchain.Devchain;
import io.lsttracker.domain.BlockSelector;
import io.lsttracker.snapshot.SnapshotCycle;
import io.lsttracker.snapshot.SnapshotService;
import io.lsttracker.snapshot.SnapshotStore;
import io.micronaut.context.ApplicationContext;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.http.HttpService;

/**
 * anvil_setChainId under the live cycle (as `serve` wires it, chain id re-checked every 5 minutes): the very next
 * cycle fails naming the endpoint and the chain it now serves, and stores nothing of it as chain 1; the check is the
 * eth_chainId asked in the snapshot read's own JSON-RPC batch, so a snapshot still costs two HTTP requests (the pin
 * and the batch). Back on chain 1, the next cycle stores again.
 */
class ChainIdSwitchFaultTest {
    static final class Raw extends Response<Object> {
    }

    @Test
    void aChainIdSwitchedInPlaceFailsTheNextCycleAndNothingOfTheOtherChainIsStored() throws Exception {
        Devchain devchain = ReliabilityDevchain.shared();
        HttpService anvil = new HttpService(devchain.url());
        try (ApplicationContext context = ApplicationContext.builder().environments("server").deduceEnvironment(false)
                .properties(Map.of("tracker.chain.rpc-url", devchain.url(),
                        "tracker.confirmations", 0,
                        "datasources.default.url", "jdbc:h2:mem:chainid_" + UUID.randomUUID().toString().replace("-", "")
                                + ";DB_CLOSE_DELAY=-1"))
                .start()) {
            SnapshotCycle cycle = context.getBean(SnapshotCycle.class);
            SnapshotStore store = context.getBean(SnapshotStore.class);
            RpcConnection rpc = context.getBean(RpcConnection.class);
            assertEquals(SnapshotCycle.Outcome.STORED, cycle.runOnce());
            long stored = store.latest().orElseThrow().block().number();

            long http = rpc.httpRequests();
            long chainIds = rpc.calls("eth_chainId");
            context.getBean(SnapshotService.class).take(BlockSelector.LATEST);
            assertEquals(2, rpc.httpRequests() - http, "a snapshot is two HTTP requests: the pin and one batch");
            assertEquals(1, rpc.calls("eth_chainId") - chainIds, "the batch asks the chain id with the eth_call");

            send(anvil, "evm_mine", List.of());
            send(anvil, "anvil_setChainId", List.of(5));
            try {
                assertEquals(SnapshotCycle.Outcome.FAILED, cycle.runOnce(), "caught at the very next cycle");
                String reason = cycle.status().lastFailure().orElseThrow();
                assertTrue(reason.contains("serves chain id 5, but tracker.chain.chain-id (LST_CHAIN_ID) is 1"),
                        reason);
                assertEquals(stored, store.latest().orElseThrow().block().number(),
                        "nothing of chain 5 was stored as chain 1");
                assertEquals(SnapshotCycle.Outcome.FAILED, cycle.runOnce(), "and not at the cycle after either");
                assertEquals(stored, store.latest().orElseThrow().block().number());
            } finally {
                send(anvil, "anvil_setChainId", List.of(1));
            }
            assertEquals(SnapshotCycle.Outcome.STORED, cycle.runOnce(), "back on chain 1: stored again");
            assertFalse(store.latest().orElseThrow().block().number() == stored);
        } finally {
            anvil.close();
        }
    }

    private static void send(HttpService anvil, String method, List<?> params) throws Exception {
        Raw answer = new Request<>(method, params, anvil, Raw.class).send();
        assertTrue(!answer.hasError(), () -> method + ": " + answer.getError().getMessage());
    }
}
