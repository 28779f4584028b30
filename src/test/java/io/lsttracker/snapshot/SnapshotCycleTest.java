package io.lsttracker.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.chain.FakeChain;
import io.lsttracker.pool.PoolDefinition;
import io.lsttracker.pool.PoolRegistry;
import io.lsttracker.domain.PoolId;
import io.lsttracker.domain.Protocol;
import io.lsttracker.pool.LidoAdapter;
import io.lsttracker.pool.PoolAdapters;
import io.lsttracker.db.TestDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Address;

/** The live cycle against a scripted chain ({@link FakeChain}) and a real H2 store. */
class SnapshotCycleTest {
    private static final PoolDefinition LIDO = new PoolDefinition(new PoolId("lido"), "Lido", Protocol.LIDO, "stETH",
            Map.of("steth", new Address("0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84"),
                    "wsteth", new Address("0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0")));

    /** Every view call answers with this rate (getBeaconStat with it three times). */
    private BigInteger rate = new BigInteger("1200000000000000000");
    private final FakeChain chain = new FakeChain(Instant.ofEpochSecond(1_700_000_000L)).answer(call ->
            call.label().endsWith("getBeaconStat") ? FakeChain.words(rate, rate, rate) : FakeChain.words(rate));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private TestDatabases.TestDatabase database;
    private SnapshotStore store;
    private SnapshotCycle cycle;
    /** The blocks from which listeners were told to forget derived figures. */
    private final List<Long> rewound = new java.util.ArrayList<>();
    private final SnapshotListener rewinds = new SnapshotListener() {
        @Override
        public void recorded(io.lsttracker.domain.Snapshot snapshot, SnapshotStore.SaveOutcome outcome) {
        }

        @Override
        public void reorganised(long fromBlock) {
            rewound.add(fromBlock);
        }
    };

