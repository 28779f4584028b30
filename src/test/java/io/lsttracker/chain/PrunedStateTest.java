package io.lsttracker.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.devchain.AnvilProcess;
import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.BlockSelector;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Address;
import org.web3j.utils.Numeric;

/**
 * An anvil that keeps only its last states (--prune-history, as the devchain runs a dense history) answers a read
 * at an older block with "BlockOutOfRangeError": the tracker says an archive node is needed, as it does for a
 * pruned geth, instead of reading each call again and failing with the node's words alone.
 */
class PrunedStateTest {
    private static final Address MULTICALL3 = new Address("0xcA11bde05977b3631167028862bE2a173976CA11");

    @Test
    void aReadAtABlockWhoseStateAnvilPrunedSaysAnArchiveNodeIsNeeded() throws Exception {
        try (AnvilProcess anvil = AnvilProcess.start(AnvilProcess.freePort(), Instant.now().getEpochSecond() - 100_000,
                16); RpcConnection rpc = await(anvil)) {
            send(rpc, "anvil_setCode", MULTICALL3.toString(), multicall3Code());
            send(rpc, "anvil_mine", "0x100", "0xc");
            Web3jChainReader chain = new Web3jChainReader(rpc, MULTICALL3);
            List<ContractCall> calls = List.of(new ContractCall(MULTICALL3, Numeric.hexStringToByteArray("0x42cbb15c"),
                    "Multicall3.getBlockNumber()"));
            BlockRef recent = chain.pin(new BlockSelector.Number(250));
            assertEquals(1, chain.aggregate(recent, calls).size(), "a kept state answers");
            BlockRef old = chain.pin(new BlockSelector.Number(1));
            ArchiveNodeRequiredException e = assertThrows(ArchiveNodeRequiredException.class,
                    () -> chain.aggregate(old, calls));
            assertTrue(e.getMessage().contains("BlockOutOfRangeError"), e.getMessage());
            assertTrue(e.getMessage().contains("needs an archive node"), e.getMessage());
            assertTrue(e.getMessage().contains("at block 1"), e.getMessage());
        }
    }

    /** The devchain's Multicall3 (src/devchain/contracts, compiled into the classpath's devchain/artifacts.json). */
    private static String multicall3Code() throws java.io.IOException {
        try (java.io.InputStream in = PrunedStateTest.class.getClassLoader().getResourceAsStream("devchain/artifacts.json")) {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(in).get("contracts").get("Multicall3")
                    .get("deployedBytecode").asText();
        }
    }

    private static void send(RpcConnection rpc, String method, Object... params) throws java.io.IOException {
        var response = new org.web3j.protocol.core.Request<>(method, List.of(params), rpc.service(),
                org.web3j.protocol.core.methods.response.VoidResponse.class).send();
        if (response.hasError()) {
            throw new IllegalStateException(method + ": " + response.getError().getMessage());
        }
    }

    private static RpcConnection await(AnvilProcess anvil) throws InterruptedException {
        RpcConnection rpc = RpcConnection.open(anvil.url(), Duration.ofSeconds(10));
        for (int i = 0; i < 300; i++) {
            try {
                if (rpc.web3j().ethChainId().send().getChainId().equals(BigInteger.ONE)) {
                    return rpc;
                }
            } catch (Exception notYet) {
                Thread.sleep(100);
            }
        }
        rpc.close();
        throw new IllegalStateException("anvil did not answer on " + anvil.url());
    }
}
