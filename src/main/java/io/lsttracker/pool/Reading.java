package io.lsttracker.pool;

import io.lsttracker.chain.CallResult;
import io.lsttracker.chain.ContractCall;
import java.util.List;
import java.util.function.Function;

/**
 * What an adapter hands the snapshot service: calls to put in the block's one multicall, and what their answers
 * make (a pool's state, or the addresses it looks up). Adapters do no I/O of their own.
 *
 * @param <R> what the answers make
 */
public final class Reading<R> {
    private final List<Call<?>> calls;
    private final Function<Answers, R> result;

    Reading(List<Call<?>> calls, Function<Answers, R> result) {
        this.calls = List.copyOf(calls);
        this.result = result;
    }

    public List<ContractCall> contractCalls() {
        return calls.stream().map(Call::contractCall).toList();
    }

    /**
     * What the answers make; {@code results} answers {@link #contractCalls} in order.
     *
     * @throws io.lsttracker.chain.CallFailedException a call reverted or returned unusable data
     * @throws PoolDataException the answers are well-formed but unusable
     * @throws StaleResolutionException a cached address has changed: read the pool again
     */
    public R result(List<CallResult> results) {
        return result.apply(new Answers(calls, results));
    }
}
