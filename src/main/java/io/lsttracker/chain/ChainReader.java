package io.lsttracker.chain;

import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.BlockSelector;
import java.util.List;

/** Reads chain state at one pinned block. Implementations must be safe to share between threads. */
public interface ChainReader {

    /** The chain id the node serves (eth_chainId). */
    long chainId();

    /** Resolves a tag or number to one concrete block: number, hash and timestamp. */
    BlockRef pin(BlockSelector selector);

    /**
     * Runs every call in ONE eth_call to Multicall3.aggregate3 at exactly {@code block} (pinned by hash),
     * each with allowFailure set, so a reverting call yields a failed result instead of failing the rest.
     * Results come back in the order of {@code calls}.
     */
    List<CallResult> aggregate(BlockRef block, List<ContractCall> calls);

    /** Calls to run in one multicall at one block. */
    record BlockCalls(BlockRef block, List<ContractCall> calls) {
        public BlockCalls {
            calls = List.copyOf(calls);
        }
    }

    /**
     * The headers (number, hash, timestamp) of many blocks, in the order asked. A block past the head fails
     * the whole call. Implementations may send them all in one request (JSON-RPC batch); the caller bounds
     * how many it asks at once.
     */
    default List<BlockRef> headers(List<Long> numbers) {
        return numbers.stream().map(n -> pin(new BlockSelector.Number(n))).toList();
    }

    /**
     * {@link #aggregate} at many blocks, results in the order asked. Implementations may send them all in one
     * request (JSON-RPC batch); the caller bounds how many it asks at once.
     */
    default List<List<CallResult>> aggregateAll(List<BlockCalls> reads) {
        return reads.stream().map(read -> aggregate(read.block(), read.calls())).toList();
    }
}
