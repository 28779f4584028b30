package io.lsttracker.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class RateLimitInterceptorTest {

    @Test
    void retryAfterIsSecondsOrAnHttpDateElseExponentialBackoff() {
        assertEquals(Duration.ofSeconds(7), RateLimitInterceptor.retryAfter("7", 0));
        assertEquals(Duration.ofSeconds(1), RateLimitInterceptor.retryAfter(null, 0));
        assertEquals(Duration.ofSeconds(8), RateLimitInterceptor.retryAfter("soon", 3)); // 2^3
        assertEquals(Duration.ofSeconds(32), RateLimitInterceptor.retryAfter("", 9)); // capped at 2^5
        String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(10));
        Duration wait = RateLimitInterceptor.retryAfter(inTenSeconds, 0);
        assertTrue(wait.compareTo(Duration.ofSeconds(8)) >= 0 && wait.compareTo(Duration.ofSeconds(10)) <= 0, wait.toString());
        assertEquals(Duration.ZERO, RateLimitInterceptor.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT", 0));
    }
}
