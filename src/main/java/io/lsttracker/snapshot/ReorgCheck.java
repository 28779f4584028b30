package io.lsttracker.snapshot;

import io.lsttracker.chain.ChainReader;
import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.BlockSelector;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the stored snapshots whose block is no longer canonical. A reorg that replaces block k replaces every
 * block after it too, so the stored head is checked first (one eth_getBlockByNumber a cycle) and only when its
 * hash differs are older stored blocks compared, newest first, until one still matches: the fork point. The
 * walk stops {@code tracker.reorg-depth} blocks below the stored head (mainnet's finality, two epochs, is 64
 * blocks; a deeper reorg is not expected after the Merge).
 */
@Singleton
public final class ReorgCheck {
    /** A stored block that the canonical chain replaced. */
    public record Orphan(long number, String storedHash, String canonicalHash) {
    }

    /**
     * What a reorg took away: the stored blocks to read again (oldest first), and the first block that may
     * differ, the one after the newest stored block still canonical. Figures kept per block between stored
     * snapshots (report events) are forgotten from there, since no stored hash vouches for those blocks.
     */
    public record Reorg(List<Orphan> orphans, long fromBlock, boolean deeperThanDepth) {
        public Reorg(List<Orphan> orphans, long fromBlock) {
            this(orphans, fromBlock, false);
        }
    }

    private final ChainReader chain;
    private final StoredBlocks stored;
    private final long depth;

    @Inject
    public ReorgCheck(ChainReader chain, StoredBlocks stored, SnapshotSettings settings) {
        this(chain, stored, settings.reorgDepth());
    }

    /** With {@code depth} given (tests); the context's comes from tracker.reorg-depth. */
    public ReorgCheck(ChainReader chain, StoredBlocks stored, long depth) {
        this.chain = chain;
        this.stored = stored;
        this.depth = depth;
    }

    /**
     * The reorg under the stored head, if any; none when the stored head is canonical, or lies beyond the chain's
     * head (a chain rolled back: it is checked once the chain has grown past it).
     */
    public Optional<Reorg> detect(BlockRef storedHead, long chainHead) {
        if (storedHead.number() > chainHead) {
            return Optional.empty();
        }
        BlockRef canonicalHead = chain.pin(new BlockSelector.Number(storedHead.number()));
        if (canonicalHead.hash().equals(storedHead.hash())) {
            return Optional.empty();
        }
        long floor = Math.max(0, storedHead.number() - depth);
        long fromBlock = floor;
        boolean forkFound = false;
        List<Orphan> orphans = new ArrayList<>();
        orphans.add(new Orphan(storedHead.number(), storedHead.hash(), canonicalHead.hash()));
        Map<Long, String> below = stored.hashesBetween(floor, storedHead.number() - 1);
        List<Long> newestFirst = new ArrayList<>(below.keySet());
        newestFirst.sort(Collections.reverseOrder());
        for (long number : newestFirst) {
            String canonical = chain.pin(new BlockSelector.Number(number)).hash();
            if (canonical.equals(below.get(number))) {
                fromBlock = number + 1;
                forkFound = true;
                break;
            }
            orphans.add(new Orphan(number, below.get(number), canonical));
        }
        Collections.reverse(orphans);
        // No stored block within the depth is canonical, yet snapshots are stored below it: those may be orphaned
        // too, and are not looked at (the depth bounds the work of one cycle).
        boolean deeper = !forkFound && floor > 0
                && !stored.hashesBetween(Math.max(0, floor - depth), floor - 1).isEmpty();
        return Optional.of(new Reorg(List.copyOf(orphans), fromBlock, deeper));
    }
}
