package io.lsttracker.pool;

import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Protocol;
import java.util.Optional;

/**
 * How to read one protocol's pools: which view calls to make and how to turn their answers into a
 * {@link PoolState}. Adapters do no I/O of their own: the snapshot service puts every pool's calls into
 * one multicall at one block and hands each reading its answers.
 */
public interface PoolAdapter {

    Protocol protocol();

    /**
     * Look-ups that must be answered before {@link #read}: addresses (or counts) that the adapter caches when
     * the reading's answers come. Empty when nothing is left to resolve, which after the first snapshot is the
     * usual case.
     */
    default Optional<Reading<?>> resolution(PoolDefinition pool) {
        return Optional.empty();
    }

    /** The calls that read the pool's state, and the state their answers make. */
    Reading<PoolState> read(PoolDefinition pool);
}
