package io.lsttracker.bench;

import io.lsttracker.backfill.Backfill;
import io.lsttracker.backfill.BackfillReport;
import io.lsttracker.backfill.BackfillRequest;
import io.lsttracker.chain.RpcConnection;
import io.lsttracker.chain.Web3jChainReader;
import io.lsttracker.pool.PoolRegistry;
import io.lsttracker.devchain.AnvilProcess;
import io.lsttracker.devchain.Devchain;
import io.lsttracker.devchain.DevchainParameters;
import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.BlockSelector;
import io.lsttracker.domain.Snapshot;
import io.lsttracker.pool.PoolAdapters;
import io.lsttracker.pool.Reading;
import io.lsttracker.snapshot.SnapshotListener;
import io.lsttracker.snapshot.SnapshotRecorder;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.web3j.abi.datatypes.Address;

/**
 * A year of daily history of every configured pool, backfilled from a devchain with 365 days of history:
 * lst-tracker's backfill (block search over batched headers, multicalls in JSON-RPC batches) against the
 * baseline a user writes first (for each point: pin its block, then every view function of every pool as its
 * own eth_call, RocketStorage look-up included), both storing through the same recorder into a fresh H2, in
 * the same run. The baseline is handed the blocks our search found, for free: its figures are a lower bound.
 *
 * <p>Run: bench/run-backfill-bench.sh (LST_BENCH_RPC=URL reuses a running `devchain --history-days 365`).
 */
public final class BackfillBench {
    private static final int DAYS = 365;

    public static void main(String[] args) throws Exception {
        String reuse = System.getenv("LST_BENCH_RPC");
        Devchain devchain = null;
        String url = reuse;
        if (reuse == null || reuse.isBlank()) {
            long start = System.nanoTime();
            devchain = Devchain.start(AnvilProcess.freePort(), DevchainParameters.defaults(DAYS).withBlockTime(0));
            System.out.printf(Locale.ROOT, "devchain with %d days of history started in %.1f s%n", DAYS,
                    (System.nanoTime() - start) / 1e9);
            url = devchain.url();
        }
        try {
            run(url);
        } finally {
            if (devchain != null) {
                devchain.close();
            }
        }
    }

    private static void run(String url) throws Exception {
        Instant lastMidnight;
        try (RpcConnection rpc = RpcConnection.open(url, Duration.ofSeconds(30))) {
            BlockRef head = new Web3jChainReader(rpc, new Address("0xcA11bde05977b3631167028862bE2a173976CA11"))
                    .pin(BlockSelector.LATEST);
            lastMidnight = Instant.ofEpochSecond(Math.floorDiv(head.timestamp().getEpochSecond(), 86_400) * 86_400);
        }
        BackfillRequest request = new BackfillRequest(lastMidnight.minus(Duration.ofDays(DAYS - 1)), lastMidnight,
                Duration.ofDays(1));

        List<Snapshot> ours = new CopyOnWriteArrayList<>();
        Result backfill;
        int pools;
        try (ApplicationContext context = context(url)) {
            context.registerSingleton(SnapshotListener.class, (snapshot, outcome) -> ours.add(snapshot));
            RpcConnection rpc = context.getBean(RpcConnection.class);
            pools = context.getBean(PoolRegistry.class).pools().size();
            long http0 = rpc.httpRequests();
            long calls0 = totalCalls(rpc);
            long start = System.nanoTime();
            BackfillReport report = context.getBean(Backfill.class).run(request, p -> { });
            long nanos = System.nanoTime() - start;
            backfill = new Result(rpc.httpRequests() - http0, totalCalls(rpc) - calls0, nanos, rpc.callsByMethod());
            System.out.printf(Locale.ROOT, "%d daily points of %d pools, %s to %s: %d blocks, %d stored; block search "
                    + "%d header requests, %d headers, %d rounds%n", report.points(), pools, request.from(), request.to(),
                    report.blocks(), report.stored(), report.blockSearch().requests(), report.blockSearch().headers(),
                    report.blockSearch().rounds());
        }

        List<Snapshot> theirs = new ArrayList<>();
        Result baseline;
        try (ApplicationContext context = context(url);
                RpcConnection rpc = RpcConnection.open(url, Duration.ofSeconds(30))) {
            PoolRegistry registry = context.getBean(PoolRegistry.class);
            PoolAdapters adapters = context.getBean(PoolAdapters.class);
            SnapshotRecorder recorder = context.getBean(SnapshotRecorder.class);
            Web3jChainReader pinner = new Web3jChainReader(rpc, new Address("0xcA11bde05977b3631167028862bE2a173976CA11"));
            long start = System.nanoTime();
            for (Snapshot point : ours) {
                BlockRef block = pinner.pin(new BlockSelector.Number(point.block().number()));
                Snapshot snapshot = new Snapshot(1, block, PerFunctionBaseline.read(rpc, block, registry, adapters));
                recorder.record(snapshot);
                theirs.add(snapshot);
            }
            baseline = new Result(rpc.httpRequests(), totalCalls(rpc), System.nanoTime() - start, rpc.callsByMethod());
        }
        if (!ours.equals(theirs)) {
            throw new IllegalStateException("the backfill and the baseline stored different snapshots");
        }

        System.out.printf(Locale.ROOT, "%-10s %14s %14s %12s%n", "method", "http requests", "json-rpc calls", "wall s");
        print("backfill", backfill);
        print("baseline", baseline);
        double httpRatio = (double) baseline.http / backfill.http;
        System.out.printf(Locale.ROOT, "%-10s %13.1fx %13.1fx %11.1fx%n", "ratio", httpRatio,
                (double) baseline.calls / backfill.calls, (double) baseline.nanos / backfill.nanos);
        System.out.println("backfill calls by method: " + backfill.byMethod);
        System.out.println("baseline calls by method: " + baseline.byMethod);
        boolean met = httpRatio >= 20 && backfill.nanos < 10_000_000_000L;
        System.out.printf(Locale.ROOT, "target (>= 20x fewer HTTP requests, a year of daily history < 10 s): %s%n",
                met ? "met" : "NOT met");
        if (!met) {
            System.exit(1);
        }
    }

    record Result(long http, long calls, long nanos, Map<String, Long> byMethod) {
    }

    private static void print(String method, Result r) {
        System.out.printf(Locale.ROOT, "%-10s %14d %14d %12.2f%n", method, r.http, r.calls, r.nanos / 1e9);
    }

    private static long totalCalls(RpcConnection rpc) {
        return rpc.callsByMethod().values().stream().mapToLong(Long::longValue).sum();
    }

    private static ApplicationContext context(String url) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("tracker.chain.rpc-url", url);
        properties.put("tracker.confirmations", 0);
        properties.put("datasources.default.url", "jdbc:h2:mem:bench_" + UUID.randomUUID().toString().replace("-", "")
                + ";DB_CLOSE_DELAY=-1");
        return ApplicationContext.builder().environments("server").deduceEnvironment(false).banner(false)
                .properties(properties).start();
    }

    private BackfillBench() {
    }
}
