package io.lsttracker.rewards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.chain.CallResult;
import io.lsttracker.chain.ChainReadException;
import io.lsttracker.chain.ChainReader;
import io.lsttracker.chain.ContractCall;
import io.lsttracker.chain.EventLog;
import io.lsttracker.chain.LogReader;
import io.lsttracker.pool.PoolDefinition;
import io.lsttracker.pool.PoolRegistry;
import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.BlockSelector;
import io.lsttracker.domain.PoolId;
import io.lsttracker.domain.Protocol;
import io.lsttracker.db.TestDatabases;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Address;

/** Paging, cursors and failures of event indexing, with a fake of our own LogReader and a real H2 store. */
class EventIndexerTest {
    private static final Address STETH = new Address("0xae7ab96520de3a18e5e111b5eaab095312d7fe84");
    private static final PoolRegistry LIDO_ONLY = new PoolRegistry("test", List.of(new PoolDefinition(
            new PoolId("lido"), "Lido", Protocol.LIDO, "stETH",
            Map.of("steth", STETH, "wsteth", new Address("0x7f39c581f595b53c5cb19bd0b3f8da6c935e2ca0")))));

    /** Answers every range with the logs at the given blocks that fall in it, and remembers each range asked. */
    static final class RecordingLogReader implements LogReader {
        final List<long[]> ranges = new ArrayList<>();
        final List<Long> logBlocks;
        Long failAtFrom;

        RecordingLogReader(List<Long> logBlocks) {
            this.logBlocks = logBlocks;
        }

        @Override
        public List<EventLog> logs(Address address, String topic0, long fromBlock, long toBlock) {
            assertEquals(STETH, address);
            assertEquals(RewardEvent.TOKEN_REBASED.topic0(), topic0);
            if (failAtFrom != null && failAtFrom == fromBlock) {
                throw new ChainReadException("eth_getLogs failed: query returned more than 10000 results");
            }
            ranges.add(new long[] {fromBlock, toBlock});
            return logBlocks.stream().filter(b -> b >= fromBlock && b <= toBlock)
                    .map(b -> new EventLog(STETH.toString(), b, "0x" + String.format("%064x", b), 0,
                            List.of(topic0, String.format("0x%064x", b)), "0x" + "00".repeat(6 * 32)))
                    .toList();
        }
    }

    /** Lido's emitter is its stETH address: the indexer must not need the chain for it. */
    static final class NoChain implements ChainReader {
        @Override
        public long chainId() {
            throw new AssertionError("not expected");
        }

        @Override
        public BlockRef pin(BlockSelector selector) {
            throw new AssertionError("not expected");
        }

        @Override
        public List<CallResult> aggregate(BlockRef block, List<ContractCall> calls) {
            throw new AssertionError("not expected");
        }
    }

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

    private static BlockRef block(long number) {
        return new BlockRef(number, "0x" + String.format("%064x", number), Instant.ofEpochSecond(1_700_000_000L + number * 12));
    }

    @Test
    void readsInPagesFromTheLookbackThenOnlyWhatIsNew() {
        RecordingLogReader reader = new RecordingLogReader(List.of(7_345L, 9_000L, 12_345L, 12_400L));
        EventIndexer indexer = new EventIndexer(LIDO_ONLY, new NoChain(), reader, store, new RewardSettings(1000L, 5000L));
        assertEquals(3, indexer.indexUpTo(block(12_345)));
        // 12,345 - 5,000 = 7,345 to 12,345: five pages of 1,000 blocks and a last one of a single block
        assertEquals(List.of("7345-8344", "8345-9344", "9345-10344", "10345-11344", "11345-12344", "12345-12345"),
                ranges(reader));
        reader.ranges.clear();
        assertEquals(0, indexer.indexUpTo(block(12_345)), "nothing is read twice");
        assertTrue(reader.ranges.isEmpty());
        assertEquals(1, indexer.indexUpTo(block(12_500)));
        assertEquals(List.of("12346-12500"), ranges(reader));
        assertEquals(List.of(7_345L, 9_000L, 12_345L, 12_400L),
                store.events(new PoolId("lido"), "TokenRebased").stream().map(EventLog::blockNumber).toList());
    }

    @Test
    void aFailedPageKeepsWhatWasStoredAndTheNextRunGoesOnFromThere() {
        RecordingLogReader reader = new RecordingLogReader(List.of(150L, 450L));
        reader.failAtFrom = 300L;
        EventIndexer indexer = new EventIndexer(LIDO_ONLY, new NoChain(), reader, store, new RewardSettings(100L, 1_000_000L));
        ChainReadException e = assertThrows(ChainReadException.class, () -> indexer.indexUpTo(block(499)));
        assertTrue(e.getMessage().contains("more than 10000 results"), e.getMessage());
        assertEquals(java.util.Optional.of(299L), store.cursor(new PoolId("lido"), "TokenRebased"));
        reader.failAtFrom = null;
        reader.ranges.clear();
        indexer.indexUpTo(block(499));
        assertEquals(List.of("300-399", "400-499"), ranges(reader));
        assertEquals(List.of(150L, 450L),
                store.events(new PoolId("lido"), "TokenRebased").stream().map(EventLog::blockNumber).toList());
    }

    @Test
    void badPageSettingsAreRefusedNamingTheKey() {
        Exception e = assertThrows(RuntimeException.class, () -> new RewardSettings(0L, null));
        assertTrue(e.getMessage().startsWith("tracker.rewards.page-blocks"), e.getMessage());
        e = assertThrows(RuntimeException.class, () -> new RewardSettings(null, -1L));
        assertTrue(e.getMessage().startsWith("tracker.rewards.lookback-blocks"), e.getMessage());
    }

    private static List<String> ranges(RecordingLogReader reader) {
        return reader.ranges.stream().map(r -> r[0] + "-" + r[1]).toList();
    }
}
