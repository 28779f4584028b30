package io.lsttracker.rewards;

import io.lsttracker.chain.ChainReadException;
import io.lsttracker.chain.ChainReader;
import io.lsttracker.chain.EventLog;
import io.lsttracker.chain.LogReader;
import io.lsttracker.pool.PoolDefinition;
import io.lsttracker.pool.PoolRegistry;
import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.BlockSelector;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Snapshot;
import io.lsttracker.snapshot.SnapshotService;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reward rates computed from the chain alone, for the `snapshot` command (no database). Lido and Rocket
 * Pool: their report events read live with eth_getLogs, paged, over the {@code lookback-blocks} before the
 * snapshot's block, and the same windows as the API. Other pools have no report events here, so each of
 * the 1, 7 and 30 day windows compares the rate at the snapshot's block with the rate at the last block at
 * least that long before it (one more multicall per window, which needs an archive node): a clock window,
 * not anchored at reports; their last-report and since-start windows need the stored history of `serve`.
 */
@Singleton
public final class LiveRewards {
    private final PoolRegistry registry;
    private final ChainReader chain;
    private final SnapshotService snapshots;
    private final EventPager pager;
    private final long lookbackBlocks;

    public LiveRewards(PoolRegistry registry, ChainReader chain, LogReader logs, SnapshotService snapshots,
            RewardSettings settings) {
        this.registry = registry;
        this.chain = chain;
        this.snapshots = snapshots;
        this.pager = new EventPager(logs, settings.pageBlocks());
        this.lookbackBlocks = settings.lookbackBlocks();
    }

    public List<RewardService.PoolRewards> rewards(Snapshot head) {
        Map<Window, Past> past = new EnumMap<>(Window.class);
        List<RewardService.PoolRewards> result = new ArrayList<>();
        for (PoolDefinition pool : registry.pools()) {
            Optional<RewardEvent> event = RewardEvent.of(pool.protocol());
            if (event.isPresent()) {
                RateMethod method = RewardService.method(pool);
                result.add(new RewardService.PoolRewards(pool, method,
                        RewardWindows.of(fromEvents(pool, event.get(), head.block()), method.id(),
                                OptionalLong.of(readFrom(head.block())))));
            } else {
                result.add(new RewardService.PoolRewards(pool, RateMethod.ARCHIVE_POINT_TO_POINT,
                        pointToPoint(pool, head, past)));
            }
        }
        return result;
    }

    /** The first block of the events read for {@code head}: the look-back's start. */
    private long readFrom(BlockRef head) {
        return Math.max(0, head.number() - lookbackBlocks);
    }

    private List<RateStep> fromEvents(PoolDefinition pool, RewardEvent event, BlockRef head) {
        long from = readFrom(head);
        List<EventLog> logs = new ArrayList<>();
        for (EventSources.EmitterRange range : EventSources.emittersOrHead(chain, pool, from, head, Optional.empty(),
                org.slf4j.LoggerFactory.getLogger(LiveRewards.class))) {
            if (range.emitter() != null) {
                logs.addAll(pager.readAll(range.emitter(), event.topic0(), range.fromBlock(), range.toBlock()));
            }
        }
        return event == RewardEvent.TOKEN_REBASED
                ? TokenRebased.steps(logs.stream().map(RewardEvent::tokenRebased).toList())
                : BalancesUpdated.steps(logs.stream().map(RewardEvent::balancesUpdated).toList());
    }

    /** The snapshot a clock window starts at, or why there is none (shared by every pool of one run). */
    private record Past(Snapshot snapshot, String problem) {
    }

    /**
     * A chain read that fails here (a node that keeps no past state, a block it does not serve) costs the clock
     * windows that need it, not the whole run: the event windows and the snapshot itself stand.
     */
    private Past pastAt(Instant time, Window window) {
        try {
            Optional<BlockRef> block = blockAtOrBefore(time);
            return block.isEmpty() ? new Past(null, "the chain has no block " + window.label() + " before the snapshot")
                    : new Past(take(block.get()), null);
        } catch (ChainReadException e) {
            return new Past(null, "cannot read the chain " + window.label() + " before the snapshot: " + e.getMessage());
        }
    }

    private List<RewardWindow> pointToPoint(PoolDefinition pool, Snapshot head, Map<Window, Past> past) {
        String method = RateMethod.ARCHIVE_POINT_TO_POINT.id();
        List<RewardWindow> windows = new ArrayList<>();
        PoolState now = state(head, pool);
        for (Window window : Window.of(method)) {
            if (window.length() == null) {
                windows.add(new RewardWindow(window, method, null, null, null, null, null, null, null, null, null,
                        "`snapshot` keeps no history: report points of this pool need `serve` (GET /api/pools/{id}/rewards)"));
                continue;
            }
            Past then = past.computeIfAbsent(window, w -> pastAt(head.block().timestamp().minus(w.length()), w));
            PoolState before = then.snapshot() == null ? null : state(then.snapshot(), pool);
            String problem = then.problem() != null ? then.problem()
                    : !now.isOk() ? "the pool failed at the snapshot's block: " + now.failure()
                    : !before.isOk() ? "the pool could not be read at block " + then.snapshot().block().number() + ": "
                            + before.failure() : null;
            if (problem != null) {
                windows.add(new RewardWindow(window, method, null, null, null, null, null, null, null, null, null, problem));
                continue;
            }
            BlockRef start = then.snapshot().block();
            RateStep step = new RateStep(start.number(), start.timestamp(), rate(before), head.block().number(),
                    head.block().timestamp(), rate(now));
            RewardWindow computed = RewardWindows.window(window, List.of(step), method);
            windows.add(new RewardWindow(computed.window(), method, computed.startBlock(), computed.startTime(),
                    computed.endBlock(), computed.endTime(), null, computed.startRate(), computed.endRate(),
                    computed.apr(), computed.apy(), computed.reason()));
        }
        return windows;
    }

    private Snapshot take(BlockRef block) {
        return snapshots.take(new BlockSelector.Number(block.number()));
    }

    /**
     * The last block whose timestamp is at or before {@code time}, by binary search over the block numbers the node
     * serves (from its earliest block, which is not block 0 on a chain started at a given height).
     */
    private Optional<BlockRef> blockAtOrBefore(Instant time) {
        long low = chain.pin(BlockSelector.EARLIEST).number();
        long high = chain.pin(BlockSelector.LATEST).number();
        BlockRef best = null;
        while (low <= high) {
            long middle = low + (high - low) / 2;
            BlockRef block = chain.pin(new BlockSelector.Number(middle));
            if (block.timestamp().isAfter(time)) {
                high = middle - 1;
            } else {
                best = block;
                low = middle + 1;
            }
        }
        return Optional.ofNullable(best);
    }

    private static PoolState state(Snapshot snapshot, PoolDefinition pool) {
        return snapshot.pools().stream().filter(p -> p.id().equals(pool.id())).findFirst()
                .orElse(PoolState.failed(pool.id(), "not in the snapshot"));
    }

    private static BigDecimal rate(PoolState state) {
        return new BigDecimal(state.ethPerToken(), 18);
    }
}
