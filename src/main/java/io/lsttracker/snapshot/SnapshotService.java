package io.lsttracker.snapshot;

import io.lsttracker.chain.CallFailedException;
import io.lsttracker.chain.CallResult;
import io.lsttracker.chain.ChainReader;
import io.lsttracker.chain.ContractCall;
import io.lsttracker.pool.PoolDefinition;
import io.lsttracker.pool.PoolRegistry;
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
        return read(List.of(chain.pin(selector))).get(0);
    }

    /**
     * Snapshots of blocks already pinned, each read as {@link #take} reads one; but each round of reads is ONE
     * {@link ChainReader#aggregateAll} over all the blocks (one JSON-RPC batch), so a backfill reads many
     * points per request. The caller bounds how many blocks it passes at once.
     */
    public List<Snapshot> read(List<BlockRef> blocks) {
        long chainId = chain.chainId();
        List<Map<PoolId, PoolState>> states = new ArrayList<>();
        blocks.forEach(b -> states.add(new LinkedHashMap<>()));

        // Address look-ups (cached by the adapters after the first snapshot, so usually nothing to do), at the
        // first block that needs them.
        for (int i = 0; i < blocks.size(); i++) {
            List<PoolDefinition> unresolved = registry.pools().stream()
                    .filter(pool -> !adapter(pool).resolutionCalls(pool).isEmpty()).toList();
            if (unresolved.isEmpty()) {
                break;
            }
            runRound(List.of(blocks.get(i)), List.of(unresolved), (pool, a) -> a.resolutionCalls(pool),
                    List.of(states.get(i)), (at, pool, answers) -> {
                        adapter(pool).acceptResolution(pool, answers);
                        return null;
                    });
        }

        // The reads, every block in one round. A pool whose cached address moved at a block is read once more
        // with the new one, block by block, so the cache follows each block in turn.
        List<List<PoolDefinition>> pending = new ArrayList<>();
        for (Map<PoolId, PoolState> atBlock : states) {
            pending.add(registry.pools().stream().filter(p -> !atBlock.containsKey(p.id())).toList());
        }
        List<List<PoolDefinition>> stale = readRound(blocks, pending, states, false);
        for (int i = 0; i < blocks.size(); i++) {
            if (!stale.get(i).isEmpty()) {
                readRound(List.of(blocks.get(i)), List.of(stale.get(i)), List.of(states.get(i)), true);
            }
        }

        List<Snapshot> snapshots = new ArrayList<>(blocks.size());
        for (int i = 0; i < blocks.size(); i++) {
            Map<PoolId, PoolState> atBlock = states.get(i);
            snapshots.add(new Snapshot(chainId, blocks.get(i),
                    registry.pools().stream().map(p -> atBlock.get(p.id())).toList()));
        }
        return snapshots;
    }

    /** One round of reads; returns, per block, the pools whose cached address was stale there. */
    private List<List<PoolDefinition>> readRound(List<BlockRef> blocks, List<List<PoolDefinition>> pools,
            List<Map<PoolId, PoolState>> states, boolean lastAttempt) {
        List<List<PoolDefinition>> again = new ArrayList<>();
        blocks.forEach(b -> again.add(new ArrayList<>()));
        runRound(blocks, pools, (pool, a) -> a.readCalls(pool), states, (at, pool, answers) -> {
            try {
                return adapter(pool).decode(pool, answers);
            } catch (StaleResolutionException e) {
                if (lastAttempt) {
                    return PoolState.failed(pool.id(), e.getMessage());
                }
                again.get(at).add(pool);
                return null;
            }
        });
        return again;
    }

    /** Decodes one pool's answers at the block of index {@code at}: its state, or null when not finished. */
    private interface Decoder {
        PoolState decode(int at, PoolDefinition pool, Answers answers);
    }

    /**
     * One multicall per block for the calls of that block's {@code pools}, all in one aggregateAll; each pool's
     * answers go to {@code decode}, whose state is recorded (unless null). Pools that fail are recorded failed.
     */
    private void runRound(List<BlockRef> blocks, List<List<PoolDefinition>> pools,
            BiFunction<PoolDefinition, PoolAdapter, List<BoundCall>> callsOf, List<Map<PoolId, PoolState>> states,
            Decoder decode) {
        List<ChainReader.BlockCalls> reads = new ArrayList<>();
        List<Map<PoolDefinition, List<BoundCall>>> callsByBlock = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            Map<PoolDefinition, List<BoundCall>> callsByPool = new LinkedHashMap<>();
            List<ContractCall> all = new ArrayList<>();
            for (PoolDefinition pool : pools.get(i)) {
                List<BoundCall> calls = callsOf.apply(pool, adapter(pool));
                callsByPool.put(pool, calls);
                calls.forEach(c -> all.add(c.call()));
            }
            callsByBlock.add(callsByPool);
            reads.add(new ChainReader.BlockCalls(blocks.get(i), all));
        }
        if (reads.stream().allMatch(r -> r.calls().isEmpty())) {
            return;
        }
        List<List<CallResult>> resultsByBlock = reads.size() == 1
                ? List.of(chain.aggregate(reads.get(0).block(), reads.get(0).calls()))
                : chain.aggregateAll(reads);
        for (int i = 0; i < blocks.size(); i++) {
            List<CallResult> results = resultsByBlock.get(i);
            int next = 0;
            for (Map.Entry<PoolDefinition, List<BoundCall>> entry : callsByBlock.get(i).entrySet()) {
                PoolDefinition pool = entry.getKey();
                List<BoundCall> calls = entry.getValue();
                Answers answers = new Answers(calls, results.subList(next, next + calls.size()));
                next += calls.size();
                try {
                    PoolState state = decode.decode(i, pool, answers);
                    if (state != null) {
                        states.get(i).put(pool.id(), SaneRange.check(state));
                    }
                } catch (CallFailedException | PoolDataException e) {
                    states.get(i).put(pool.id(), PoolState.failed(pool.id(), e.getMessage()));
                }
            }
        }
    }

    private PoolAdapter adapter(PoolDefinition pool) {
        return adapters.of(pool.protocol());
    }
}
