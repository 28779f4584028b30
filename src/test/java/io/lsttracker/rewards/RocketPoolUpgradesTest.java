package io.lsttracker.rewards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.chain.EventLog;
import io.lsttracker.chain.FakeChain;
import io.lsttracker.db.TestDatabases;
import io.lsttracker.domain.PoolId;
import io.lsttracker.domain.Protocol;
import io.lsttracker.pool.PoolDefinition;
import io.lsttracker.pool.PoolRegistry;
import io.lsttracker.rewards.EventSources.EmitterRange;
import io.lsttracker.rewards.EventSources.KnownEmitter;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Address;

/**
 * Rocket Pool's report events across upgrades of RocketNetworkBalances: RocketStorage names a new contract from
 * the upgrade's block on, and the events before it came from the old one. Both must be indexed.
 */
class RocketPoolUpgradesTest {
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

    private TestDatabases.TestDatabase database;
    private RewardStore store;
    private final FakeChain chain = new FakeChain(Instant.ofEpochSecond(1_700_000_000L));

    @BeforeEach
    void open() {
        database = TestDatabases.h2();
        store = database.bean(JdbcRewardStore.class);
    }

    @AfterEach
    void close() {
        database.close();
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
