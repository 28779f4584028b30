package io.lsttracker.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.devchain.Devchain;
import io.lsttracker.devchain.TestDevchain;
import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.BlockSelector;
import io.lsttracker.chain.FaultProxy.Fault;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.web3j.abi.datatypes.Address;

/**
 * The JSON-RPC client against the devchain through {@link FaultProxy}: every fault a retry can mend is mended
 * and the answer is exactly the devchain's; a fault that persists fails with a message naming the endpoint and
 * the fault; failover, resting, Retry-After and the chain id check.
 */
class RpcFaultTest {
    private static final Address MULTICALL3 = new Address("0xcA11bde05977b3631167028862bE2a173976CA11");
    /** Short waits so the suite stays fast; the shapes (attempts, rest, Retry-After) are the production ones. */
    private static final RetryPolicy FAST = new RetryPolicy(Duration.ofMillis(700), 4, Duration.ofMillis(20),
            Duration.ofMillis(100), Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofMinutes(5));

    private static Devchain devchain;
    private static BlockRef head;
    private FaultProxy first;
    private FaultProxy second;

    @BeforeAll
    static void start() {
        devchain = TestDevchain.shared();
        try (RpcConnection direct = RpcConnection.open(devchain.url(), Duration.ofSeconds(10))) {
            head = new Web3jChainReader(direct, MULTICALL3).pin(BlockSelector.LATEST);
        }
    }

    @BeforeEach
    void proxies() throws Exception {
        first = new FaultProxy(devchain.url()).delay(Duration.ofMillis(1500));
        second = new FaultProxy(devchain.url());
    }

