package io.lsttracker.pool;

import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Protocol;
import java.util.List;

/**
 * How to read one protocol's pools: which view calls to make and how to turn their answers into a
 * {@link PoolState}. Adapters do no I/O of their own: the snapshot service puts every pool's calls into
 * one multicall at one block and hands each adapter its answers.
 */
public interface PoolAdapter {

    Protocol protocol();

    /**
     * Calls that must be answered before {@link #readCalls} can be built: address look-ups that the adapter
     * caches. Empty when nothing is left to resolve, which after the first snapshot is the usual case.
     */
    default List<BoundCall> resolutionCalls(PoolDefinition pool) {
        return List.of();
    }

    /** Takes the answers to {@link #resolutionCalls} into the adapter's cache. */
    default void acceptResolution(PoolDefinition pool, Answers answers) {
    }

    /** The calls that read the pool's state. */
    List<BoundCall> readCalls(PoolDefinition pool);

    /**
     * The pool's state from the answers to {@link #readCalls}.
     *
     * @throws io.lsttracker.chain.CallFailedException a call reverted or returned unusable data
     * @throws PoolDataException the answers are well-formed but unusable
     * @throws StaleResolutionException a cached address has changed: read the pool again
     */
    PoolState decode(PoolDefinition pool, Answers answers);
}
