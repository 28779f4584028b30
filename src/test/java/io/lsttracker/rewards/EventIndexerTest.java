package io.lsttracker.rewards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.chain.ChainReadException;
import io.lsttracker.chain.EventLog;
import io.lsttracker.chain.FakeChain;
import io.lsttracker.pool.PoolDefinition;
import io.lsttracker.pool.PoolRegistry;
import io.lsttracker.domain.PoolId;
import io.lsttracker.domain.Protocol;
import io.lsttracker.db.TestDatabases;
import java.time.Instant;
import java.util.function.LongFunction;
import java.util.Optional;
import java.util.ArrayList;
import java.math.BigInteger;
import io.lsttracker.rewards.EventSources.KnownEmitter;
import io.lsttracker.rewards.EventSources.EmitterRange;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Address;

/** Paging, cursors, failures and Rocket Pool's upgrades in event indexing, with the fake chain ({@link FakeChain}) and a real H2 store. */
class EventIndexerTest {
    private static final Address STETH = new Address("0xae7ab96520de3a18e5e111b5eaab095312d7fe84");
    private static final PoolRegistry LIDO_ONLY = new PoolRegistry("test", List.of(new PoolDefinition(
            new PoolId("lido"), "Lido", Protocol.LIDO, "stETH",
            Map.of("steth", STETH, "wsteth", new Address("0x7f39c581f595b53c5cb19bd0b3f8da6c935e2ca0")))));

    /** Lido's emitter is its stETH address: the indexer reads only logs, never a block or a call. */
    private final FakeChain chain = new FakeChain(Instant.ofEpochSecond(1_700_000_000L));

    private TestDatabases.TestDatabase database;
    private RewardStore store;

    @BeforeEach
    void open() {
        database = TestDatabases.h2();
        store = database.bean(JdbcRewardStore.class);
    }

    @AfterEach
    void close() {
        database.close();
    }

    /** TokenRebased logs of stETH at these blocks (their data is not decoded here). */
    private void logsAt(long... blocks) {
        for (long b : blocks) {
            chain.log(new EventLog(STETH.toString(), b, "0x" + String.format("%064x", b), 0,
                    List.of(RewardEvent.TOKEN_REBASED.topic0(), String.format("0x%064x", b)), "0x" + "00".repeat(6 * 32)));
        }
    }

    private EventIndexer indexer(RewardSettings settings) {
        return new EventIndexer(LIDO_ONLY, chain, chain, store, settings);
    }

    private List<String> ranges() {
        List<FakeChain.LogRange> asked = chain.logRanges();
        assertTrue(asked.stream().allMatch(r -> r.address().equals(STETH)
                && r.topic0().equals(RewardEvent.TOKEN_REBASED.topic0())), asked.toString());
        assertEquals(0, chain.pins(), "no block read");
        assertEquals(List.of(), chain.multicalls(), "no call read");
        return asked.stream().map(r -> r.fromBlock() + "-" + r.toBlock()).toList();
    }

    @Test
    void readsInPagesFromTheLookbackThenOnlyWhatIsNew() {
        logsAt(7_345L, 9_000L, 12_345L, 12_400L);
        EventIndexer indexer = indexer(new RewardSettings(1000L, 5000L));
        assertEquals(3, indexer.indexUpTo(chain.block(12_345)));
        // 12,345 - 5,000 = 7,345 to 12,345: five pages of 1,000 blocks and a last one of a single block
        assertEquals(List.of("7345-8344", "8345-9344", "9345-10344", "10345-11344", "11345-12344", "12345-12345"),
                ranges());
        chain.clearRecords();
        assertEquals(0, indexer.indexUpTo(chain.block(12_345)), "nothing is read twice");
        assertEquals(List.of(), ranges());
        assertEquals(1, indexer.indexUpTo(chain.block(12_500)));
        assertEquals(List.of("12346-12500"), ranges());
        assertEquals(List.of(7_345L, 9_000L, 12_345L, 12_400L),
                store.events(new PoolId("lido"), "TokenRebased").stream().map(EventLog::blockNumber).toList());
    }

    @Test
    void aFailedPageKeepsWhatWasStoredAndTheNextRunGoesOnFromThere() {
        logsAt(150L, 450L);
        chain.failLogsFrom(300L, "eth_getLogs failed: query returned more than 10000 results");
        EventIndexer indexer = indexer(new RewardSettings(100L, 1_000_000L));
        ChainReadException e = assertThrows(ChainReadException.class, () -> indexer.indexUpTo(chain.block(499)));
        assertTrue(e.getMessage().contains("more than 10000 results"), e.getMessage());
        assertEquals(java.util.Optional.of(299L), store.cursor(new PoolId("lido"), "TokenRebased"));
        chain.failLogsFrom(null, null);
        chain.clearRecords();
        indexer.indexUpTo(chain.block(499));
        assertEquals(List.of("300-399", "400-499"), ranges());
        assertEquals(List.of(150L, 450L),
                store.events(new PoolId("lido"), "TokenRebased").stream().map(EventLog::blockNumber).toList());
    }

