package io.lsttracker.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.lsttracker.db.DatabaseName;
import io.lsttracker.domain.BlockRef;
import io.micronaut.context.annotation.Value;
import io.lsttracker.snapshot.SnapshotCycle;
import io.lsttracker.snapshot.SnapshotStore;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code GET /health}: UP (200) when the database answers and a snapshot cycle succeeded within
 * {@code tracker.max-snapshot-age}; DOWN (503) otherwise, with the reason. A tracker that has just started
 * counts its age from the start of its snapshot cycle, so it is not DOWN before its first cycle could run.
 */
@Controller
public class HealthController {
    private final SnapshotStore store;
    private final SnapshotCycle cycle;
    private final Duration maxAge;

    private final String databaseName;

    public HealthController(SnapshotStore store, SnapshotCycle cycle, ApiSettings settings,
            @Value("${datasources.default.url:}") String jdbcUrl) {
        this.store = store;
        this.databaseName = DatabaseName.of(jdbcUrl);
        this.cycle = cycle;
        this.maxAge = settings.maxSnapshotAge();
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Health(String status, String database, String lastSuccessfulCycle, Long lastSuccessAgeSeconds,
            long maxAgeSeconds, Long latestBlock, String latestBlockTime, String lastFailure, String reason) {
    }

    @Get("/health")
    public HttpResponse<Health> health() {
        Instant now = Instant.now();
        boolean database = store.isReachable();
        SnapshotCycle.Status status = cycle.status();
        Optional<BlockRef> head = database ? safeHead() : Optional.empty();
        Instant since = status.lastSuccess().orElse(status.startedAt());
        Duration sinceSuccess = Duration.between(since, now);
        long age = sinceSuccess.getSeconds();
        String reason = null;
        if (!database) {
            reason = "the database (" + databaseName + ") does not answer";
        } else if (sinceSuccess.compareTo(maxAge) > 0) {
            reason = status.lastSuccess().isPresent()
                    ? "the last successful snapshot cycle was " + age + " s ago, more than " + maxAge.getSeconds() + " s"
                    : "no snapshot cycle has succeeded in the " + age + " s since start";
        }
        Health body = new Health(reason == null ? "UP" : "DOWN", database ? "UP" : "DOWN",
                status.lastSuccess().map(Instant::toString).orElse(null),
                status.lastSuccess().map(t -> Duration.between(t, now).getSeconds()).orElse(null),
                maxAge.getSeconds(),
                head.map(BlockRef::number).orElse(null),
                head.map(b -> b.timestamp().toString()).orElse(null),
                status.lastFailure().orElse(null), reason);
        return HttpResponse.status(reason == null ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(body);
    }

    private Optional<BlockRef> safeHead() {
        try {
            return store.head();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
