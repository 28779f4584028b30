package io.lsttracker.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lsttracker.devchain.Devchain;
import io.lsttracker.devchain.TestDevchain;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.utils.Numeric;

/** A batch larger than a node accepts in one body (anvil refuses over 2 MiB) goes out as several requests. */
class JsonRpcBatchTest {

    @Test
    void aBatchOverTheByteLimitIsSplitAndEveryAnswerComesBackInOrder() {
        Devchain devchain = TestDevchain.shared();
        try (RpcConnection rpc = RpcConnection.open(devchain.url(), Duration.ofSeconds(30))) {
            // 60 calls of ~50 KB each: 3 MB in all, so at least three requests of at most 1 MiB
            List<Request<?, EthCall>> requests = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                // Multicall3.getBlockNumber() with padding the contract ignores, then a distinct marker so the
                // answers can be told apart: the block number is the same, so the order is checked by ids below
                String data = "0x42cbb15c" + "00".repeat(25_000) + String.format("%064x", i);
                requests.add(new Request<>("eth_call", List.of(Transaction.createEthCallTransaction(null,
                        "0xcA11bde05977b3631167028862bE2a173976CA11", data), "latest"), rpc.service(), EthCall.class));
            }
            long http = rpc.httpRequests();
            List<EthCall> answers = JsonRpcBatch.send(rpc, "test", requests, i -> "call " + i);
            assertEquals(60, answers.size());
            for (int i = 0; i < 60; i++) {
                assertEquals(requests.get(i).getId(), answers.get(i).getId(), "answer " + i + " in request order");
                assertEquals(BigInteger.ONE.signum(), Numeric.toBigInt(answers.get(i).getValue()).signum());
            }
            long sent = rpc.httpRequests() - http;
            assertEquals(true, sent >= 3 && sent <= 4, "split into " + sent + " requests");
        }
    }
}
