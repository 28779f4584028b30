package io.lsttracker.snapshot;

import io.lsttracker.chain.ChainReadException;
import io.lsttracker.chain.ChainReader;
import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.BlockSelector;
import io.lsttracker.domain.Snapshot;
import io.lsttracker.db.StoreException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One cycle of the live tracker: look at the head, first re-check the stored head against the canonical
 * chain (a reorg replaces it and every stored block after the fork point, see {@link ReorgCheck}), then snapshot the block {@code confirmations} behind the head unless it is
 * already stored. A cycle that fails logs one line and is counted; nothing stored is touched, and the next
 * cycle tries again. Cycles are serialised: a double trigger waits and then finds the block stored.
 */
@Singleton
public final class SnapshotCycle {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotCycle.class);

    /** What a cycle did; the label of lst_snapshot_cycles_total. */
    public enum Outcome {
        STORED, REPLACED, UNCHANGED, FAILED
    }

    /** The last cycle's result and the last success, for /health and alerts on staleness. */
    public record Status(Instant startedAt, Optional<Instant> lastSuccess, Optional<String> lastFailure,
            Optional<Instant> lastFailureAt) {
    }

    private final ChainReader chain;
    private final SnapshotService snapshots;
    private final SnapshotStore store;
    private final SnapshotRecorder recorder;
    private final ReorgCheck reorgs;
    private final long confirmations;
    private final Map<Outcome, Counter> cycles = new EnumMap<>(Outcome.class);
    private final Counter tooDeep;
    private final Instant startedAt = Instant.now();
    private final AtomicReference<Instant> lastSuccess = new AtomicReference<>();
    private final AtomicReference<String> lastFailure = new AtomicReference<>();
    private final AtomicReference<Instant> lastFailureAt = new AtomicReference<>();

    @Inject
    public SnapshotCycle(ChainReader chain, SnapshotService snapshots, SnapshotStore store, SnapshotRecorder recorder,
            ReorgCheck reorgs, MeterRegistry meters, SnapshotSettings settings) {
        this(chain, snapshots, store, recorder, reorgs, meters, settings.confirmations());
    }

    /** With {@code confirmations} given (tests); the context's comes from tracker.confirmations. */
    public SnapshotCycle(ChainReader chain, SnapshotService snapshots, SnapshotStore store, SnapshotRecorder recorder,
            ReorgCheck reorgs, MeterRegistry meters, long confirmations) {
        this.chain = chain;
        this.snapshots = snapshots;
        this.store = store;
        this.recorder = recorder;
        this.reorgs = reorgs;
        this.confirmations = confirmations;
        for (Outcome outcome : Outcome.values()) {
            cycles.put(outcome, Counter.builder("lst.snapshot.cycles")
                    .description("Snapshot cycles by outcome")
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                    .register(meters));
        }
        tooDeep = Counter.builder("lst.snapshot.reorg.too.deep")
                .description("Reorgs that went below tracker.reorg-depth: older stored snapshots may be orphaned")
                .register(meters);
        Gauge.builder("lst.snapshot.last.success", lastSuccess,
                        ref -> ref.get() == null ? Double.NaN : ref.get().getEpochSecond())
                .description("Unix time of the last successful snapshot cycle")
                .baseUnit("seconds")
                .register(meters);
    }

    public synchronized Outcome runOnce() {
        Outcome outcome;
        try {
            outcome = cycle();
            lastSuccess.set(Instant.now());
        } catch (ChainReadException | StoreException e) {
            outcome = Outcome.FAILED;
            lastFailure.set(e.getMessage());
            lastFailureAt.set(Instant.now());
            LOG.warn("snapshot cycle failed: {}", e.getMessage());
        } catch (RuntimeException e) {
            // Anything else (a driver's own exception in an outage, say) is a failed cycle too: counted and shown,
            // so the counters and the staleness alert never go quiet while the cycle is broken.
            outcome = Outcome.FAILED;
            lastFailure.set(e.toString());
            lastFailureAt.set(Instant.now());
            LOG.warn("snapshot cycle failed unexpectedly", e);
        }
        cycles.get(outcome).increment();
        return outcome;
    }

    private Outcome cycle() {
        BlockRef head = chain.pin(BlockSelector.LATEST);
        Optional<BlockRef> stored = store.head();
        if (stored.isPresent() && stored.get().number() > head.number()) {
            // A head below what was stored (a node resynced from scratch, another chain on the same port) is not a
            // healthy chain with nothing new: the cycle fails with the reason, so /health and the stale-data
            // alert say so until the chain is past the stored head again.
            throw new ChainReadException("the chain's head " + head.number() + " is below the stored head "
                    + stored.get().number() + ": the node went backwards (resynced, or another chain); nothing is "
                    + "stored until it is past block " + stored.get().number() + " again");
        }
        Optional<ReorgCheck.Reorg> reorg = stored.isPresent() ? reorgs.detect(stored.get(), head.number()) : Optional.empty();
        if (reorg.isPresent()) {
            List<ReorgCheck.Orphan> orphans = reorg.get().orphans();
            if (reorg.get().deeperThanDepth()) {
                tooDeep.increment();
                LOG.error("reorg deeper than tracker.reorg-depth (LST_REORG_DEPTH): no stored block from {} to {} is "
                        + "canonical, and the snapshots stored below block {} may be orphaned too; they are kept as "
                        + "they are and not checked again (docs/RELIABILITY.md, \"Reorgs\")",
                        orphans.get(0).number(), orphans.get(orphans.size() - 1).number(), orphans.get(0).number());
            }
            recorder.reorganised(reorg.get().fromBlock());
            // Read again, not patched: every figure of the replaced block may differ on the new branch.
            List<Snapshot> again = orphans.stream().map(o -> snapshots.take(new BlockSelector.Number(o.number()))).toList();
            recorder.recordAll(again);
            for (int i = 0; i < orphans.size(); i++) {
                LOG.warn("reorg: stored block {} had hash {}, the canonical one is {}; snapshot replaced",
                        orphans.get(i).number(), orphans.get(i).storedHash(), again.get(i).block().hash());
            }
            return Outcome.REPLACED;
        }
        long target = Math.max(0, head.number() - confirmations);
        if (stored.isPresent() && stored.get().number() >= target) {
            return Outcome.UNCHANGED;
        }
        Snapshot snapshot = snapshots.take(new BlockSelector.Number(target));
        SnapshotStore.SaveOutcome saved = recorder.record(snapshot);
        if (!snapshot.failedPools().isEmpty()) {
            LOG.warn("snapshot of block {}: {} pool(s) failed: {}", target, snapshot.failedPools().size(),
                    snapshot.failedPools().stream().map(p -> p.id() + ": " + p.failure()).toList());
        }
        return saved == SnapshotStore.SaveOutcome.ALREADY_STORED ? Outcome.UNCHANGED : Outcome.STORED;
    }

    /** Reorgs deeper than tracker.reorg-depth found since the start (lst_snapshot_reorg_too_deep_total). */
    public long reorgsTooDeep() {
        return (long) tooDeep.count();
    }

    public Status status() {
        return new Status(startedAt, Optional.ofNullable(lastSuccess.get()), Optional.ofNullable(lastFailure.get()),
                Optional.ofNullable(lastFailureAt.get()));
    }
}
