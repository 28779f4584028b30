package io.lsttracker.api;

import io.lsttracker.pool.PoolDefinition;
import io.lsttracker.pool.PoolRegistry;
import io.lsttracker.domain.PoolId;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Snapshot;
import io.lsttracker.rewards.Window;
import io.lsttracker.rewards.RewardService;
import io.lsttracker.snapshot.HistoryPoint;
import io.lsttracker.snapshot.LatestSnapshot;
import io.lsttracker.snapshot.SnapshotStore;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.web3j.crypto.Keys;

/**
 * The pools: latest state, static facts, and history. Reads the store only; never the chain. The list of every
 * pool, which a dashboard polls, is built once per change of what it shows (the newest snapshot, kept in memory by
 * {@link LatestSnapshot}, and the reward windows) and served from memory in between.
 */
@Controller("/api/pools")
public class PoolsController {
    private final PoolRegistry registry;
    private final PoolLookup pools;
    private final SnapshotStore store;
    private final LatestSnapshot latest;
    private final long maxHistoryPoints;
    private final RewardService rewards;
    private final AtomicReference<Built> list = new AtomicReference<>();

    /** The list as built from the newest snapshot and reward windows of these generations. */
    private record Built(long snapshots, long rewards, PoolList list) {
    }

    public PoolsController(PoolRegistry registry, PoolLookup pools, SnapshotStore store, LatestSnapshot latest,
            RewardService rewards, ApiSettings settings) {
        this.registry = registry;
        this.pools = pools;
        this.store = store;
        this.latest = latest;
        this.rewards = rewards;
        this.maxHistoryPoints = settings.api().maxHistoryPoints();
    }

    public record PoolList(List<PoolSummary> pools) {
    }

    /** One pool: its latest state and its static facts (protocol, token kind, contracts). */
    public record PoolDetail(PoolSummary pool, Map<String, String> addresses) {
    }

    public record HistoryView(String pool, String interval, String from, String to, List<Point> points) {
    }

    public record Point(String time, long blockNumber, String ethPerToken, String totalEth, String tokenSupply) {
        static Point of(HistoryPoint p) {
            return new Point(p.time().toString(), p.blockNumber(), PoolSummary.ether(p.ethPerToken()),
                    PoolSummary.ether(p.totalEth()), PoolSummary.ether(p.tokenSupply()));
        }
    }

    @Get
    public PoolList pools() {
        // the generations are read before what they stand for: a change during the build leaves an older tag,
        // so the next request builds again
        long snapshots = latest.generation();
        long windows = rewards.generation();
        Built built = list.get();
        if (built != null && built.snapshots() == snapshots && built.rewards() == windows) {
            return built.list();
        }
        Optional<Snapshot> newest = latest.get();
        PoolList fresh = new PoolList(registry.pools().stream().map(pool -> summary(pool, newest)).toList());
        list.set(new Built(snapshots, windows, fresh));
        return fresh;
    }

    @Get("/{id}")
    public PoolDetail pool(@PathVariable String id) {
        PoolDefinition pool = pools.find(id);
        Map<String, String> addresses = new TreeMap<>();
        pool.addresses().forEach((role, address) -> addresses.put(role, Keys.toChecksumAddress(address.toString())));
        return new PoolDetail(summary(pool, latest.get()), addresses);
    }

    @Get(uri = "/{id}/history", produces = {MediaType.APPLICATION_JSON, "text/csv"})
    public HttpResponse<?> history(HttpRequest<?> request, @PathVariable String id,
            @Nullable @QueryValue String from, @Nullable @QueryValue String to,
            @Nullable @QueryValue String interval, @Nullable @QueryValue String format) {
        PoolDefinition pool = pools.find(id);
        boolean csv = Formats.wantsCsv(request, format);
        HistoryQuery query = HistoryQuery.parse(from, to, interval, Instant.now(), maxHistoryPoints);
        List<HistoryPoint> points = store.history(pool.id(), query.from(), query.to(), query.interval());
        if (csv) {
            StringBuilder out = new StringBuilder("time,blockNumber,ethPerToken,totalEth,tokenSupply\n");
            for (HistoryPoint p : points) {
                Point row = Point.of(p);
                out.append(row.time()).append(',').append(row.blockNumber()).append(',').append(row.ethPerToken())
                        .append(',').append(row.totalEth()).append(',').append(row.tokenSupply()).append('\n');
            }
            return HttpResponse.ok(out.toString()).contentType("text/csv")
                    .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + pool.id() + "-history.csv\"");
        }
        return HttpResponse.ok(new HistoryView(pool.id().value(), query.intervalText(), query.from().toString(),
                query.to().toString(), points.stream().map(Point::of).toList()))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private PoolSummary summary(PoolDefinition pool, Optional<Snapshot> latest) {
        RewardWindowView apr7d = RewardWindowView.of(rewards.rewards(pool).window(Window.DAYS_7));
        if (latest.isEmpty()) {
            return PoolSummary.of(pool, null, null).withApr7d(apr7d);
        }
        Map<PoolId, PoolState> byId = new LinkedHashMap<>();
        latest.get().pools().forEach(state -> byId.put(state.id(), state));
        return PoolSummary.of(pool, byId.get(pool.id()), latest.get().block()).withApr7d(apr7d);
    }
}
