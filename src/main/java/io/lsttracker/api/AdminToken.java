package io.lsttracker.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin endpoints' guard: off (404) unless {@code tracker.admin.token} (LST_ADMIN_TOKEN, at least 32
 * characters, see {@link ApiSettings.Admin}) is set; then a request needs "Authorization: Bearer TOKEN". The
 * comparison is of SHA-256 digests with MessageDigest.isEqual, which takes the same time wherever the first
 * difference is, and hashing first hides the token's length too.
 *
 * <p>Each failed attempt is logged (the client's address and how many failures it has in the window, never what
 * it sent). An address with {@code tracker.admin.max-failures-per-minute} (10) failures within {@link #WINDOW}
 * gets 429 on every admin request, right token or not, until its oldest failure leaves the window: guessing is
 * slowed to 10 tries a minute per address without locking out an admin who mistyped once.
 */
@Singleton
public class AdminToken {
    private static final Logger LOG = LoggerFactory.getLogger(AdminToken.class);
    static final Duration WINDOW = Duration.ofMinutes(1);
    /** Addresses remembered at most; past it the ones whose failures are all old are forgotten first. */
    private static final int MAX_ADDRESSES = 10_000;

    private final byte[] expected;
    private final int maxFailures;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new HashMap<>();

    @Inject
    public AdminToken(ApiSettings settings) {
        this(settings, Clock.systemUTC());
    }

    AdminToken(ApiSettings settings, Clock clock) {
        String token = settings.admin().token();
        this.expected = token == null || token.isBlank() ? null : sha256(token.trim());
        this.maxFailures = settings.admin().maxFailuresPerMinute();
        this.clock = clock;
    }

    /** Refuses the request unless it carries the token; {@code client} is its remote address, for the limit. */
    public void check(@Nullable String authorization, String client) {
        if (expected == null) {
            throw ApiException.notFound("the admin endpoints are off: set tracker.admin.token (LST_ADMIN_TOKEN) "
                    + "to turn them on");
        }
        Instant now = clock.instant();
        Duration wait = lockedFor(client, now);
        if (!wait.isZero()) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "too_many_requests", maxFailures
                    + " failed admin attempts from this address in " + WINDOW.toSeconds() + " s: try again in "
                    + Math.max(1, wait.toSeconds()) + " s");
        }
        String prefix = "Bearer ";
        if (authorization == null || !authorization.regionMatches(true, 0, prefix, 0, prefix.length())) {
            failed(client, now);
            throw new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized",
                    "the admin endpoints need the header 'Authorization: Bearer <tracker.admin.token>'");
        }
        if (!MessageDigest.isEqual(expected, sha256(authorization.substring(prefix.length()).trim()))) {
            failed(client, now);
            throw new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized", "the admin token is wrong");
        }
    }

    private synchronized Duration lockedFor(String client, Instant now) {
        Deque<Instant> times = failures.get(client);
        if (times == null) {
            return Duration.ZERO;
        }
        expire(times, now);
        if (times.size() < maxFailures) {
            return Duration.ZERO;
        }
        return Duration.between(now, times.peekFirst().plus(WINDOW));
    }

    private void failed(String client, Instant now) {
        int count;
        synchronized (this) {
            if (failures.size() >= MAX_ADDRESSES && !failures.containsKey(client)) {
                failures.values().removeIf(times -> {
                    expire(times, now);
                    return times.isEmpty();
                });
            }
            Deque<Instant> times = failures.computeIfAbsent(client, c -> new ArrayDeque<>());
            expire(times, now);
            times.addLast(now);
            while (times.size() > maxFailures) {
                times.removeFirst();
            }
            count = times.size();
        }
        LOG.warn("admin: failed attempt from {} ({} of {} allowed in {} s)", client, count, maxFailures,
                WINDOW.toSeconds());
    }

    private static void expire(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !times.peekFirst().plus(WINDOW).isAfter(now)) {
            times.removeFirst();
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
