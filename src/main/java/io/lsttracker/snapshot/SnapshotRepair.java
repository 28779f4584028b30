package io.lsttracker.snapshot;

import io.lsttracker.chain.ChainReader;
import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.BlockSelector;
import io.lsttracker.domain.Snapshot;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repairs a range of stored snapshots after a reorg deeper than tracker.reorg-depth, which the live cycle does not
 * look below: every stored block of the range is compared with the canonical chain (its headers, in batches), and
 * the orphaned ones are read again at their numbers on the canonical chain, not patched, and replaced in ONE
 * transaction (all or none), as the cycle replaces a reorg within the depth. Listeners first forget what they
 * derived from the first orphaned block on (report events, entity readings), and index it again.
 */
@Singleton
public final class SnapshotRepair {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotRepair.class);
    /** Headers asked per JSON-RPC batch request. */
    static final int HEADERS_PER_REQUEST = 500;

    /** What a repair found and did. */
    public record Report(long fromBlock, long toBlock, int stored, List<ReorgCheck.Orphan> replaced) {
        public String summary() {
            if (replaced.isEmpty()) {
                return "blocks " + fromBlock + " to " + toBlock + ": " + stored + " stored snapshot(s), every one on "
                        + "the canonical chain; nothing replaced";
            }
            return "blocks " + fromBlock + " to " + toBlock + ": " + stored + " stored snapshot(s), " + replaced.size()
                    + " orphaned, read again from the canonical chain and replaced: "
                    + replaced.stream().map(o -> Long.toString(o.number())).toList();
        }
    }

    private final ChainReader chain;
    private final SnapshotService snapshots;
    private final StoredBlocks stored;
    private final SnapshotRecorder recorder;

    public SnapshotRepair(ChainReader chain, SnapshotService snapshots, StoredBlocks stored,
            SnapshotRecorder recorder) {
        this.chain = chain;
        this.snapshots = snapshots;
        this.stored = stored;
        this.recorder = recorder;
    }

    /** Refuses a range that cannot be meant, naming what is wrong, before anything is read. */
    public static void checkRange(long fromBlock, long toBlock) {
        if (fromBlock < 0 || toBlock < 0) {
            throw new IllegalArgumentException("--from-block and --to-block are block numbers, at least 0; got "
                    + fromBlock + " and " + toBlock);
        }
        if (fromBlock > toBlock) {
            throw new IllegalArgumentException("--from-block " + fromBlock + " is after --to-block " + toBlock);
        }
    }

    public Report repair(long fromBlock, long toBlock) {
        checkRange(fromBlock, toBlock);
        BlockRef head = chain.pin(BlockSelector.LATEST);
        if (toBlock > head.number()) {
            throw new IllegalArgumentException("--to-block " + toBlock + " is past the chain's head (block "
                    + head.number() + ")");
        }
        Map<Long, String> hashes = stored.hashesBetween(fromBlock, toBlock);
        if (hashes.isEmpty()) {
            throw new IllegalArgumentException("no snapshot is stored from block " + fromBlock + " to block " + toBlock
                    + ": nothing to repair");
        }
        List<Long> numbers = new ArrayList<>(hashes.keySet());
        numbers.sort(null);
        List<ReorgCheck.Orphan> orphans = new ArrayList<>();
        long forgetFrom = -1;
        long lastCanonical = fromBlock - 1;
        for (int start = 0; start < numbers.size(); start += HEADERS_PER_REQUEST) {
            List<Long> part = numbers.subList(start, Math.min(numbers.size(), start + HEADERS_PER_REQUEST));
            List<BlockRef> canonical = chain.headers(part);
            for (int i = 0; i < part.size(); i++) {
                long number = part.get(i);
                String storedHash = hashes.get(number);
                if (storedHash.equals(canonical.get(i).hash())) {
                    lastCanonical = number;
                } else {
                    if (forgetFrom < 0) {
                        // the blocks between the last stored one still canonical and this one are vouched for by none
                        forgetFrom = lastCanonical + 1;
                    }
                    orphans.add(new ReorgCheck.Orphan(number, storedHash, canonical.get(i).hash()));
                }
            }
        }
        if (orphans.isEmpty()) {
            return new Report(fromBlock, toBlock, numbers.size(), List.of());
        }
        recorder.reorganised(forgetFrom);
        List<Snapshot> again = orphans.stream().map(o -> snapshots.take(new BlockSelector.Number(o.number()))).toList();
        recorder.recordTogether(again);
        for (int i = 0; i < orphans.size(); i++) {
            LOG.warn("repair: stored block {} had hash {}, the canonical one is {}; snapshot replaced",
                    orphans.get(i).number(), orphans.get(i).storedHash(), again.get(i).block().hash());
        }
        return new Report(fromBlock, toBlock, numbers.size(), List.copyOf(orphans));
    }
}
