package io.lsttracker.rewards;

import io.lsttracker.chain.EventLog;
import io.lsttracker.chain.LogReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.web3j.abi.datatypes.Address;

/**
 * Reads one event of one contract over a block range in pages of at most {@code pageBlocks} blocks, the
 * most that providers answer in one eth_getLogs. Each page is handed on as it is read, so a caller can
 * store it and its cursor before the next one is asked for.
 */
public final class EventPager {
    private final LogReader reader;
    private final long pageBlocks;

    public EventPager(LogReader reader, long pageBlocks) {
        if (pageBlocks < 1) {
            throw new IllegalArgumentException("pageBlocks must be at least 1, got " + pageBlocks);
        }
        this.reader = reader;
        this.pageBlocks = pageBlocks;
    }

    /** Calls {@code page} with (logs, last block of the page) for each page of [fromBlock, toBlock]. */
    public void read(Address address, String topic0, long fromBlock, long toBlock, BiConsumer<List<EventLog>, Long> page) {
        for (long start = fromBlock; start <= toBlock; start += pageBlocks) {
            long end = Math.min(toBlock, start + pageBlocks - 1);
            page.accept(reader.logs(address, topic0, start, end), end);
        }
    }

    /** Every log of [fromBlock, toBlock], for readers that keep nothing (the `snapshot` command). */
    public List<EventLog> readAll(Address address, String topic0, long fromBlock, long toBlock) {
        List<EventLog> all = new ArrayList<>();
        read(address, topic0, fromBlock, toBlock, (logs, end) -> all.addAll(logs));
        return all;
    }
}
