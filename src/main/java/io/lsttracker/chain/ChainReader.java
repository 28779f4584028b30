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
}