    @BeforeEach
    void setUp() {
        database = TestDatabases.h2();
        store = database.bean(JdbcSnapshotStore.class);
        SnapshotService service = new SnapshotService(chain, new PoolRegistry("test", List.of(LIDO)),
                new PoolAdapters(List.of(new LidoAdapter())));
        cycle = new SnapshotCycle(chain, service, store, new SnapshotRecorder(store, List.of(rewinds)),
                new ReorgCheck(chain, database.bean(io.lsttracker.snapshot.StoredBlocks.class), 128), meters, 2);
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void aHeadThatWentBackwardsFailsTheCycleWithTheReasonUntilTheChainIsPastTheStoredHead() {
        chain.head(100);
        assertEquals(SnapshotCycle.Outcome.STORED, cycle.runOnce());
        var success = cycle.status().lastSuccess();
        chain.head(40); // resynced from scratch
        assertEquals(SnapshotCycle.Outcome.FAILED, cycle.runOnce());
        assertEquals("the chain's head 40 is below the stored head 98: the node went backwards (resynced, or another "
                + "chain); nothing is stored until it is past block 98 again", cycle.status().lastFailure().orElseThrow());
        assertEquals(success, cycle.status().lastSuccess(), "not a success: the stale-data alert can fire");
        assertEquals(1.0, meters.get("lst.snapshot.cycles").tag("outcome", "failed").counter().count());
        assertEquals(98, store.head().orElseThrow().number(), "nothing stored or removed");
        chain.head(98); // caught up to the stored head: an ordinary cycle with nothing new
        assertEquals(SnapshotCycle.Outcome.UNCHANGED, cycle.runOnce());
    }

    @Test
    void storesTheBlockConfirmationsBehindTheHeadOnce() {
        chain.head(100);
        assertEquals(SnapshotCycle.Outcome.STORED, cycle.runOnce());
        assertEquals(98, store.head().orElseThrow().number());
        assertEquals(SnapshotCycle.Outcome.UNCHANGED, cycle.runOnce(), "no new block: nothing to do");
        chain.head(101);
        assertEquals(SnapshotCycle.Outcome.STORED, cycle.runOnce());
        assertEquals(99, store.head().orElseThrow().number());
        assertEquals(2.0, meters.get("lst.snapshot.cycles").tag("outcome", "stored").counter().count());
        assertEquals(1.0, meters.get("lst.snapshot.cycles").tag("outcome", "unchanged").counter().count());
        assertTrue(cycle.status().lastSuccess().isPresent());
    }

    @Test
    void aReorgedStoredHeadIsReadAgainAndReplaced() {
        chain.head(100);
        cycle.runOnce();
        String stored = store.head().orElseThrow().hash();
        chain.replace(98, FakeChain.hash(98, "b")); // block 98 is now another block
        rate = new BigInteger("1200000000000000007");
        assertEquals(SnapshotCycle.Outcome.REPLACED, cycle.runOnce());
        assertEquals(FakeChain.hash(98, "b"), store.head().orElseThrow().hash());
        assertTrue(!stored.equals(store.head().orElseThrow().hash()));
        assertEquals(rate, store.latest().orElseThrow().pools().get(0).ethPerToken(), "read again, not copied");
        // Only block 98 is stored and none below it matches: forgotten from the reorg depth's floor, 98 - 128.
        assertEquals(List.of(0L), rewound);
    }

    @Test
    void aReorgDeeperThanTheStoredHeadReplacesEveryOrphanedBlockBackToTheForkPoint() {
        for (long head = 100; head <= 104; head++) {
            chain.head(head);
            cycle.runOnce(); // stores 98..102
        }
        // A reorg from block 101 on: 101 and 102 are other blocks, 100 and below are not.
        chain.replace(101, FakeChain.hash(101, "b"));
        chain.replace(102, FakeChain.hash(102, "b"));
        assertEquals(SnapshotCycle.Outcome.REPLACED, cycle.runOnce());
        var hashes = database.bean(io.lsttracker.snapshot.StoredBlocks.class).hashesBetween(98, 102);
        assertEquals(5, hashes.size(), "replaced in place, no duplicate");
        assertEquals(FakeChain.hash(101, "b"), hashes.get(101L));
        assertEquals(FakeChain.hash(102, "b"), hashes.get(102L));
        assertEquals(FakeChain.hash(100, "a"), hashes.get(100L), "the fork point and older blocks are untouched");
        assertEquals(List.of(101L), rewound, "derived figures are forgotten from the block after the fork point");
        assertEquals(SnapshotCycle.Outcome.UNCHANGED, cycle.runOnce(), "once replaced, the head is canonical");
    }

    @Test
    void aReorgDeeperThanTheDepthIsCountedAndLogged() {
        SnapshotService service = new SnapshotService(chain, new PoolRegistry("test", List.of(LIDO)),
                new PoolAdapters(List.of(new LidoAdapter())));
        SnapshotCycle shallow = new SnapshotCycle(chain, service, store, new SnapshotRecorder(store, List.of(rewinds)),
                new ReorgCheck(chain, database.bean(io.lsttracker.snapshot.StoredBlocks.class), 2), meters, 2);
        for (long head = 100; head <= 104; head++) {
            chain.head(head);
            shallow.runOnce(); // stores 98..102
        }
        // Blocks 99 to 102 replaced: with a depth of 2 only 100..102 are looked at, none is canonical, and 98 and
        // 99 are stored below them.
        for (long b = 99; b <= 102; b++) {
            chain.replace(b, FakeChain.hash(b, "b"));
        }
        assertEquals(SnapshotCycle.Outcome.REPLACED, shallow.runOnce());
        assertEquals(1.0, meters.get("lst.snapshot.reorg.too.deep").counter().count());
        assertEquals(FakeChain.hash(100, "b"), database.bean(io.lsttracker.snapshot.StoredBlocks.class)
                .hashesBetween(100, 100).get(100L), "what the depth covers is replaced");
    }

    @Test
    void aReorgWithinTheDepthIsNotTooDeep() {
        for (long head = 100; head <= 104; head++) {
            chain.head(head);
            cycle.runOnce();
        }
        chain.replace(102, FakeChain.hash(102, "b"));
        assertEquals(SnapshotCycle.Outcome.REPLACED, cycle.runOnce());
        assertEquals(0.0, meters.get("lst.snapshot.reorg.too.deep").counter().count());
    }

    @Test
    void aFailedCycleIsCountedAndTouchesNothing() {
        chain.head(100);
        cycle.runOnce();
        var before = store.latest().orElseThrow();
        chain.down("cannot reach RPC endpoint http://127.0.0.1:1 (eth_getBlockByNumber): refused");
        chain.head(110);
        assertEquals(SnapshotCycle.Outcome.FAILED, cycle.runOnce());
        assertEquals(before, store.latest().orElseThrow());
        assertEquals(1.0, meters.get("lst.snapshot.cycles").tag("outcome", "failed").counter().count());
        assertTrue(cycle.status().lastFailure().orElseThrow().startsWith("cannot reach RPC endpoint"));
        chain.up();
        assertEquals(SnapshotCycle.Outcome.STORED, cycle.runOnce(), "the next cycle tries again");
        assertEquals(108, store.head().orElseThrow().number());
    }

    @Test
    void aFreshChainShorterThanTheConfirmationsStoresBlockZero() {
        chain.head(1);
        assertEquals(SnapshotCycle.Outcome.STORED, cycle.runOnce());
        assertEquals(0, store.head().orElseThrow().number());
    }
}
