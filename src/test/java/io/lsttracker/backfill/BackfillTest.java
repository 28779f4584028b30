package io.lsttracker.backfill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.chain.ArchiveNodeRequiredException;
import io.lsttracker.chain.ChainReader;
import io.lsttracker.chain.FaultProxy;
import io.lsttracker.chain.FaultProxy.Fault;
import io.lsttracker.chain.RpcConnection;
import io.lsttracker.devchain.Devchain;
import io.lsttracker.devchain.TestDevchain;
import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.BlockSelector;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Snapshot;
import io.lsttracker.snapshot.SnapshotListener;
import io.lsttracker.snapshot.SnapshotService;
import io.lsttracker.snapshot.HistoryPoint;
import io.lsttracker.snapshot.SnapshotStore;
import io.lsttracker.snapshot.StoredBlocks;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Backfills against the devchain (a real archive node) into a real H2 database, through the real beans. */
class BackfillTest {
    private static Devchain devchain;

    @BeforeAll
    static void start() {
        devchain = TestDevchain.shared();
    }

    /** The tracker's beans as `backfill` builds them, against {@code rpcUrl}, with a fresh in-memory H2. */
    private static ApplicationContext context(String rpcUrl, Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("tracker.chain.rpc-url", rpcUrl);
        properties.put("tracker.confirmations", 0);
        properties.put("datasources.default.url", "jdbc:h2:mem:bf_" + UUID.randomUUID().toString().replace("-", "")
                + ";DB_CLOSE_DELAY=-1");
        properties.putAll(extra);
        return ApplicationContext.builder().environments("server").deduceEnvironment(false).banner(false)
                .properties(properties).start();
    }

    /** Ten daily points at 00:00 UTC, ending on the devchain's last midnight. */
    private static BackfillRequest tenDays() {
        Instant lastMidnight = Instant.ofEpochSecond(Math.floorDiv(devchain.headTimestamp(), 86_400) * 86_400);
        return new BackfillRequest(lastMidnight.minus(Duration.ofDays(9)), lastMidnight, Duration.ofDays(1));
    }

    @Test
    void storesTheFirstBlockAtOrAfterEachPointAsTheLiveSnapshotOfThatBlock() {
        try (ApplicationContext context = context(devchain.url(), Map.of("tracker.backfill.batch-size", 4))) {
            List<Snapshot> heard = new CopyOnWriteArrayList<>();
            context.registerSingleton(SnapshotListener.class, (snapshot, outcome) -> heard.add(snapshot));
            RpcConnection rpc = context.getBean(RpcConnection.class);
            BackfillRequest request = tenDays();

            BackfillReport report = context.getBean(Backfill.class).run(request, p -> { });

            assertEquals(10, report.points());
            assertEquals(10, report.blocks(), "daily points on a chain with blocks hours apart fall on distinct blocks");
            assertEquals(10, report.stored());
            assertEquals(0, report.failedPoolReadings());
            ChainReader chain = context.getBean(ChainReader.class);
            SnapshotService live = context.getBean(SnapshotService.class);
            SnapshotStore store = context.getBean(SnapshotStore.class);
            assertEquals(10, heard.size(), "every stored snapshot went through the recorder to its listeners");
            List<Instant> points = request.points();
            for (int i = 0; i < points.size(); i++) {
                BlockRef block = heard.get(i).block();
                long t = points.get(i).getEpochSecond();
                BlockRef before = chain.pin(new BlockSelector.Number(block.number() - 1));
                assertTrue(block.timestamp().getEpochSecond() >= t && before.timestamp().getEpochSecond() < t,
                        "point " + points.get(i) + " -> block " + block);
                Snapshot expected = live.take(new BlockSelector.Number(block.number()));
                assertEquals(expected, heard.get(i));
                for (PoolState pool : expected.pools()) {
                    List<HistoryPoint> stored = store.history(pool.id(), block.timestamp(),
                            block.timestamp().plusSeconds(1), Duration.ofSeconds(1));
                    assertEquals(List.of(new HistoryPoint(block.number(), block.timestamp(), pool.ethPerToken(),
                            pool.totalEth(), pool.tokenSupply())), stored);
                }
            }
        }
    }

