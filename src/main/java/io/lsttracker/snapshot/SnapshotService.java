package io.lsttracker.snapshot;

import io.lsttracker.chain.CallFailedException;
import io.lsttracker.chain.CallResult;
import io.lsttracker.chain.ChainReader;
import io.lsttracker.chain.ContractCall;
import io.lsttracker.config.PoolDefinition;
import io.lsttracker.config.PoolRegistry;
import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.BlockSelector;
import io.lsttracker.domain.PoolId;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Snapshot;
import io.lsttracker.pool.Answers;
import io.lsttracker.pool.BoundCall;
import io.lsttracker.pool.PoolAdapter;
import io.lsttracker.pool.PoolAdapters;
import io.lsttracker.pool.PoolDataException;
import io.lsttracker.pool.StaleResolutionException;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Takes a snapshot: pins one block, gathers every pool's calls, reads them all in one multicall at that
 * block, and lets each pool's adapter decode its own answers. A pool whose answers are unusable is reported
 * failed with the reason; the others are unaffected. Errors of the chain itself (node unreachable, block
 * unknown, no Multicall3) fail the whole snapshot with a {@link io.lsttracker.chain.ChainReadException}.
 */
@Singleton
public final class SnapshotService {
    private final ChainReader chain;
    private final PoolRegistry registry;
    private final PoolAdapters adapters;

    public SnapshotService(ChainReader chain, PoolRegistry registry, PoolAdapters adapters) {
        this.chain = chain;
        this.registry = registry;
        this.adapters = adapters;
        adapters.requireAll(registry);
    }

    public Snapshot take(BlockSelector selector) {
        BlockRef block = chain.pin(selector);
        long chainId = chain.chainId();
        Map<PoolId, PoolState> states = new LinkedHashMap<>();

        // Address look-ups (cached by the adapters after the first snapshot, so usually nothing to do).
        List<PoolDefinition> unresolved = registry.pools().stream()
                .filter(pool -> !adapter(pool).resolutionCalls(pool).isEmpty()).toList();
        runRound(block, unresolved, (pool, a) -> a.resolutionCalls(pool), states,
                (pool, answers) -> {
                    adapter(pool).acceptResolution(pool, answers);
                    return null;
                });

        // The reads; a pool whose cached address moved at this block is read once more with the new one.
        List<PoolDefinition> pending = registry.pools().stream().filter(p -> !states.containsKey(p.id())).toList();
        for (int attempt = 0; attempt < 2 && !pending.isEmpty(); attempt++) {
            boolean lastAttempt = attempt == 1;
            List<PoolDefinition> again = new ArrayList<>();
            runRound(block, pending, (pool, a) -> a.readCalls(pool), states, (pool, answers) -> {
                try {
                    return adapter(pool).decode(pool, answers);
                } catch (StaleResolutionException e) {
                    if (lastAttempt) {
                        return PoolState.failed(pool.id(), e.getMessage());
                    }
                    again.add(pool);
                    return null;
                }
            });
            pending = again;
        }

        List<PoolState> ordered = registry.pools().stream().map(p -> states.get(p.id())).toList();
        return new Snapshot(chainId, block, ordered);
    }

    /**
     * One multicall for the calls of {@code pools}; each pool's answers go to {@code decode}, which returns
     * its state (recorded), or null when the pool is not finished. Pools that fail are recorded as failed.
     */
    private void runRound(BlockRef block, List<PoolDefinition> pools,
            BiFunction<PoolDefinition, PoolAdapter, List<BoundCall>> callsOf, Map<PoolId, PoolState> states,
            BiFunction<PoolDefinition, Answers, PoolState> decode) {
        if (pools.isEmpty()) {
            return;
        }
        Map<PoolDefinition, List<BoundCall>> callsByPool = new LinkedHashMap<>();
        List<ContractCall> all = new ArrayList<>();
        for (PoolDefinition pool : pools) {
            List<BoundCall> calls = callsOf.apply(pool, adapter(pool));
            callsByPool.put(pool, calls);
            calls.forEach(c -> all.add(c.call()));
        }
        List<CallResult> results = chain.aggregate(block, all);
        int next = 0;
        for (Map.Entry<PoolDefinition, List<BoundCall>> entry : callsByPool.entrySet()) {
            PoolDefinition pool = entry.getKey();
            List<BoundCall> calls = entry.getValue();
            Answers answers = new Answers(calls, results.subList(next, next + calls.size()));
            next += calls.size();
            try {
                PoolState state = decode.apply(pool, answers);
                if (state != null) {
                    states.put(pool.id(), SaneRange.check(state));
                }
            } catch (CallFailedException | PoolDataException e) {
                states.put(pool.id(), PoolState.failed(pool.id(), e.getMessage()));
            }
        }
    }

    private PoolAdapter adapter(PoolDefinition pool) {
        return adapters.of(pool.protocol());
    }
}
