package io.lsttracker.rewards;

import io.lsttracker.chain.ChainReader;
import io.lsttracker.chain.LogReader;
import io.lsttracker.pool.PoolDefinition;
import io.lsttracker.pool.PoolRegistry;
import io.lsttracker.domain.BlockRef;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.abi.datatypes.Address;

/**
 * Brings each pool's report events in the store up to a confirmed block: from its cursor (or, the first
 * time, {@code lookback-blocks} before that block) in pages of {@code page-blocks}, each page stored with
 * its cursor in one transaction, so nothing is read twice and an interrupted run goes on where it stopped.
 * Each range is read from the contract that emitted the event then ({@link EventSources#emitters}: Rocket
 * Pool's RocketNetworkBalances changes on upgrades); the emitter seen last is remembered, so a run with no
 * upgrade in its range makes no extra look-up.
 * Callers pass only confirmed blocks (the snapshot cycle's block is already {@code confirmations} behind the
 * head); a backfill can call {@link #indexUpTo} with any confirmed block.
 */
@Singleton
public final class EventIndexer {
    private static final Logger LOG = LoggerFactory.getLogger(EventIndexer.class);

    private final PoolRegistry registry;
    private final ChainReader chain;
    private final RewardStore store;
    private final EventPager pager;
    private final long lookbackBlocks;
    private final java.util.Map<io.lsttracker.domain.PoolId, EventSources.KnownEmitter> lastEmitter =
            new java.util.concurrent.ConcurrentHashMap<>();

    public EventIndexer(PoolRegistry registry, ChainReader chain, LogReader logs, RewardStore store,
            RewardSettings settings) {
        this.registry = registry;
        this.chain = chain;
        this.store = store;
        this.pager = new EventPager(logs, settings.pageBlocks());
        this.lookbackBlocks = settings.lookbackBlocks();
    }

    /** Indexes every pool with a report event up to {@code confirmed}; returns the number of logs stored. */
    public synchronized int indexUpTo(BlockRef confirmed) {
        int stored = 0;
        for (PoolDefinition pool : registry.pools()) {
            Optional<RewardEvent> event = RewardEvent.of(pool.protocol());
            if (event.isPresent()) {
                stored += index(pool, event.get(), confirmed);
            }
        }
        return stored;
    }

    private int index(PoolDefinition pool, RewardEvent event, BlockRef confirmed) {
        long from = store.cursor(pool.id(), event.eventName()).map(last -> last + 1)
                .orElse(Math.max(0, confirmed.number() - lookbackBlocks));
        if (from > confirmed.number()) {
            return 0;
        }
        List<EventSources.EmitterRange> ranges = EventSources.emittersOrHead(chain, pool, from, confirmed,
                Optional.ofNullable(lastEmitter.get(pool.id())), LOG);
        if (ranges.size() > 1) {
            LOG.info("{}: {} emitted in blocks {}..{} by {}", pool.id(), event.eventName(), from, confirmed.number(),
                    ranges.stream().map(r -> (r.emitter() == null ? "none" : r.emitter().toString()) + " ("
                            + r.fromBlock() + ".." + r.toBlock() + ")").toList());
        }
        int[] stored = {0};
        for (EventSources.EmitterRange range : ranges) {
            if (range.emitter() == null) {
                continue; // before the protocol named any emitter: nothing to read
            }
            pager.read(range.emitter(), event.topic0(), range.fromBlock(), range.toBlock(), (logs, end) -> {
                store.savePage(pool.id(), event.eventName(), logs, from, end);
                stored[0] += logs.size();
            });
        }
        EventSources.EmitterRange last = ranges.get(ranges.size() - 1);
        lastEmitter.put(pool.id(), new EventSources.KnownEmitter(last.emitter(), last.toBlock()));
        if (stored[0] > 0) {
            LOG.info("{}: {} {} event(s) indexed in blocks {}..{}", pool.id(), stored[0], event.eventName(), from,
                    confirmed.number());
        }
        return stored[0];
    }

    /** A reorg replaced {@code block}: its events and those after it are read again. */
    public void rewindTo(long block) {
        lastEmitter.clear(); // the emitters seen on the replaced blocks may not be the new chain's
        store.rewindTo(block);
    }
}
