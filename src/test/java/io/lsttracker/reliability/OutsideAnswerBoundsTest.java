package io.lsttracker.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.alert.AlertEvent;
import io.lsttracker.alert.AlertRepository;
import io.lsttracker.alert.AlertRule;
import io.lsttracker.alert.AlertTransition;
import io.lsttracker.alert.OutboxDispatcher;
import io.lsttracker.alert.Webhook;
import io.lsttracker.chain.ChainReadException;
import io.lsttracker.chain.RetryPolicy;
import io.lsttracker.chain.RpcConnection;
import io.lsttracker.chain.Web3jChainReader;
import io.lsttracker.db.TestDatabases;
import io.lsttracker.domain.BlockSelector;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Address;

/** Outside answers are bounded in time and size: an RPC node that sends too much, a webhook receiver that trickles. */
class OutsideAnswerBoundsTest {

    @Test
    void anRpcAnswerOver64MibIsAFaultNotAFullHeap() throws Exception {
        byte[] spaces = " ".repeat(1 << 20).getBytes();
        try (RawHttpServer node = new RawHttpServer("Content-Type: application/json\r\n", out -> {
            for (int i = 0; i < 80; i++) { // 80 MiB of whitespace, then it would go on
                out.write(spaces);
            }
        }); RpcConnection rpc = RpcConnection.open(List.of(node.url()), new RetryPolicy(Duration.ofSeconds(20), 1,
                Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofMinutes(5)), null)) {
            ChainReadException e = assertThrows(ChainReadException.class, () -> new Web3jChainReader(rpc,
                    new Address("0xcA11bde05977b3631167028862bE2a173976CA11")).pin(BlockSelector.LATEST));
            assertTrue(e.getMessage().contains("a body larger than 67108864 bytes"), e.getMessage());
        }
    }

    @Test
    void aWebhookReceiverThatTricklesItsAnswerDoesNotHoldTheOutbox() throws Exception {
        try (TestDatabases.TestDatabase db = TestDatabases.h2();
                RawHttpServer receiver = new RawHttpServer("Content-Type: text/plain\r\n", out -> {
                    for (int i = 0; i < 600; i++) { // a byte every 100 ms: a minute of body
                        out.write('x');
                        out.flush();
                        Thread.sleep(100);
                    }
                })) {
            AlertRepository repository = db.bean(AlertRepository.class);
            AlertEvent event = new AlertEvent("3f0c1a52-0000-4000-8000-000000000001", "stale-data", AlertRule.Metric.STALE,
                    "tracker", AlertTransition.Kind.FIRING, new BigDecimal("3.5"), new BigDecimal("3"),
                    AlertRule.Direction.ABOVE, Instant.parse("2026-11-01T00:00:00Z"), Optional.empty(), "stale");
            repository.apply(new AlertRepository.Changes(Map.of(), List.of(event), Optional.empty()), List.of("slow"),
                    0);
            OutboxDispatcher outbox = new OutboxDispatcher(repository,
                    List.of(new Webhook("slow", URI.create(receiver.url()), Webhook.Format.GENERIC)),
                    Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofSeconds(2));
            long start = System.nanoTime();
            assertEquals(1, outbox.dispatch(Instant.now()), "a 200 is a delivery, whatever the body does after it");
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "the dispatch took " + took);
            assertEquals(0, repository.pending());
        }
    }
}
