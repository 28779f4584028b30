package io.lsttracker.snapshot;

import io.lsttracker.chain.CallResult;
import io.lsttracker.chain.ContractCall;
import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.LiquidityAnswers;
import java.util.List;

/**
 * Reads of the pools' markets and exit contracts that ride in the snapshot's one multicall (issue 15: still one
 * eth_call per snapshot). Declared here and implemented by the liquidity feature, which comes after the snapshot
 * in the data flow; the {@link SnapshotService} adds the calls of every implementation to each block's multicall
 * and carries what they make in {@link io.lsttracker.domain.Snapshot#liquidity()}. A call that fails marks only
 * that market or exit failed; the pools' own readings never depend on these calls.
 */
public interface LiquidityReads {

    /** The reads to make at {@code block}. */
    Planned plan(BlockRef block);

    /** Calls for one block's multicall, and what their answers make. */
    interface Planned {
        List<ContractCall> calls();

        /**
         * The answers made into raw liquidity answers; {@code results} answers {@link #calls} in order.
         * {@code sameBlock} runs further calls in one more eth_call at the same block, for a read that depends on
         * an answer (Lido's oldest unfinalized request), which an implementation makes only when it must.
         */
        LiquidityAnswers answers(List<CallResult> results, SameBlock sameBlock);
    }

    /** One more multicall at the block being read. */
    @FunctionalInterface
    interface SameBlock {
        List<CallResult> aggregate(List<ContractCall> calls);
    }
}
