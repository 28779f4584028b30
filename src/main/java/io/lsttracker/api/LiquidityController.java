package io.lsttracker.api;

import io.lsttracker.liquidity.LiquidityFigures;
import io.lsttracker.liquidity.LiquidityHistory;
import io.lsttracker.pool.PoolDefinition;
import io.lsttracker.pool.PoolRegistry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Liquidity and exits (docs/LIQUIDITY.md): what selling each pool's token on its market returns against what it
 * redeems for, what the pools expose of exits, and the beacon chain's exit queue. The latest figures come from
 * {@link LiquidityHistory}'s memory; the histories from the store, downsampled by interval or cut by a limit, in SQL.
 */
@Controller
public class LiquidityController {
    private final LiquidityHistory liquidity;
    private final PoolRegistry registry;
    private final PoolLookup pools;
    private final int maxPoints;

    public LiquidityController(LiquidityHistory liquidity, PoolRegistry registry, PoolLookup pools,
            ApiSettings settings) {
        this.liquidity = liquidity;
        this.registry = registry;
        this.pools = pools;
        // one more is asked for to tell a truncated answer, so the cap leaves room for it
        this.maxPoints = (int) Math.min(settings.api().maxHistoryPoints(), Integer.MAX_VALUE - 1);
    }

    /**
     * One pool's history: the points with from <= time < to, oldest first. With {@code interval}, the last snapshot's
     * of each interval (buckets aligned to the unix epoch, as every history's), {@code limit} null and
     * {@code truncated} false; without it, at most {@code limit} points, the newest ones, with {@code truncated} true
     * when the range holds more, and {@code interval} null.
     */
    public record PoolHistory(String pool, String from, String to, String interval, Integer limit, boolean truncated,
            LiquidityView.PoolLiquidity latest, List<LiquidityView.Point> points) {
    }

    /** The beacon exit queue's readings (at most one an epoch), as {@link PoolHistory}. */
    public record ExitQueueHistory(String from, String to, String interval, Integer limit, boolean truncated,
            List<LiquidityView.ExitQueue> points) {
    }

    /** {@code GET /api/liquidity}: every pool of pools.yml, in its order, at the newest snapshot; the exit queue. */
    @Get("/api/liquidity")
    public LiquidityView.Latest latest() {
        List<LiquidityFigures> latest = liquidity.latest();
        List<LiquidityView.PoolLiquidity> rows = registry.pools().stream()
                .map(pool -> LiquidityView.PoolLiquidity.of(pool, find(latest, pool))).toList();
        return new LiquidityView.Latest(latest.isEmpty() ? null : SnapshotView.BlockView.of(latest.get(0).block()),
                rows, liquidity.latestExitQueue().map(LiquidityView.ExitQueue::of).orElse(null));
    }

    /**
     * The parameters shared by both histories, checked: the range, and either an interval (the checks and the cap on
     * points of every history route, {@link HistoryQuery#parse}) or a limit, never both.
     */
    private record Asked(HistoryQuery.Range range, Optional<HistoryQuery> perInterval, int limit) {
        Integer limitShown() {
            return perInterval.isPresent() ? null : limit;
        }

        String intervalShown() {
            return perInterval.map(HistoryQuery::intervalText).orElse(null);
        }
    }

    private Asked asked(String from, String to, String interval, String limit) {
        Instant now = Instant.now();
        if (interval == null) {
            return new Asked(HistoryQuery.range(from, to, now), Optional.empty(), limit(limit));
        }
        if (limit != null && !limit.isBlank()) {
            throw ApiException.badParameter("limit", "'" + limit + "' cannot be combined with an interval ('"
                    + interval + "' gives the last point of each); leave one of them out");
        }
        HistoryQuery query = HistoryQuery.parse(from, to, interval, now, maxPoints);
        return new Asked(new HistoryQuery.Range(query.from(), query.to()), Optional.of(query), maxPoints);
    }

    /** Keeps the newest {@code limit} of {@code found} (read with one more, to tell a truncated answer). */
    private record Kept<T>(List<T> points, boolean truncated) {
        static <T> Kept<T> of(List<T> found, int limit) {
            boolean truncated = found.size() > limit;
            return new Kept<>(found.subList(truncated ? found.size() - limit : 0, found.size()), truncated);
        }
    }

