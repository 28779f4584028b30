package io.lsttracker.alert;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox: each due delivery is POSTed to its webhook with the event's id in the body and in the
 * {@code Idempotency-Key} header. A 2xx marks it delivered; anything else (refused, timeout, 5xx, 4xx) leaves it
 * pending and schedules the next attempt after base x 2^(attempts - 1), at most {@code maxBackoff}. Nothing is
 * dropped: a receiver that is down gets every event when it comes back, after a restart of the tracker too, since
 * the outbox is in the database. A crash between a receiver's 2xx and the mark may repeat a delivery, always with
 * the same id.
 */
public final class OutboxDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);
    static final int BATCH = 100;

    private final AlertRepository repository;
    private final Map<String, Webhook> webhooks;
    private final Duration baseBackoff;
    private final Duration maxBackoff;
    private final HttpClient http;
    private final Duration timeout;
    private final Set<String> warnedUnknown = new HashSet<>();

    public OutboxDispatcher(AlertRepository repository, List<Webhook> webhooks, Duration baseBackoff,
            Duration maxBackoff, Duration timeout) {
        this.repository = repository;
        this.webhooks = webhooks.stream().collect(Collectors.toMap(Webhook::name, Function.identity()));
        this.baseBackoff = baseBackoff;
        this.maxBackoff = maxBackoff;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** Delay before the attempt after {@code attempts} failed ones: base x 2^(attempts - 1), capped. */
    Duration backoff(int attempts) {
        int exponent = Math.min(Math.max(attempts - 1, 0), 30);
        Duration delay = baseBackoff.multipliedBy(1L << exponent);
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }

    /** Attempts every delivery due at {@code now}; returns how many were delivered. */
    public synchronized int dispatch(Instant now) {
        int delivered = 0;
        for (AlertRepository.Delivery d : repository.due(now.toEpochMilli(), BATCH)) {
            Webhook webhook = webhooks.get(d.webhook());
            if (webhook == null) {
                if (warnedUnknown.add(d.webhook())) {
                    LOG.warn("alert deliveries to webhook '{}' stay pending: it is no longer in the alert config",
                            d.webhook());
                }
                continue;
            }
            // Two trackers on one database read the same due rows: only the one whose claim succeeds posts. The
            // lease outlasts one POST (connect and answer each bounded by the timeout).
            if (!repository.claim(d, now.plus(timeout.multipliedBy(3)).toEpochMilli())) {
                continue;
            }
            String error = post(webhook, d.event());
            if (error == null) {
                repository.delivered(d.event().id(), webhook.name(), now.toEpochMilli());
                delivered++;
            } else {
                Duration wait = backoff(d.attempts() + 1);
                repository.failed(d.event().id(), webhook.name(), now.plus(wait).toEpochMilli(), error);
                LOG.warn("alert event {} to webhook {} failed (attempt {}): {}; next try in {}s", d.event().id(),
                        webhook.name(), d.attempts() + 1, error, wait.toSeconds());
            }
        }
        return delivered;
    }

    /** Null when the receiver took it, else what went wrong. */
    private String post(Webhook webhook, AlertEvent event) {
        HttpRequest request = HttpRequest.newBuilder(webhook.url()).timeout(timeout)
                .header("Content-Type", "application/json").header("Idempotency-Key", event.id())
                .POST(HttpRequest.BodyPublishers.ofString(WebhookBodies.body(webhook.format(), event))).build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            // The request's timeout ends at the headers; the body is not needed, and a receiver that trickles it
            // (or sends gigabytes) must not hold every other delivery: closing it ends the exchange now.
            response.body().close();
            int status = response.statusCode();
            return status >= 200 && status < 300 ? null : "HTTP " + status + " from " + webhook.url().getHost();
        } catch (IOException e) {
            return (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + " ("
                    + webhook.url().getHost() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