    @Test
    void batchesManyPointsPerRequestAndASecondRunReadsNothingAgain() {
        try (ApplicationContext context = context(devchain.url(), Map.of("tracker.backfill.batch-size", 50))) {
            RpcConnection rpc = context.getBean(RpcConnection.class);
            Backfill backfill = context.getBean(Backfill.class);
            BackfillRequest request = tenDays();
            long http0 = rpc.httpRequests();
            // eth_calls per HTTP request: the batched reads are the requests that carry several
            List<Long> callsPerRequest = new CopyOnWriteArrayList<>();
            rpc.observe((methods, nanos, ok) -> callsPerRequest.add(
                    methods.stream().filter("eth_call"::equals).count()));
            BackfillReport first = backfill.run(request, p -> { });
            long firstHttp = rpc.httpRequests() - http0;
            // chainId + pin latest + header requests + the RocketStorage look-up + the batched reads of all ten, then
            // the reward-event indexing once for the whole batch (not per point): one eth_getLogs page per event
            // source (Lido, Rocket Pool) and the look-up of the RocketNetworkBalances that emits the events. The first
            // indexing also asks RocketStorage at the range's start (block 0, before the devchain placed it) and
            // searches for the block from which it names the emitter: a pin and a call per probe, a binary search
            // (about log2 of the head's number), never one per block.
            // The liquidity reads ride in the same multicalls; the ten blocks' multicalls (over 100 KB of JSON each,
            // most of it the markets' get_dy ladders) take two JSON-RPC batches under the 1 MiB cap of one. The time of
            // Lido's oldest unfinalized withdrawal request is asked in a follow-up at each block whose oldest request is
            // not yet known (the cache is filled by the answers, so every such block of one read asks): one more
            // eth_call per such block, all in one more request.
            long requestTimes = blocksWithUnfinalizedRequests(
                    context.getBean(StoredBlocks.class).hashesBetween(0, Long.MAX_VALUE).keySet());
            long batched = callsPerRequest.stream().filter(n -> n > 1).count();
            assertEquals(2 + (requestTimes > 0 ? 1 : 0), batched, "requests carrying several eth_calls: "
                    + callsPerRequest);
            long probes = rpc.calls("eth_call") - (10 + 1 + 1 + requestTimes);
            assertTrue(probes >= 1 && probes <= 34,
                    probes + " emitter probes: " + rpc.callsByMethod());
            assertEquals(2 + first.blockSearch().requests() + 1 + batched + 3 + 2 * probes, firstHttp,
                    rpc.callsByMethod() + ", eth_calls per request " + callsPerRequest);
            assertEquals(2, rpc.calls("eth_getLogs"), "events indexed once per batch");

            List<BackfillProgress> seen = new ArrayList<>();
            long calls0 = rpc.calls("eth_call");
            BackfillReport second = backfill.run(request, seen::add);
            assertEquals(0, second.stored());
            assertEquals(10, second.alreadyStored());
            assertEquals(calls0, rpc.calls("eth_call"), "stored points are skipped without reading them");
            BackfillProgress last = seen.get(seen.size() - 1);
            assertEquals(new BackfillProgress(10, 10, 0, 10, 0, last.elapsed()), last);
        }
    }

    @Test
    void pointsAfterTheHeadAreCountedNotStored() {
        try (ApplicationContext context = context(devchain.url(), Map.of())) {
            Instant head = Instant.ofEpochSecond(devchain.headTimestamp());
            BackfillRequest request = new BackfillRequest(head.minus(Duration.ofHours(2)), head.plus(Duration.ofHours(3)),
                    Duration.ofHours(1));
            BackfillReport report = context.getBean(Backfill.class).run(request, p -> { });
            // points at head-2h, head-1h, head, head+1h, head+2h, head+3h: the last three have no block yet
            // (head itself is the head block's own time, so it is stored)
            assertEquals(6, report.points());
            assertEquals(3, report.afterHead());
        }
    }

    @Test
    void aNodeWithoutArchiveStateGetsAClearErrorAndNothingIsStored() throws Exception {
        // A pruned geth answers eth_call at an old block with "missing trie node"; everything else is real.
        try (FaultProxy pruned = new FaultProxy(devchain.url()).always(Fault.PRUNED_STATE);
                ApplicationContext context = context(pruned.url(), Map.of())) {
            // (Only batched answers are altered: the one-off RocketStorage look-up, a single eth_call, passes, so
            // the pruned answer is met by the batch of reads, after which nothing may be stored.)
            ArchiveNodeRequiredException e = assertThrows(ArchiveNodeRequiredException.class,
                    () -> context.getBean(Backfill.class).run(tenDays(), p -> { }));
            assertTrue(e.getMessage().contains("missing trie node"), e.getMessage());
            assertTrue(e.getMessage().contains("needs an archive node"), e.getMessage());
            assertEquals(Map.of(), context.getBean(StoredBlocks.class).hashesBetween(0, Long.MAX_VALUE));
        }
    }

    @Test
    void a429SlowsTheBackfillDownForRetryAfterAndItStillCompletes() throws Exception {
        // The fourth request, with the backfill under way, is rate limited with Retry-After: 1.
        try (FaultProxy limited = new FaultProxy(devchain.url()).retryAfter(1).injectAfter(3, Fault.HTTP_429, 1);
                ApplicationContext context = context(limited.url(), Map.of("tracker.backfill.batch-size", 3))) {
            long start = System.nanoTime();
            BackfillReport report = context.getBean(Backfill.class).run(tenDays(), p -> { });
            assertEquals(10, report.stored());
            assertEquals(1, context.getBean(RpcConnection.class).rateLimited());
            assertEquals(1, limited.faulted());
            assertTrue(System.nanoTime() - start >= 1_000_000_000L, "waited the second Retry-After asked for");
        }
    }
    /**
     * How many of {@code blocks} have an unfinalized request in Lido's withdrawal queue, from the devchain's own
     * record of the queue: the blocks of one batch at which the tracker asks for the oldest request's time.
     */
    private static long blocksWithUnfinalizedRequests(Set<Long> blocks) {
        return blocks.stream().filter(block -> devchain.withdrawalQueueStates().stream()
                .filter(q -> q.block() <= block).reduce((a, b) -> b)
                .filter(q -> q.lastFinalizedRequestId() < q.lastRequestId()).isPresent()).count();
    }
}
