package io.lsttracker.backfill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.domain.BlockRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The block of a time, against chains of known timestamps (a fake of our own Headers interface). */
class BlockFinderTest {

    /** A chain whose block n has timestamps[n]; counts the requests and headers asked. */
    static final class Chain implements BlockFinder.Headers {
        final long[] timestamps;
        int requests;
        int headers;

        Chain(long... timestamps) {
            this.timestamps = timestamps;
        }

        BlockRef block(long n) {
            return new BlockRef(n, "0x" + Long.toHexString(n), Instant.ofEpochSecond(timestamps[(int) n]));
        }

        BlockRef head() {
            return block(timestamps.length - 1);
        }

        @Override
        public List<BlockRef> headers(List<Long> numbers) {
            requests++;
            headers += numbers.size();
            List<BlockRef> out = new ArrayList<>();
            numbers.forEach(n -> out.add(block(n)));
            return out;
        }
    }

    private static Optional<Long> find(BlockFinder finder, long t) {
        Instant time = Instant.ofEpochSecond(t);
        return finder.find(List.of(time)).get(time).map(BlockRef::number);
    }

    @Test
    void onARegularChainInterpolationLandsOnTheBlockInOneRound() {
        // Blocks 0..10 at 1000 + 12 n: 1000, 1012, ..., 1120.
        Chain chain = new Chain(LongStream.rangeClosed(0, 10).map(n -> 1000 + 12 * n).toArray());
        BlockFinder finder = new BlockFinder(chain, 50, chain.head());
        // t = 1061: interpolation between 0 (1000) and 10 (1120) gives 0 + ceil(61 x 10 / 120) = ceil(5.08) = 6;
        // the round fetches 5 (1060 < 1061) and 6 (1072 >= 1061), so the answer is 6 after one round.
        assertEquals(Optional.of(6L), find(finder, 1061));
        // genesis, then one round of two headers
        assertEquals(2, chain.requests);
        assertEquals(3, chain.headers);
        assertEquals(new BlockFinder.Cost(2, 3, 1), finder.cost());
    }

    @Test
    void anExactTimestampIsItsOwnBlockAndEdgesAreGenesisAndNothing() {
        Chain chain = new Chain(LongStream.rangeClosed(0, 10).map(n -> 1000 + 12 * n).toArray());
        BlockFinder finder = new BlockFinder(chain, 50, chain.head());
        assertEquals(Optional.of(5L), find(finder, 1060)); // 1000 + 12 x 5
        assertEquals(Optional.of(0L), find(finder, 1000)); // genesis' own time
        assertEquals(Optional.of(0L), find(finder, 10)); // before genesis: the first block at or after is 0
        assertEquals(Optional.of(10L), find(finder, 1120)); // the head's time
        assertEquals(Optional.empty(), find(finder, 1121)); // after the head: no block yet
    }

    @Test
    void anIrregularChainIsSearchedUntilTheBracketCloses() {
        // Sparse blocks then a burst: 0:0, 1:14400, 2:28800, 3:43200, 4:43800, 5:43801, 6:43802, 7:86400.
        Chain chain = new Chain(0, 14_400, 28_800, 43_200, 43_800, 43_801, 43_802, 86_400);
        BlockFinder finder = new BlockFinder(chain, 50, chain.head());
        // 43,801 is block 5's own time; 43,500 falls between 3 (43,200) and 4 (43,800), so 4; 50,000 is after
        // 6 (43,802), so 7.
        Map<Instant, Optional<BlockRef>> found = finder.find(List.of(Instant.ofEpochSecond(43_801),
                Instant.ofEpochSecond(43_500), Instant.ofEpochSecond(50_000)));
        assertEquals(5L, found.get(Instant.ofEpochSecond(43_801)).orElseThrow().number());
        assertEquals(4L, found.get(Instant.ofEpochSecond(43_500)).orElseThrow().number());
        assertEquals(7L, found.get(Instant.ofEpochSecond(50_000)).orElseThrow().number());
    }

    @Test
    void everyPointOfALongIrregularChainGetsTheFirstBlockAtOrAfterItWithFewRequests() {
        // 20,000 blocks whose gaps cycle through 1, 1, 5, 600 and 30 seconds: far from evenly spaced.
        long[] gaps = {1, 1, 5, 600, 30};
        long[] timestamps = new long[20_000];
        for (int n = 1; n < timestamps.length; n++) {
            timestamps[n] = timestamps[n - 1] + gaps[n % gaps.length];
        }
        Chain chain = new Chain(timestamps);
        BlockFinder finder = new BlockFinder(chain, 100, chain.head());
        List<Instant> points = new ArrayList<>();
        for (long t = 0; t <= timestamps[timestamps.length - 1]; t += 3_600) {
            points.add(Instant.ofEpochSecond(t));
        }
        Map<Instant, Optional<BlockRef>> found = finder.find(points);
        for (Instant point : points) {
            long n = found.get(point).orElseThrow().number();
            long t = point.getEpochSecond();
            assertTrue(timestamps[(int) n] >= t && (n == 0 || timestamps[(int) n - 1] < t), "point " + t + ": " + n);
        }
        // log2(20,000) is about 14.3: rounds stay within twice that, and requests within rounds x batches
        BlockFinder.Cost cost = finder.cost();
        assertTrue(cost.rounds() <= 29, "rounds " + cost.rounds());
        assertTrue(cost.requests() < points.size(), "requests " + cost.requests() + " for " + points.size() + " points");
    }

    @Test
    void headersSeenAreNotFetchedAgain() {
        Chain chain = new Chain(LongStream.rangeClosed(0, 100).map(n -> 12 * n).toArray());
        BlockFinder finder = new BlockFinder(chain, 50, chain.head());
        find(finder, 600);
        int headers = chain.headers;
        assertEquals(Optional.of(50L), find(finder, 600));
        assertEquals(headers, chain.headers);
    }
}