    @AfterEach
    void close() {
        first.close();
        second.close();
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"DELAY", "DROP", "HTTP_500", "HTTP_503", "HTTP_429", "MALFORMED",
            "TRUNCATED", "CUT_CONNECTION"})
    void aPassingFaultIsRetriedAndTheAnswerIsTheChainsOwn(Fault fault) {
        try (RpcConnection rpc = RpcConnection.open(List.of(first.url()), FAST, 1L)) {
            rpc.checkChainIds(1);
            first.retryAfter(0).inject(fault, 2);
            BlockRef read = new Web3jChainReader(rpc, MULTICALL3).pin(new BlockSelector.Number(head.number()));
            assertEquals(head, read, "the block read through two faults is the devchain's block");
            assertEquals(2, first.faulted());
            assertEquals(2, rpc.retries(), "one retry per fault");
            assertEquals(3, rpc.httpRequests(), "each attempt is counted (metrics see the retries)");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"DROP", "HTTP_500", "MALFORMED", "TRUNCATED", "CUT_CONNECTION"})
    void aFaultThatPersistsFailsNamingTheEndpointAfterEveryAttempt(Fault fault) {
        try (RpcConnection rpc = RpcConnection.open(List.of(first.url()), FAST, 1L)) {
            rpc.checkChainIds(1);
            first.always(fault);
            ChainReadException e = assertThrows(ChainReadException.class,
                    () -> new Web3jChainReader(rpc, MULTICALL3).pin(BlockSelector.LATEST));
            assertTrue(e.getMessage().startsWith("cannot reach RPC endpoint "
                    + RedactedUrl.of(first.url())), e.getMessage());
            assertTrue(e.getMessage().contains("all 4 attempts failed"), e.getMessage());
            assertEquals(4, first.faulted(), "exactly max-attempts tries, no more");
        }
    }

    @Test
    void aFailingEndpointIsRestedAndTheNextOneAnswers() {
        try (RpcConnection rpc = RpcConnection.open(List.of(first.url(), second.url()), FAST, 1L)) {
            rpc.checkChainIds(1);
            first.always(Fault.HTTP_500);
            Web3jChainReader chain = new Web3jChainReader(rpc, MULTICALL3);
            for (int i = 0; i < 5; i++) {
                assertEquals(head, chain.pin(new BlockSelector.Number(head.number())));
            }
            assertEquals(1, first.faulted(), "after one failure the first endpoint rests (30 s) and is not asked again");
            assertEquals(1, rpc.failovers());
            assertTrue(second.requests() >= 5, "the second endpoint answered every read");
        }
    }

    @Test
    void aRestedEndpointIsTriedAgainOnceItsRestIsOver() throws Exception {
        RetryPolicy shortRest = new RetryPolicy(FAST.requestTimeout(), 4, FAST.backoffBase(), FAST.backoffMax(),
                Duration.ofMillis(300), FAST.maxRetryAfter(), FAST.chainIdRecheck());
        try (RpcConnection rpc = RpcConnection.open(List.of(first.url(), second.url()), shortRest, 1L)) {
            rpc.checkChainIds(1);
            first.inject(Fault.HTTP_500, 1);
            Web3jChainReader chain = new Web3jChainReader(rpc, MULTICALL3);
            chain.pin(BlockSelector.LATEST);
            int firstBefore = first.requests();
            chain.pin(BlockSelector.LATEST);
            assertEquals(firstBefore, first.requests(), "resting");
            Thread.sleep(400);
            assertEquals(head, chain.pin(new BlockSelector.Number(head.number())));
            assertTrue(first.requests() > firstBefore, "the preferred endpoint is used again after its rest");
        }
    }

    @Test
    void retryAfterIsHonouredBeforeTheSameEndpointIsAskedAgain() {
        try (RpcConnection rpc = RpcConnection.open(List.of(first.url()), FAST, 1L)) {
            rpc.checkChainIds(1);
            first.retryAfter(1).inject(Fault.HTTP_429, 1);
            long start = System.nanoTime();
            assertEquals(head, new Web3jChainReader(rpc, MULTICALL3).pin(new BlockSelector.Number(head.number())));
            long waited = System.nanoTime() - start;
            assertTrue(waited >= 1_000_000_000L, "waited the 1 s asked for, took " + waited / 1_000_000 + " ms");
            assertEquals(1, rpc.rateLimited());
        }
    }

    @Test
    void aRetryAfterLongerThanTheClientWaitsFailsAtOnce() {
        try (RpcConnection rpc = RpcConnection.open(List.of(first.url()), FAST, 1L)) {
            rpc.checkChainIds(1);
            first.retryAfter(3600).always(Fault.HTTP_429);
            ChainReadException e = assertThrows(ChainReadException.class,
                    () -> new Web3jChainReader(rpc, MULTICALL3).pin(BlockSelector.LATEST));
            assertTrue(e.getMessage().contains("asked to wait 3600 s (Retry-After), longer than the 5 s"), e.getMessage());
            assertEquals(1, first.faulted());
        }
    }

    @Test
    void aRateLimitedEndpointHandsOverToTheNextWithoutWaiting() {
        first.retryAfter(30).always(Fault.HTTP_429);
        try (RpcConnection rpc = RpcConnection.open(List.of(first.url(), second.url()), FAST, 1L)) {
            long start = System.nanoTime();
            assertEquals(head, new Web3jChainReader(rpc, MULTICALL3).pin(new BlockSelector.Number(head.number())));
            assertTrue(System.nanoTime() - start < 5_000_000_000L, "did not wait out the 30 s at the first endpoint");
        }
    }

    @Test
    void theStartUpCheckRefusesAnEndpointOnAnotherChain() {
        second.serveChainId(5L);
        try (RpcConnection rpc = RpcConnection.open(List.of(first.url(), second.url()), FAST, 1L)) {
            WrongChainException e = assertThrows(WrongChainException.class, () -> rpc.checkChainIds(1));
            assertEquals("RPC endpoint " + RedactedUrl.of(second.url()) + " serves chain id 5, but tracker.chain.chain-id (LST_CHAIN_ID)"
                    + " is 1: refusing to read another chain", e.getMessage());
        }
    }

    @Test
    void anEndpointThatSwitchesChainIsNeverReadFrom() {
        RetryPolicy recheckAlways = new RetryPolicy(FAST.requestTimeout(), 4, FAST.backoffBase(), FAST.backoffMax(),
                FAST.endpointRest(), FAST.maxRetryAfter(), Duration.ZERO);
        try (RpcConnection rpc = RpcConnection.open(List.of(first.url(), second.url()), recheckAlways, 1L)) {
            rpc.checkChainIds(1);
            Web3jChainReader chain = new Web3jChainReader(rpc, MULTICALL3);
            assertEquals(head, chain.pin(new BlockSelector.Number(head.number())));
            first.serveChainId(5L);
            assertEquals(head, chain.pin(new BlockSelector.Number(head.number())), "read from the second endpoint");
            second.serveChainId(10L);
            WrongChainException e = assertThrows(WrongChainException.class,
                    () -> chain.pin(new BlockSelector.Number(head.number())));
            assertTrue(e.getMessage().contains(RedactedUrl.of(first.url()) + " serves chain id 5")
                    && e.getMessage().contains(RedactedUrl.of(second.url()) + " serves chain id 10"), e.getMessage());
        }
    }

    /**
     * An endpoint switched to another chain in place, within the 5 minutes its chain id is trusted: the very next read
     * fails, told by the eth_chainId asked in the read's own batch (one HTTP request, as without the check), and
     * names the endpoint; that endpoint is then asked its chain id again before any use, so the next read goes to the
     * other endpoint. Before, the read answered with the other chain's state until the periodic check.
     */
    @Test
    void aChainIdSwitchInPlaceFailsTheVeryNextReadInItsOwnRequest() {
        ContractCall blockNumber = new ContractCall(MULTICALL3, org.web3j.utils.Numeric.hexStringToByteArray("0x42cbb15c"),
                "Multicall3.getBlockNumber()");
        try (RpcConnection rpc = RpcConnection.open(List.of(first.url(), second.url()), FAST, 1L)) {
            rpc.checkChainIds(1);
            Web3jChainReader chain = new Web3jChainReader(rpc, MULTICALL3);
            assertTrue(chain.aggregate(head, List.of(blockNumber)).get(0).success());
            long http = rpc.httpRequests();
            long calls = rpc.calls("eth_chainId");
            assertTrue(chain.aggregate(head, List.of(blockNumber)).get(0).success());
            assertEquals(1, rpc.httpRequests() - http, "a read is one HTTP request");
            assertEquals(1, rpc.calls("eth_chainId") - calls, "which asks the chain id too");

            first.serveChainId(5L);
            int before = first.requests();
            WrongChainException e = assertThrows(WrongChainException.class,
                    () -> chain.aggregate(head, List.of(blockNumber)));
            assertEquals(1, first.requests() - before, "caught in the read's own request");
            assertTrue(e.getMessage().contains(RedactedUrl.of(first.url()) + " serves chain id 5, but "
                    + "tracker.chain.chain-id (LST_CHAIN_ID) is 1"), e.getMessage());
            assertTrue(e.getMessage().contains("at block " + head.number()), e.getMessage());

            int secondBefore = second.requests();
            assertTrue(chain.aggregate(head, List.of(blockNumber)).get(0).success());
            assertEquals(2, first.requests() - before, "since the read it failed, the first endpoint was only asked "
                    + "its chain id (ChainIdProbe), and not used");
            assertTrue(second.requests() > secondBefore, "the read went to the second endpoint");
        }
    }

    @Test
    void aRevertIsAnAnswerNotAFault() {
        try (RpcConnection rpc = RpcConnection.open(List.of(first.url(), second.url()), FAST, 1L)) {
            rpc.checkChainIds(1);
            first.always(Fault.REVERT);
            ChainReadException e = assertThrows(ChainReadException.class,
                    () -> new Web3jChainReader(rpc, MULTICALL3).pin(BlockSelector.LATEST));
            assertTrue(e.getMessage().contains("execution reverted (code 3)"), e.getMessage());
            assertEquals(0, rpc.retries(), "a JSON-RPC error is the node's answer: not retried elsewhere");
            assertEquals(1, second.requests(), "the second endpoint saw only its start-up chain id probe");
        }
    }
}
