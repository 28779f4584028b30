package io.lsttracker.backfill;

import io.lsttracker.domain.BlockRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds, for each point in time, the first block whose timestamp is at or after it, by reading block headers
 * (block timestamps never decrease with the number: the yellow paper requires a block's timestamp to exceed
 * its parent's). All points are searched together in rounds: each round guesses, for every point not yet
 * found, a block inside the bracket the headers seen so far leave for it, and fetches all guesses in
 * batches of {@code batchSize} headers per request. The guess is linear interpolation of the timestamp
 * between the bracket's ends (exact on a chain of regular slots), with the block before it so an exact
 * guess ends the search at once; where a round did not halve a point's bracket, the next guess for it is
 * the midpoint alone (bisection), which bounds the rounds to about twice log2 of the chain length. Every header
 * seen is kept, so neighbouring points start from narrow brackets.
 */
public final class BlockFinder {

    /** Reads block headers, all in one request. */
    public interface Headers {
        List<BlockRef> headers(List<Long> numbers);
    }

    /** What a search cost: HTTP requests for headers, headers fetched, and rounds. */
    public record Cost(long requests, long headers, long rounds) {
    }

    private final Headers source;
    private final int batchSize;
    private final BlockRef head;
    private final NavigableMap<Long, BlockRef> byNumber = new TreeMap<>();
    /** Per timestamp, the lowest and the highest block number seen with it. */
    private final NavigableMap<Long, long[]> byTime = new TreeMap<>();
    private long requests;
    private long headersFetched;
    private long rounds;

    /** Searches below {@code head} (inclusive): points after its timestamp have no block yet. */
    public BlockFinder(Headers source, int batchSize, BlockRef head) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        this.source = source;
        this.batchSize = batchSize;
        this.head = head;
        remember(head);
    }

    /** For each time, the first block at or after it; empty where the time is after the head's timestamp. */
    public Map<Instant, Optional<BlockRef>> find(List<Instant> times) {
        if (!byNumber.containsKey(0L)) {
            fetch(new TreeSet<>(List.of(0L)));
        }
        Map<Instant, Optional<BlockRef>> found = new HashMap<>();
        Map<Instant, Long> lastWidth = new HashMap<>();
        List<Instant> open = new ArrayList<>(new TreeSet<>(times));
        while (!open.isEmpty()) {
            TreeSet<Long> wanted = new TreeSet<>();
            List<Instant> stillOpen = new ArrayList<>();
            for (Instant time : open) {
                long t = time.getEpochSecond();
                Map.Entry<Long, long[]> below = byTime.lowerEntry(t);
                Map.Entry<Long, long[]> atOrAbove = byTime.ceilingEntry(t);
                if (atOrAbove == null) {
                    found.put(time, Optional.empty());
                    continue;
                }
                long hi = atOrAbove.getValue()[0];
                if (below == null || hi - below.getValue()[1] <= 1) {
                    found.put(time, Optional.of(byNumber.get(hi)));
                    continue;
                }
                long lo = below.getValue()[1];
                long width = hi - lo;
                Long previous = lastWidth.put(time, width);
                if (previous != null && width * 2 > previous) {
                    wanted.add(lo + width / 2);
                } else {
                    long guess = interpolate(lo, below.getKey(), hi, atOrAbove.getKey(), t);
                    wanted.add(guess);
                    if (guess - 1 > lo) {
                        wanted.add(guess - 1);
                    }
                }
                stillOpen.add(time);
            }
            if (!wanted.isEmpty()) {
                rounds++;
                fetch(wanted);
            }
            open = stillOpen;
        }
        return found;
    }

    /**
     * The block at which the timestamp would reach {@code t} if blocks between lo and hi were evenly spaced:
     * lo + ceil((t - tLo) x (hi - lo) / (tHi - tLo)), kept strictly inside (lo, hi).
     */
    static long interpolate(long lo, long tLo, long hi, long tHi, long t) {
        long guess = lo + ceilDiv(Math.multiplyExact(t - tLo, hi - lo), Math.max(1, tHi - tLo));
        return Math.min(hi - 1, Math.max(lo + 1, guess));
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    private void fetch(TreeSet<Long> numbers) {
        List<Long> all = new ArrayList<>(numbers);
        all.removeIf(byNumber::containsKey);
        for (int from = 0; from < all.size(); from += batchSize) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + batchSize));
            List<BlockRef> headers = source.headers(chunk);
            requests++;
            headersFetched += chunk.size();
            headers.forEach(this::remember);
        }
    }

    private void remember(BlockRef block) {
        byNumber.put(block.number(), block);
        long[] range = byTime.computeIfAbsent(block.timestamp().getEpochSecond(),
                t -> new long[] {block.number(), block.number()});
        range[0] = Math.min(range[0], block.number());
        range[1] = Math.max(range[1], block.number());
    }

    public Cost cost() {
        return new Cost(requests, headersFetched, rounds);
    }

    public BlockRef head() {
        return head;
    }
}
