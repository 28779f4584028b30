package io.lsttracker.snapshot;

import io.lsttracker.chain.BlockReplacedException;
import io.lsttracker.chain.CallFailedException;
import io.lsttracker.chain.CallResult;
import io.lsttracker.chain.ChainReadException;
import io.lsttracker.chain.ChainReader;
import io.lsttracker.chain.ContractCall;
import io.lsttracker.pool.PoolDefinition;
import io.lsttracker.pool.PoolRegistry;
import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.BlockSelector;
import io.lsttracker.domain.LiquidityAnswers;
import io.lsttracker.domain.PoolId;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Snapshot;
import io.lsttracker.pool.PoolAdapter;
import io.lsttracker.pool.PoolAdapters;
import io.lsttracker.pool.PoolDataException;
import io.lsttracker.pool.Reading;
import io.lsttracker.pool.StaleResolutionException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a snapshot: pins one block, gathers every pool's calls, reads them all in one multicall at that
 * block, and lets each pool's adapter decode its own answers. A pool whose answers are unusable is reported
 * failed with the reason; the others are unaffected. Errors of the chain itself (node unreachable, block
 * unknown, no Multicall3) fail the whole snapshot with a {@link io.lsttracker.chain.ChainReadException}.
 */
@Singleton
public final class SnapshotService {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotService.class);
    private static final int READS_ON_REORG = 3;
    private final ChainReader chain;
    private final PoolRegistry registry;
    private final PoolAdapters adapters;
    private final List<LiquidityReads> liquidity;

    /** A service that reads the pools alone (no market or exit reads). */
    public SnapshotService(ChainReader chain, PoolRegistry registry, PoolAdapters adapters) {
        this(chain, registry, adapters, List.of());
    }

    /** A service whose multicalls also carry the {@code liquidity} reads (markets, exits). */
    @Inject
    public SnapshotService(ChainReader chain, PoolRegistry registry, PoolAdapters adapters,
            List<LiquidityReads> liquidity) {
        this.chain = chain;
        this.registry = registry;
        this.adapters = adapters;
        this.liquidity = List.copyOf(liquidity);
        adapters.requireAll(registry);
    }

    /**
     * Pins the block {@code selector} names and reads every pool at it. A block replaced by a reorg during the read
     * (seen where the node is read by number, {@link BlockReplacedException}) is pinned and read again, up to
     * {@value #READS_ON_REORG} times.
     */
    public Snapshot take(BlockSelector selector) {
        for (int attempt = 1;; attempt++) {
            try {
                return read(List.of(chain.pin(selector))).get(0);
            } catch (BlockReplacedException e) {
                if (attempt >= READS_ON_REORG) {
                    throw e;
                }
                LOG.info("{}; reading block '{}' again", e.getMessage(), selector);
            }
        }
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
            Map<PoolDefinition, Reading<?>> resolutions = new LinkedHashMap<>();
            for (PoolDefinition pool : registry.pools()) {
                adapter(pool).resolution(pool).ifPresent(reading -> resolutions.put(pool, reading));
            }
            if (resolutions.isEmpty()) {
                break;
            }
            Map<PoolDefinition, List<CallResult>> answers =
                    answer(List.of(blocks.get(i)), List.of(resolutions)).get(0).byPool();
            Map<PoolId, PoolState> atBlock = states.get(i);
            resolutions.forEach((pool, reading) -> record(atBlock, pool, () -> {
                reading.result(answers.get(pool));
                return null;
            }));
        }

        // The reads, every block in one round. A pool whose cached address moved at a block is read once more
        // with the new one, block by block, so the cache follows each block in turn.
        List<List<PoolDefinition>> pending = new ArrayList<>();
        for (Map<PoolId, PoolState> atBlock : states) {
            pending.add(registry.pools().stream().filter(p -> !atBlock.containsKey(p.id())).toList());
        }
        // The markets' and exits' reads ride in this round's multicalls, after the pools' calls.
        List<List<LiquidityReads.Planned>> planned = new ArrayList<>();
        for (BlockRef block : blocks) {
            planned.add(liquidity.stream().map(reads -> reads.plan(block)).toList());
        }
        List<List<CallResult>> liquidityResults = new ArrayList<>();
        List<List<PoolDefinition>> stale = readRound(blocks, pending, states, false, planned, liquidityResults);
        List<LiquidityAnswers> liquidityAnswers = liquidity(blocks, planned, liquidityResults);
        for (int i = 0; i < blocks.size(); i++) {
            if (!stale.get(i).isEmpty()) {
                readRound(List.of(blocks.get(i)), List.of(stale.get(i)), List.of(states.get(i)), true,
                        List.of(List.of()), new ArrayList<>());
            }
        }

        List<Snapshot> snapshots = new ArrayList<>(blocks.size());
        for (int i = 0; i < blocks.size(); i++) {
            Map<PoolId, PoolState> atBlock = states.get(i);
            snapshots.add(new Snapshot(chainId, blocks.get(i),
                    registry.pools().stream().map(p -> atBlock.get(p.id())).toList(), liquidityAnswers.get(i)));
        }
        return snapshots;
    }

    /**
     * One round of reads, with the {@code planned} liquidity reads of each block in the same multicall (their results
     * are added to {@code liquidityResults}, one list per block); returns, per block, the pools whose cached address
     * was stale there.
     */
    private List<List<PoolDefinition>> readRound(List<BlockRef> blocks, List<List<PoolDefinition>> pools,
            List<Map<PoolId, PoolState>> states, boolean lastAttempt, List<List<LiquidityReads.Planned>> planned,
            List<List<CallResult>> liquidityResults) {
        List<Map<PoolDefinition, Reading<PoolState>>> readings = new ArrayList<>();
        for (List<PoolDefinition> atBlock : pools) {
            Map<PoolDefinition, Reading<PoolState>> byPool = new LinkedHashMap<>();
            atBlock.forEach(pool -> byPool.put(pool, adapter(pool).read(pool)));
            readings.add(byPool);
        }
        List<Answered> answers = answer(blocks, readings, planned);
        List<List<PoolDefinition>> again = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            Map<PoolDefinition, List<CallResult>> answered = answers.get(i).byPool();
            liquidityResults.add(answers.get(i).liquidity());
            Map<PoolId, PoolState> atBlock = states.get(i);
            List<PoolDefinition> staleHere = new ArrayList<>();
            readings.get(i).forEach((pool, reading) -> record(atBlock, pool, () -> {
                try {
                    return reading.result(answered.get(pool));
                } catch (StaleResolutionException e) {
                    if (lastAttempt) {
                        return PoolState.failed(pool.id(), e.getMessage());
                    }
                    staleHere.add(pool);
                    return null;
                }
            }));
            again.add(staleHere);
        }
        return again;
    }

    /**
     * One multicall per block for the calls of that block's readings, all in one aggregateAll; the answers to each
     * pool's calls, per block.
     */
    private List<Answered> answer(List<BlockRef> blocks,
            List<? extends Map<PoolDefinition, ? extends Reading<?>>> readings) {
        List<List<LiquidityReads.Planned>> none = new ArrayList<>();
        blocks.forEach(b -> none.add(List.of()));
        return answer(blocks, readings, none);
    }

    /** One block's answers: to each pool's calls, and to the liquidity calls (in the order planned). */
    private record Answered(Map<PoolDefinition, List<CallResult>> byPool, List<CallResult> liquidity) {
    }

    /** As {@link #answer(List, List)}, with each block's {@code planned} liquidity calls after its pools' calls. */
    private List<Answered> answer(List<BlockRef> blocks,
            List<? extends Map<PoolDefinition, ? extends Reading<?>>> readings,
            List<List<LiquidityReads.Planned>> planned) {
        List<ChainReader.BlockCalls> reads = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            List<ContractCall> all = new ArrayList<>();
            readings.get(i).values().forEach(reading -> all.addAll(reading.contractCalls()));
            planned.get(i).forEach(extra -> all.addAll(extra.calls()));
            reads.add(new ChainReader.BlockCalls(blocks.get(i), all));
        }
        List<Answered> answers = new ArrayList<>();
        if (reads.stream().allMatch(r -> r.calls().isEmpty())) {
            blocks.forEach(b -> answers.add(new Answered(Map.of(), List.of())));
            return answers;
        }
        List<List<CallResult>> resultsByBlock = reads.size() == 1
                ? List.of(chain.aggregate(reads.get(0).block(), reads.get(0).calls()))
                : chain.aggregateAll(reads);
        for (int i = 0; i < blocks.size(); i++) {
            List<CallResult> results = resultsByBlock.get(i);
            Map<PoolDefinition, List<CallResult>> byPool = new LinkedHashMap<>();
            int next = 0;
            for (Map.Entry<PoolDefinition, ? extends Reading<?>> entry : readings.get(i).entrySet()) {
                int count = entry.getValue().contractCalls().size();
                byPool.put(entry.getKey(), results.subList(next, next + count));
                next += count;
            }
            answers.add(new Answered(byPool, results.subList(next, results.size())));
        }
        return answers;
    }

    /**
     * Records the pool's state that {@code decode} makes of its answers (nothing when it makes none yet); a pool
     * whose answers are unusable is recorded failed with the reason.
     */
    private static void record(Map<PoolId, PoolState> atBlock, PoolDefinition pool, Supplier<PoolState> decode) {
        try {
            PoolState state = decode.get();
            if (state != null) {
                atBlock.put(pool.id(), SaneRange.check(state));
            }
        } catch (CallFailedException | PoolDataException e) {
            atBlock.put(pool.id(), PoolState.failed(pool.id(), e.getMessage()));
        }
    }

    /**
     * The liquidity answers of each block from its planned reads' {@code results} (in the order of their calls),
     * after their follow-ups, which every block's reads ask in ONE more request (a multicall per block that has any).
     * A read that fails beyond its own markets and exits (a bug in decoding) is logged and left out, so the pools'
     * snapshot is never lost to it; an error of the chain itself fails the snapshot as usual.
     */
    private List<LiquidityAnswers> liquidity(List<BlockRef> blocks, List<List<LiquidityReads.Planned>> planned,
            List<List<CallResult>> results) {
        record Part(LiquidityReads.Planned reads, List<CallResult> results, List<ContractCall> followUps) {
        }
        List<List<Part>> parts = new ArrayList<>();
        List<ChainReader.BlockCalls> followUps = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            List<Part> atBlock = new ArrayList<>();
            List<ContractCall> asked = new ArrayList<>();
            int next = 0;
            for (LiquidityReads.Planned reads : planned.get(i)) {
                int count = reads.calls().size();
                List<CallResult> own = results.get(i).subList(next, next + count);
                next += count;
                BlockRef block = blocks.get(i);
                List<ContractCall> more = unlessBroken(block, () -> reads.followUps(own));
                if (more != null) {
                    atBlock.add(new Part(reads, own, more));
                    asked.addAll(more);
                }
            }
            parts.add(atBlock);
            if (!asked.isEmpty()) {
                followUps.add(new ChainReader.BlockCalls(blocks.get(i), asked));
            }
        }
        List<List<CallResult>> followed = followUps.isEmpty() ? List.of() : followUps.size() == 1
                ? List.of(chain.aggregate(followUps.get(0).block(), followUps.get(0).calls()))
                : chain.aggregateAll(followUps);
        List<LiquidityAnswers> answers = new ArrayList<>();
        int withFollowUps = 0;
        for (int i = 0; i < blocks.size(); i++) {
            List<Part> atBlock = parts.get(i);
            List<CallResult> followUpResults = atBlock.stream().anyMatch(p -> !p.followUps().isEmpty())
                    ? followed.get(withFollowUps++) : List.of();
            LiquidityAnswers all = LiquidityAnswers.NONE;
            int next = 0;
            for (Part part : atBlock) {
                List<CallResult> own = followUpResults.subList(next, next + part.followUps().size());
                next += part.followUps().size();
                LiquidityAnswers made = unlessBroken(blocks.get(i), () -> part.reads().answers(part.results(), own));
                if (made != null) {
                    all = all.and(made);
                }
            }
            answers.add(all);
        }
        return answers;
    }

    /** What {@code step} of a liquidity read makes, or null (logged) when it fails beyond its markets and exits. */
    private static <T> T unlessBroken(BlockRef block, Supplier<T> step) {
        try {
            return step.get();
        } catch (ChainReadException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.error("the markets and exits at block {} could not be made out; the snapshot is kept without them",
                    block.number(), e);
            return null;
        }
    }

    private PoolAdapter adapter(PoolDefinition pool) {
        return adapters.of(pool.protocol());
    }
}
