package io.lsttracker.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryPolicyFaultTest {
    private static final RetryPolicy POLICY = new RetryPolicy(Duration.ofSeconds(20), 4, Duration.ofMillis(250),
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofMinutes(5));

    @Test
    void retryAfterIsSecondsOrAnHttpDateElseExponentialBackoff() {
        assertEquals(Duration.ofSeconds(7), RetryPolicy.retryAfter("7", 0));
        assertEquals(Duration.ofSeconds(1), RetryPolicy.retryAfter(null, 0));
        assertEquals(Duration.ofSeconds(8), RetryPolicy.retryAfter("soon", 3)); // 2^3
        assertEquals(Duration.ofSeconds(32), RetryPolicy.retryAfter("", 9)); // capped at 2^5
        String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(10));
        Duration wait = RetryPolicy.retryAfter(inTenSeconds, 0);
        assertTrue(wait.compareTo(Duration.ofSeconds(8)) >= 0 && wait.compareTo(Duration.ofSeconds(10)) <= 0, wait.toString());
        assertEquals(Duration.ZERO, RetryPolicy.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT", 0));
    }

    /** A random source that always draws its lowest or its highest value, to pin the jitter's bounds. */
    private static RandomGenerator fixed(boolean highest) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public long nextLong(long bound) {
                return highest ? bound - 1 : 0;
            }
        };
    }

    @Test
    void backoffDoublesFromTheBaseWithHalfOfItRandomUpToTheCap() {
        // By hand, base 250 ms: retry 1 -> step 250, wait in [125, 250); retry 2 -> step 500, [250, 500);
        // retry 3 -> 1000, [500, 1000); retry 7 -> 250 x 64 = 16000, capped at 10000: [5000, 10000).
        assertEquals(Duration.ofMillis(125), POLICY.backoff(1, fixed(false)));
        assertEquals(Duration.ofMillis(249), POLICY.backoff(1, fixed(true)));
        assertEquals(Duration.ofMillis(250), POLICY.backoff(2, fixed(false)));
        assertEquals(Duration.ofMillis(500), POLICY.backoff(3, fixed(false)));
        assertEquals(Duration.ofMillis(999), POLICY.backoff(3, fixed(true)));
        assertEquals(Duration.ofMillis(5000), POLICY.backoff(7, fixed(false)));
        assertEquals(Duration.ofMillis(9999), POLICY.backoff(7, fixed(true)));
        assertEquals(Duration.ofMillis(5000), POLICY.backoff(60, fixed(false)), "no overflow far out");
    }

    @Test
    void jitterSpreadsClientsThatFailedTogether() {
        SplittableRandom random = new SplittableRandom(42);
        long distinct = java.util.stream.IntStream.range(0, 50).mapToObj(i -> POLICY.backoff(4, random)).distinct().count();
        assertTrue(distinct > 25, "50 clients retrying together spread over many waits, got " + distinct);
    }
}
