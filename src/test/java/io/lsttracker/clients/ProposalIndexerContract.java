package io.lsttracker.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.lsttracker.beacon.BeaconClient;
import io.lsttracker.clients.ClientWindows.Report;
import io.lsttracker.clients.ClientWindows.Window;
import io.lsttracker.db.TestDatabases;
import io.lsttracker.entity.ValidatorEntities;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The proposal reading on one database (H2 and PostgreSQL run the same cases), against a small real HTTP server
 * standing in for a beacon node: blocks with graffiti written the way clients write it, a missed slot, a node that
 * fails mid-run.
 */
abstract class ProposalIndexerContract {
    private TestDatabases.TestDatabase db;
    private ProposalStore store;
    private ClientWindows windows;
    private HttpServer node;
    private final Map<Long, String> blocks = new ConcurrentHashMap<>();
    private final AtomicReference<Long> finalized = new AtomicReference<>();
    private final AtomicInteger failAt = new AtomicInteger(-1);
    private final AtomicInteger requests = new AtomicInteger();

    abstract TestDatabases.TestDatabase open();

    @BeforeEach
    void start() throws IOException {
        db = open();
        store = db.bean(ProposalStore.class);
        windows = new ClientWindows(store);
        node = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        node.createContext("/eth/v1/beacon/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body;
            int status = 200;
            if (path.endsWith("/genesis")) {
                body = "{\"data\":{\"genesis_time\":\"1606824023\"}}";
            } else if (path.endsWith("/headers/finalized")) {
                body = "{\"data\":{\"header\":{\"message\":{\"slot\":\"" + finalized.get() + "\"}}}}";
            } else {
                requests.incrementAndGet();
                long slot = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
                if (slot == failAt.get()) {
                    status = 500;
                    body = "{\"code\":500,\"message\":\"internal error\"}";
                } else if (blocks.containsKey(slot)) {
                    body = blocks.get(slot);
                } else {
                    status = 404;
                    body = "{\"code\":404,\"message\":\"NOT_FOUND: beacon block at slot " + slot + "\"}";
                }
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        node.start();
    }

    @AfterEach
    void stop() {
        node.stop(0);
        db.close();
    }

    private void block(long slot, long proposer, String graffiti) {
        byte[] bytes = new byte[32];
        byte[] text = graffiti.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(text, 0, bytes, 0, text.length);
        blocks.put(slot, "{\"version\":\"electra\",\"data\":{\"message\":{\"slot\":\"" + slot + "\",\"proposer_index\":\""
                + proposer + "\",\"body\":{\"randao_reveal\":\"0x00\",\"graffiti\":\"0x"
                + HexFormat.of().formatHex(bytes) + "\",\"attestations\":[]}},\"signature\":\"0x00\"}}");
    }

    private ProposalIndexer indexer(Optional<ValidatorEntities> attribution, int slotsPerCycle, int lookbackDays) {
        return new ProposalIndexer(new BeaconClient("http://127.0.0.1:" + node.getAddress().getPort(),
                Duration.ofSeconds(5)), () -> attribution, store, windows,
                new ClientsSettings(true, lookbackDays, slotsPerCycle, 3), Clock.systemUTC());
    }

    /** Validators 0-2 Lido, 3-4 Kraken, 5 unidentified; 6 is newer than the reading. */
    private static Optional<ValidatorEntities> attribution() {
        ValidatorEntities.Builder b = new ValidatorEntities.Builder();
        b.put(0, "lido");
        b.put(1, "lido");
        b.put(2, "lido");
        b.put(3, "kraken");
        b.put(4, "kraken");
        b.put(5, "unidentified");
        return Optional.of(b.build(100));
    }

    @Test
    void readsEachFinalizedSlotOnceAndCountsPerEntity() {
        // One day of lookback ends at the finalized slot 7,299: the first run starts at 100.
        finalized.set(7_299L);
        block(100, 0, "GE168dLH63af");          // lido: lighthouse + geth
        block(101, 1, "NM16PR63 lido node");    // lido: prysm + nethermind
        block(102, 2, "Lighthouse/v7.0.0");     // lido: lighthouse by name
        // 103 missed
        block(104, 3, "Kraken");                // kraken: nothing said
        block(105, 4, "teku/v25.1.0");          // kraken: teku by name
        block(106, 5, "rETH maxi");             // unidentified: nothing said (not Reth)
        block(107, 6, "LSabcd");                // a validator newer than the reading: unidentified, lodestar
        ProposalIndexer indexer = indexer(attribution(), 5, 1);
        assertEquals(ProposalIndexer.Outcome.READ, indexer.runOnce());
        assertEquals(Optional.of(104L), store.lastSlot()); // 5 slots a run: 100..104
        assertEquals(ProposalIndexer.Outcome.READ, indexer.runOnce());
        assertEquals(Optional.of(109L), store.lastSlot());
        assertEquals(10, requests.get());

        Report week = windows.report(Window.D7).orElseThrow();
        // 7 days before 109 reach before slot 0: the window starts at 0 and 10 of its 110 slots are read.
        assertEquals(0, week.fromSlot());
        assertEquals(109, week.toSlot());
        assertEquals(10, week.slotsRead());
        assertFalse(week.complete());
        assertEquals(3, week.missed()); // 103, 108, 109
        assertEquals(7, week.network().blocks());
        assertEquals(5, week.network().consensus().identified());
        assertEquals(Client.LIGHTHOUSE, week.network().consensus().majority().orElseThrow().client());
        assertEquals("0.400000000000000000", week.network().consensus().majority().orElseThrow().share()
                .toPlainString()); // 2 of 5
        assertEquals(2, week.network().execution().identified()); // geth, nethermind
        var lido = week.entities().get("lido");
        assertEquals(3, lido.blocks());
        assertEquals(3, lido.consensus().identified());
        assertEquals("0.666666666666666667", lido.consensus().majority().orElseThrow().share().toPlainString());
        assertTrue(lido.consensus().majorityAboveOneThird());
        assertFalse(lido.consensus().majorityAboveTwoThirds()); // exactly 2/3
        var kraken = week.entities().get("kraken");
        assertEquals(2, kraken.blocks());
        assertEquals("0.500000000000000000", kraken.consensus().identifiedShare().orElseThrow().toPlainString());
        var unidentified = week.entities().get("unidentified");
        assertEquals(2, unidentified.blocks());
        assertEquals(Client.LODESTAR, unidentified.consensus().majority().orElseThrow().client());
        assertEquals("lido", week.entities().keySet().iterator().next()); // most blocks first
    }

    @Test
    void aFailedSlotKeepsTheSlotsBeforeItAndTheNextRunResumesThere() {
        finalized.set(7_209L); // one day back: from slot 10
        for (long s = 10; s < 20; s++) {
            block(s, 0, "GE168dLH63af");
        }
        failAt.set(14);
        ProposalIndexer indexer = indexer(attribution(), 10, 1);
        assertEquals(ProposalIndexer.Outcome.FAILED, indexer.runOnce());
        assertTrue(indexer.status().message().orElseThrow().contains("slot 14 could not be read"),
                indexer.status().message().orElseThrow());
        assertTrue(indexer.status().message().orElseThrow().contains("HTTP 500"));
        assertEquals(Optional.of(13L), store.lastSlot());
        failAt.set(-1);
        assertEquals(ProposalIndexer.Outcome.READ, indexer.runOnce());
        assertEquals(Optional.of(23L), store.lastSlot());
        Report day = windows.report(Window.D1).orElseThrow();
        assertEquals(10, day.network().blocks()); // 10..19; 20..23 missed
        assertEquals(4, day.missed());
    }

    @Test
    void waitsForAnEntityReadingAndReadsOnlyFinalizedSlots() {
        finalized.set(50L);
        assertEquals(Optional.empty(), windows.report(Window.D30));
        assertEquals(ProposalIndexer.Outcome.WAITING, indexer(Optional.empty(), 10, 1).runOnce());
        assertEquals(0, requests.get());
        ProposalIndexer indexer = indexer(attribution(), 100, 1);
        assertEquals(ProposalIndexer.Outcome.READ, indexer.runOnce());
        assertEquals(Optional.of(50L), store.lastSlot());
        assertEquals(ProposalIndexer.Outcome.UP_TO_DATE, indexer.runOnce());
        assertEquals(51, requests.get());
    }
}
