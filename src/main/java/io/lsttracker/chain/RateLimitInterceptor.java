package io.lsttracker.chain;

import java.io.IOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Slows down when a provider answers 429 Too Many Requests: every request of the connection (not only the
 * refused one) waits until the time the provider asked for in Retry-After (seconds or an HTTP date, RFC 9110
 * section 10.2.3), or 1, 2, 4... seconds without one, and the refused request is sent again, at most
 * {@link #MAX_RETRIES} times in a row.
 */
final class RateLimitInterceptor implements Interceptor {
    static final int MAX_RETRIES = 5;
    static final Duration MAX_WAIT = Duration.ofSeconds(60);

    private final AtomicLong notBeforeNanos = new AtomicLong(System.nanoTime());
    private final AtomicLong refused = new AtomicLong();

    @Override
    public Response intercept(Chain chain) throws IOException {
        for (int attempt = 0; ; attempt++) {
            awaitTurn();
            Response response = chain.proceed(chain.request());
            if (response.code() != 429) {
                return response;
            }
            refused.incrementAndGet();
            Duration wait = retryAfter(response.header("Retry-After"), attempt);
            response.close();
            if (attempt >= MAX_RETRIES) {
                throw new IOException("rate limited: HTTP 429 Too Many Requests " + (attempt + 1) + " times in a row");
            }
            if (wait.compareTo(MAX_WAIT) > 0) {
                throw new IOException("rate limited: HTTP 429 with Retry-After " + wait.toSeconds()
                        + " s, longer than the " + MAX_WAIT.toSeconds() + " s this client waits");
            }
            long until = System.nanoTime() + wait.toNanos();
            notBeforeNanos.accumulateAndGet(until, Math::max);
        }
    }

    /** 429 answers received so far. */
    long refused() {
        return refused.get();
    }

    private void awaitTurn() throws IOException {
        long wait;
        while ((wait = notBeforeNanos.get() - System.nanoTime()) > 0) {
            try {
                Thread.sleep(Math.max(1, wait / 1_000_000), (int) Math.min(999_999, wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting out a rate limit");
            }
        }
    }

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