    @Test
    void badPageSettingsAreRefusedNamingTheKey() {
        Exception e = assertThrows(RuntimeException.class, () -> new RewardSettings(0L, null));
        assertTrue(e.getMessage().startsWith("tracker.rewards.page-blocks"), e.getMessage());
        e = assertThrows(RuntimeException.class, () -> new RewardSettings(2000L, -1L));
        assertTrue(e.getMessage().startsWith("tracker.rewards.lookback-blocks"), e.getMessage());
    }


    // Rocket Pool's report events across upgrades of RocketNetworkBalances: RocketStorage names a new contract
    // from the upgrade's block on, and the events before it came from the old one. Both must be indexed.

    private static final Address STORAGE = new Address("0x1d8f8f00cfa6758d7be78336684788fb0ee0fa46");
    private static final Address HOUSTON = new Address("0x00000000000000000000000000000000000b0001");
    private static final Address SATURN = new Address("0x00000000000000000000000000000000000b0002");
    private static final PoolDefinition ROCKETPOOL = new PoolDefinition(new PoolId("rocketpool"), "Rocket Pool",
            Protocol.ROCKETPOOL, "rETH", Map.of("reth", new Address("0xae78736cd615f374d3085123a210448e74fc6393"),
                    "storage", STORAGE));

    @Test
    void aRangeWhoseEndsAgreeHasOneEmitterAndChangesAreFoundByBinarySearch() {
        // Houston from block 0, Saturn from block 600 (the upgrade), none before block 100 (not deployed yet)
        List<Long> probes = new ArrayList<>();
        LongFunction<Address> at = block -> {
            probes.add(block);
            return block < 100 ? null : block < 600 ? HOUSTON : SATURN;
        };
        assertEquals(List.of(new EmitterRange(SATURN, 700, 1_000)),
                EventSources.ranges(at, 700, 1_000, SATURN, Optional.empty()));
        assertEquals(List.of(700L), probes, "one look-up at the start when the ends agree");

        probes.clear();
        assertEquals(List.of(new EmitterRange(null, 0, 99), new EmitterRange(HOUSTON, 100, 599),
                new EmitterRange(SATURN, 600, 1_000)), EventSources.ranges(at, 0, 1_000, SATURN, Optional.empty()));
        // a binary search per change: about log2(1,000) look-ups each, never one per block
        assertTrue(probes.size() <= 2 * 11 + 3, probes.toString());

        probes.clear();
        // what the indexer saw last time (Houston at block 599) saves the look-up at the start, and an upgrade at
        // the very first block of the range is found
        assertEquals(List.of(new EmitterRange(SATURN, 600, 1_000)),
                EventSources.ranges(at, 600, 1_000, SATURN, Optional.of(new KnownEmitter(HOUSTON, 599))));
        probes.clear();
        assertEquals(List.of(new EmitterRange(SATURN, 601, 1_000)),
                EventSources.ranges(at, 601, 1_000, SATURN, Optional.of(new KnownEmitter(SATURN, 600))));
        assertEquals(List.of(), probes, "no look-up at all when nothing changed since last time");
    }

    private void balancesUpdated(Address emitter, long block) {
        chain.log(new EventLog(emitter.toString(), block, "0x" + String.format("%064x", block), 0,
                List.of(RewardEvent.BALANCES_UPDATED.topic0(), String.format("0x%064x", block - 1)),
                "0x" + "00".repeat(5 * 32)));
    }

    @Test
    void theIndexerReadsEachContractOverTheBlocksItWasNamedAndRemembersTheLastOne() {
        chain.head(1_000).answerAt((block, call) -> {
            assertEquals(STORAGE, call.target());
            return FakeChain.words(new BigInteger((block.number() < 600 ? HOUSTON : SATURN).toString().substring(2), 16));
        });
        balancesUpdated(HOUSTON, 150);
        balancesUpdated(HOUSTON, 450);
        balancesUpdated(SATURN, 650);
        balancesUpdated(SATURN, 950);
        EventIndexer indexer = new EventIndexer(new PoolRegistry("test", List.of(ROCKETPOOL)), chain, chain, store,
                new RewardSettings(500L, 900L));
        assertEquals(4, indexer.indexUpTo(chain.block(1_000)));
        // 1,000 - 900 = block 100 on: Houston's logs read over 100..599, Saturn's over 600..1,000, in pages of 500
        assertEquals(List.of(HOUSTON + " 100-599", SATURN + " 600-1000"), chain.logRanges().stream()
                .map(r -> r.address() + " " + r.fromBlock() + "-" + r.toBlock()).toList());
        assertEquals(List.of(150L, 450L, 650L, 950L), store.events(new PoolId("rocketpool"), "BalancesUpdated").stream()
                .map(EventLog::blockNumber).toList());

        chain.clearRecords();
        balancesUpdated(SATURN, 1_100);
        chain.head(1_200);
        assertEquals(1, indexer.indexUpTo(chain.block(1_200)));
        assertEquals(List.of(SATURN + " 1001-1200"), chain.logRanges().stream()
                .map(r -> r.address() + " " + r.fromBlock() + "-" + r.toBlock()).toList());
        assertEquals(1, chain.multicalls().size(), "only the emitter at the new block: nothing changed since");
    }
}
