package io.lsttracker.backfill;

import io.lsttracker.chain.ChainReadException;
import io.lsttracker.chain.ChainReader;
import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.BlockSelector;
import io.lsttracker.domain.Snapshot;
import io.lsttracker.snapshot.SnapshotRecorder;
import io.lsttracker.snapshot.SnapshotService;
import io.lsttracker.snapshot.SnapshotSettings;
import io.lsttracker.snapshot.SnapshotStore;
import io.lsttracker.snapshot.StoredBlocks;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backfills history: finds the block of each point ({@link BlockFinder}), skips blocks already stored, reads
 * the rest {@code batchSize} blocks per JSON-RPC batch with at most {@code maxInFlight} batches in flight,
 * and stores each snapshot through the {@link SnapshotRecorder} (so derived figures are derived as for live
 * snapshots), oldest first and in block order. A snapshot is stored whole or not at all, so a run stopped at
 * any moment (kill -9 included) leaves complete snapshots of a prefix of the blocks, and the next run skips
 * them. A chain error (a pruned node, an unreachable one) ends the run: the batch it hit is not stored.
 */
@Singleton
public final class Backfill {
    private static final Logger LOG = LoggerFactory.getLogger(Backfill.class);

    private final ChainReader chain;
    private final SnapshotService snapshots;
    private final SnapshotRecorder recorder;
    private final StoredBlocks storedBlocks;
    private final BackfillSettings settings;
    private final long confirmations;

    public Backfill(ChainReader chain, SnapshotService snapshots, SnapshotRecorder recorder, StoredBlocks storedBlocks,
            BackfillSettings settings, SnapshotSettings snapshotSettings) {
        this.chain = chain;
        this.snapshots = snapshots;
        this.recorder = recorder;
        this.storedBlocks = storedBlocks;
        this.settings = settings;
        this.confirmations = snapshotSettings.confirmations();
    }

    public BackfillReport run(BackfillRequest request, Consumer<BackfillProgress> progress) {
        long started = System.nanoTime();
        List<Instant> points = request.points();
        // Blocks within tracker.confirmations of the head may still be reorganised away: not history yet.
        BlockRef latest = chain.pin(BlockSelector.LATEST);
        long topNumber = Math.max(0, latest.number() - confirmations);
        BlockRef top = topNumber == latest.number() ? latest : chain.headers(List.of(topNumber)).get(0);

        BlockFinder finder = new BlockFinder(chain::headers, settings.batchSize(), top);
        Map<Instant, Optional<BlockRef>> found = finder.find(points);
        BlockFinder.Cost cost = finder.cost();
        TreeMap<Long, BlockRef> blocks = new TreeMap<>();
        TreeMap<Long, Integer> pointsPerBlock = new TreeMap<>();
        long afterHead = 0;
        for (Instant point : points) {
            Optional<BlockRef> block = found.get(point);
            if (block.isEmpty()) {
                afterHead++;
                continue;
            }
            blocks.put(block.get().number(), block.get());
            pointsPerBlock.merge(block.get().number(), 1, Integer::sum);
        }
        LOG.info("backfill {} to {} every {}: {} points on {} blocks ({} after block {} at {}); found with {} "
                + "header requests ({} headers, {} rounds)", request.from(), request.to(), request.interval(),
                points.size(), blocks.size(), afterHead, top.number(), top.timestamp(), cost.requests(),
                cost.headers(), cost.rounds());

        Counts counts = new Counts(points.size(), afterHead, started, progress);
        List<BlockRef> todo = new ArrayList<>();
        if (!blocks.isEmpty()) {
            Map<Long, String> stored = storedBlocks.hashesBetween(blocks.firstKey(), blocks.lastKey());
            for (BlockRef block : blocks.values()) {
                if (block.hash().equals(stored.get(block.number()))) {
                    counts.alreadyStored(pointsPerBlock.get(block.number()));
                } else {
                    todo.add(block);
                }
            }
        }
        counts.report();
        readAndRecord(todo, pointsPerBlock, counts);
        BackfillReport report = new BackfillReport(points.size(), blocks.size(), counts.stored, counts.alreadyStored,
                afterHead, counts.failedPools, cost, Duration.ofNanos(System.nanoTime() - started));
        LOG.info("backfill done: {} snapshots stored, {} blocks already stored, {} points after the head, "
                + "{} failed pool readings, in {} ms", report.stored(), report.alreadyStored(), afterHead,
                report.failedPoolReadings(), report.elapsed().toMillis());
        return report;
    }

    /** Reads batches in parallel (bounded) and records their snapshots strictly in block order. */
    private void readAndRecord(List<BlockRef> todo, Map<Long, Integer> pointsPerBlock, Counts counts) {
        if (todo.isEmpty()) {
            return;
        }
        int size = settings.batchSize();
        List<List<BlockRef>> batches = new ArrayList<>();
        for (int from = 0; from < todo.size(); from += size) {
            batches.add(todo.subList(from, Math.min(todo.size(), from + size)));
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService readers = Executors.newFixedThreadPool(settings.maxInFlight(), r -> {
            Thread t = new Thread(r, "backfill-read-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Deque<Future<List<Snapshot>>> inFlight = new ArrayDeque<>();
        int next = 0;
        try {
            while (next < batches.size() || !inFlight.isEmpty()) {
                while (inFlight.size() < settings.maxInFlight() && next < batches.size()) {
                    List<BlockRef> batch = batches.get(next++);
                    inFlight.add(readers.submit(() -> snapshots.read(batch)));
                }
                List<Snapshot> read = await(inFlight.poll());
                List<SnapshotStore.SaveOutcome> outcomes = recorder.recordHistory(read);
                for (int i = 0; i < read.size(); i++) {
                    Snapshot snapshot = read.get(i);
                    SnapshotStore.SaveOutcome outcome = outcomes.get(i);
                    int pointsOfBlock = pointsPerBlock.get(snapshot.block().number());
                    if (outcome == SnapshotStore.SaveOutcome.ALREADY_STORED) {
                        counts.alreadyStored(pointsOfBlock);
                    } else {
                        counts.stored(pointsOfBlock, snapshot.failedPools().size());
                    }
                    counts.report();
                }
            }
        } finally {
            readers.shutdownNow();
        }
    }

    private static List<Snapshot> await(Future<List<Snapshot>> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChainReadException("backfill interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Running totals, reported to the caller's progress listener. */
    private static final class Counts {
        final long total;
        final long afterHead;
        final long started;
        final Consumer<BackfillProgress> listener;
        long done;
        long stored;
        long alreadyStored;
        long failedPools;

        Counts(long total, long afterHead, long started, Consumer<BackfillProgress> listener) {
            this.total = total;
            this.afterHead = afterHead;
            this.done = afterHead;
            this.started = started;
            this.listener = listener;
        }

        void alreadyStored(int points) {
            alreadyStored++;
            done += points;
        }

        void stored(int points, int failed) {
            stored++;
            done += points;
            failedPools += failed;
        }

        void report() {
            listener.accept(new BackfillProgress(done, total, stored, alreadyStored, afterHead,
                    Duration.ofNanos(System.nanoTime() - started)));
        }
    }
}