    @Get(uri = "/api/pools/{id}/liquidity", produces = {MediaType.APPLICATION_JSON, "text/csv"})
    public HttpResponse<?> pool(HttpRequest<?> request, @PathVariable String id, @Nullable @QueryValue String from,
            @Nullable @QueryValue String to, @Nullable @QueryValue String interval,
            @Nullable @QueryValue String limit, @Nullable @QueryValue String format) {
        PoolDefinition pool = pools.find(id);
        boolean csv = Formats.wantsCsv(request, format);
        Asked asked = asked(from, to, interval, limit);
        HistoryQuery.Range range = asked.range();
        Kept<LiquidityFigures> kept = asked.perInterval()
                .map(q -> new Kept<>(liquidity.history(pool.id(), q.from(), q.to(), q.interval()), false))
                .orElseGet(() -> Kept.of(liquidity.history(pool.id(), range.from(), range.to(), asked.limit() + 1),
                        asked.limit()));
        List<LiquidityView.Point> points = kept.points().stream().map(LiquidityView.Point::of).toList();
        if (csv) {
            StringBuilder out = new StringBuilder(LiquidityView.Point.CSV_HEADER);
            points.forEach(p -> p.csv(out));
            return HttpResponse.ok(out.toString()).contentType("text/csv").header(HttpHeaders.CONTENT_DISPOSITION,
                    "inline; filename=\"" + pool.id() + "-liquidity.csv\"");
        }
        return HttpResponse.ok(new PoolHistory(pool.id().value(), range.from().toString(), range.to().toString(),
                asked.intervalShown(), asked.limitShown(), kept.truncated(),
                LiquidityView.PoolLiquidity.of(pool, find(liquidity.latest(), pool)), points))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @Get(uri = "/api/liquidity/exit-queue", produces = {MediaType.APPLICATION_JSON, "text/csv"})
    public HttpResponse<?> exitQueue(HttpRequest<?> request, @Nullable @QueryValue String from,
            @Nullable @QueryValue String to, @Nullable @QueryValue String interval,
            @Nullable @QueryValue String limit, @Nullable @QueryValue String format) {
        boolean csv = Formats.wantsCsv(request, format);
        Asked asked = asked(from, to, interval, limit);
        HistoryQuery.Range range = asked.range();
        Kept<LiquidityFigures.BeaconExitQueue> kept = asked.perInterval()
                .map(q -> new Kept<>(liquidity.exitQueueHistory(q.from(), q.to(), q.interval()), false))
                .orElseGet(() -> Kept.of(liquidity.exitQueueHistory(range.from(), range.to(), asked.limit() + 1),
                        asked.limit()));
        List<LiquidityView.ExitQueue> points = kept.points().stream().map(LiquidityView.ExitQueue::of).toList();
        if (csv) {
            StringBuilder out = new StringBuilder(LiquidityView.EXIT_QUEUE_CSV);
            points.forEach(p -> LiquidityView.csvRow(out, p));
            return HttpResponse.ok(out.toString()).contentType("text/csv")
                    .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"exit-queue.csv\"");
        }
        return HttpResponse.ok(new ExitQueueHistory(range.from().toString(), range.to().toString(),
                asked.intervalShown(), asked.limitShown(), kept.truncated(), points))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    /** The {@code limit} parameter: a whole number from 1 to tracker.api.max-history-points, which is the default. */
    private int limit(String text) {
        if (text == null || text.isBlank()) {
            return maxPoints;
        }
        int n;
        try {
            n = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > maxPoints) {
            throw ApiException.badParameter("limit", "'" + text + "' is not a whole number from 1 to " + maxPoints
                    + " (tracker.api.max-history-points)");
        }
        return n;
    }

    private static Optional<LiquidityFigures> find(List<LiquidityFigures> figures, PoolDefinition pool) {
        return figures.stream().filter(f -> f.pool().equals(pool.id())).findFirst();
    }
}
