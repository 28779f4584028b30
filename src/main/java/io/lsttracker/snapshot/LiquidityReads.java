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
         * Calls that depend on these answers (Lido's oldest unfinalized request), for one more multicall at the same
         * block; usually none, and an implementation asks only what it must. The follow-ups of every block of a
         * read go in one request ({@link io.lsttracker.chain.ChainReader#aggregateAll}).
         *
         * @param results the answers to {@link #calls}, in order
         */
        List<ContractCall> followUps(List<CallResult> results);

        /**
         * The answers made into raw liquidity answers.
         *
         * @param results         the answers to {@link #calls}, in order
         * @param followUpResults the answers to {@link #followUps}, in order (empty when there were none)
         */
        LiquidityAnswers answers(List<CallResult> results, List<CallResult> followUpResults);
    }
}
