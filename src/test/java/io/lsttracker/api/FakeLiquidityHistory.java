package io.lsttracker.api;

import io.lsttracker.domain.PoolId;
import io.lsttracker.liquidity.LiquidityFigures;
import io.lsttracker.liquidity.LiquidityHistory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The one fake of {@link LiquidityHistory} (our own interface), holding the figures a test stores in it: the
 * API, gauge, alert and dashboard tests show and judge figures they control. In a context it replaces the real
 * history where the property {@value #PROPERTY} is true; built with {@code new}, it stands alone. As the real one,
 * {@link #latest} is the newest snapshot's figures and the histories keep from <= block time < to, oldest first,
 * at most {@code limit} (the newest), or per interval the last of each bucket (block time / interval, aligned to the
 * unix epoch; the exit queue's by the reading's own block time).
 */
@Singleton
@Replaces(LiquidityHistory.class)
@Requires(property = FakeLiquidityHistory.PROPERTY, value = "true")
public class FakeLiquidityHistory implements LiquidityHistory {
    public static final String PROPERTY = "test.fake-liquidity";

    private final List<List<LiquidityFigures>> snapshots = new CopyOnWriteArrayList<>();
    private final List<LiquidityFigures.BeaconExitQueue> queues = new CopyOnWriteArrayList<>();
    /** The limits the histories were asked with, newest last: the callers must bound what they read. */
    public final List<Integer> limitsAsked = new CopyOnWriteArrayList<>();
    /** The intervals the downsampled histories were asked with, newest last. */
    public final List<Duration> intervalsAsked = new CopyOnWriteArrayList<>();

    /** Stores one snapshot's figures (every pool's at one block), which become the latest. */
    public FakeLiquidityHistory store(List<LiquidityFigures> snapshot) {
        snapshots.add(List.copyOf(snapshot));
        return this;
    }

    public FakeLiquidityHistory store(LiquidityFigures.BeaconExitQueue queue) {
        queues.add(queue);
        return this;
    }

    public void clear() {
        lagging = false;
        snapshots.clear();
        queues.clear();
        limitsAsked.clear();
        intervalsAsked.clear();
    }

    private volatile boolean lagging;

    /**
     * With {@code true}, {@link #latest} answers the snapshot before the newest stored: a history whose memory is
     * refreshed after its callers hear of the snapshot, so they must find its figures in the store.
     */
    public void lagLatest(boolean lag) {
        this.lagging = lag;
    }

    @Override
    public List<LiquidityFigures> latest() {
        int newest = snapshots.size() - (lagging ? 2 : 1);
        return newest < 0 ? List.of() : snapshots.get(newest);
    }

    @Override
    public Optional<LiquidityFigures.BeaconExitQueue> latestExitQueue() {
        return queues.isEmpty() ? Optional.empty() : Optional.of(queues.get(queues.size() - 1));
    }

    @Override
    public List<LiquidityFigures> history(PoolId pool, Instant from, Instant to, int limit) {
        limitsAsked.add(limit);
        return newest(figures(pool, from, to), limit);
    }

    /** The pool's figures in [from, to), oldest first. */
    private List<LiquidityFigures> figures(PoolId pool, Instant from, Instant to) {
        List<LiquidityFigures> found = new ArrayList<>();
        snapshots.forEach(s -> s.stream().filter(f -> f.pool().equals(pool))
                .filter(f -> !f.block().timestamp().isBefore(from) && f.block().timestamp().isBefore(to))
                .forEach(found::add));
        found.sort(Comparator.comparing(f -> f.block().number()));
        return found;
    }

    @Override
    public List<LiquidityFigures.BeaconExitQueue> exitQueueHistory(Instant from, Instant to, int limit) {
        limitsAsked.add(limit);
        return newest(exitQueues(from, to), limit);
    }

    /** The exit queue readings in [from, to), oldest first. */
    private List<LiquidityFigures.BeaconExitQueue> exitQueues(Instant from, Instant to) {
        List<LiquidityFigures.BeaconExitQueue> found = new ArrayList<>(queues.stream()
                .filter(q -> !q.block().timestamp().isBefore(from) && q.block().timestamp().isBefore(to)).toList());
        found.sort(Comparator.comparing(q -> q.slot()));
        return found;
    }

    @Override
    public List<LiquidityFigures> history(PoolId pool, Instant from, Instant to, Duration interval) {
        intervalsAsked.add(interval);
        return lastPerBucket(figures(pool, from, to), f -> f.block().timestamp(), interval);
    }

    @Override
    public List<LiquidityFigures.BeaconExitQueue> exitQueueHistory(Instant from, Instant to, Duration interval) {
        intervalsAsked.add(interval);
        return lastPerBucket(exitQueues(from, to), q -> q.block().timestamp(), interval);
    }

    /**
     * {@code found} (oldest first) reduced to the last of each bucket. (No limit is recorded for it: removing the one
     * a full read had recorded raced with the dashboard's parallel requests and failed one of them.)
     */
    private <T> List<T> lastPerBucket(List<T> found, Function<T, Instant> time, Duration interval) {
        Map<Long, T> last = new LinkedHashMap<>();
        found.forEach(item -> last.put(Math.floorDiv(time.apply(item).getEpochSecond(), interval.getSeconds()), item));
        return List.copyOf(last.values());
    }

    private static <T> List<T> newest(List<T> found, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit " + limit);
        }
        return List.copyOf(found.subList(Math.max(0, found.size() - limit), found.size()));
    }
}
