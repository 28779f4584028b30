package io.lsttracker.chain;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How hard one JSON-RPC request is tried before it fails: at most {@code maxAttempts} HTTP attempts over the
 * configured endpoints, each bounded by {@code requestTimeout}; a retry at an endpoint that just failed waits an
 * exponential backoff with jitter; a failing endpoint is rested for {@code endpointRest} (other endpoints are
 * preferred meanwhile); a 429's Retry-After is honoured and waits longer than {@code maxRetryAfter} are refused.
 *
 * @param chainIdRecheck how long an endpoint's eth_chainId answer is trusted before it is asked again
 */
public record RetryPolicy(Duration requestTimeout, int maxAttempts, Duration backoffBase, Duration backoffMax,
        Duration endpointRest, Duration maxRetryAfter, Duration chainIdRecheck) {

    public RetryPolicy {
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
    }

    /**
     * The configured defaults (application.yml's tracker.chain) with another per-request timeout: one-endpoint
     * connections of tools and tests, made without an application context.
     */
    public static RetryPolicy withTimeout(Duration requestTimeout) {
        RetryPolicy d = ChainSettings.defaults().retryPolicy();
        return new RetryPolicy(requestTimeout, d.maxAttempts, d.backoffBase, d.backoffMax, d.endpointRest,
                d.maxRetryAfter, d.chainIdRecheck);
    }

    /**
     * The wait before retry number {@code retry} (1 for the first retry) at an endpoint that failed:
     * "equal jitter" (AWS Architecture Blog, "Exponential Backoff And Jitter", 2015): half of
     * min(max, base x 2^(retry-1)) fixed and the other half uniformly random, so clients that failed together
     * do not come back together, yet each still waits at least half the exponential step.
     * E.g. base 250 ms, retry 3: step = 250 x 4 = 1000 ms, wait in [500, 1000) ms.
     */
    Duration backoff(int retry, RandomGenerator random) {
        long base = Math.max(1, backoffBase.toMillis());
        long step = Math.min(backoffMax.toMillis(), base << Math.min(Math.max(retry - 1, 0), 30));
        long half = step / 2;
        return Duration.ofMillis(half + (step - half == 0 ? 0 : random.nextLong(step - half)));
    }

    /**
     * The wait a 429 asks for in Retry-After: seconds or an HTTP date (RFC 9110 section 10.2.3); without a usable
     * header, 1, 2, 4... seconds by how many 429s came in a row (at most 32 s).
     */
    static Duration retryAfter(String header, int attempt) {
        Duration backoff = Duration.ofSeconds(1L << Math.min(attempt, 5));
        if (header == null || header.isBlank()) {
            return backoff;
        }
        String value = header.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration until = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notADate) {
                return backoff;
            }
        }
    }
}
