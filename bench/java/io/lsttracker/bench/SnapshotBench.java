package io.lsttracker.bench;

import io.lsttracker.chain.RpcConnection;
import io.lsttracker.chain.Web3jChainReader;
import io.lsttracker.pool.PoolDefinition;
import io.lsttracker.pool.PoolRegistry;
import io.lsttracker.pool.PoolRegistryLoader;
import io.lsttracker.devchain.AnvilProcess;
import io.lsttracker.devchain.Devchain;
import io.lsttracker.devchain.DevchainParameters;
import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.BlockSelector;
import io.lsttracker.domain.PoolId;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Snapshot;
import io.lsttracker.pool.PoolAdapters;
import io.lsttracker.pool.Reading;
import io.lsttracker.snapshot.SnapshotService;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.web3j.abi.datatypes.Address;

/**
 * Requests and wall time of one snapshot of all pools: lst-tracker's one multicall at a pinned block against
 * the baseline a user writes first, one web3j eth_call per view function (and the RocketStorage look-up every
 * time), both at the same block of the same devchain in the same run. Registries of 2, 6, 11 and 22 pools show
 * how each scales: where config/pools.yml has fewer pools than a size, its pools are repeated under new ids.
 *
 * <p>Run: bench/run-snapshot-bench.sh (see docs/BENCHMARKS.md).
 */
public final class SnapshotBench {
    private static final int ROUNDS = 30;
    private static final int[] SIZES = {2, 6, 11, 22};

    public static void main(String[] args) throws Exception {
        PoolRegistry configured = PoolRegistryLoader.load(null);
        System.out.printf(Locale.ROOT, "lst-tracker snapshot benchmark: %d rounds per case, devchain on anvil, "
                + "%d configured pools%n", ROUNDS, configured.pools().size());
        DevchainParameters parameters = DevchainParameters.defaults(3).withBlockTime(0);
        try (Devchain devchain = Devchain.start(AnvilProcess.freePort(), parameters);
                ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).start()) {
            PoolAdapters adapters = context.getBean(PoolAdapters.class);
            System.out.printf(Locale.ROOT, "%-6s %-10s %14s %14s %12s %12s%n",
                    "pools", "method", "http/snapshot", "eth_call/snap", "median ms", "p90 ms");
            for (int size : SIZES) {
                PoolRegistry registry = registryOf(configured, size);
                Result ours = multicall(devchain.url(), registry, adapters);
                Result baseline = perFunction(devchain.url(), registry, adapters);
                if (!ours.states.equals(baseline.states)) {
                    throw new IllegalStateException("the two methods disagree at " + size + " pools:\n"
                            + ours.states + "\n" + baseline.states);
                }
                print(size, "multicall", ours);
                print(size, "baseline", baseline);
                System.out.printf(Locale.ROOT, "%-6d %-10s %13.1fx %13.1fx %11.1fx%n", size, "ratio",
                        baseline.httpPerSnapshot / ours.httpPerSnapshot,
                        baseline.ethCallsPerSnapshot / ours.ethCallsPerSnapshot,
                        baseline.medianMillis / ours.medianMillis);
            }
        }
    }

    record Result(double httpPerSnapshot, double ethCallsPerSnapshot, double medianMillis, double p90Millis,
            List<PoolState> states) {
    }

    /**
     * lst-tracker's path as `serve` wires it: SnapshotService, one pin and one multicall per snapshot (after a
     * warm-up), on a connection that checks the chain id (1, the devchain's), so the multicall's request is a batch
     * that asks eth_chainId with it.
     */
    private static Result multicall(String url, PoolRegistry registry, PoolAdapters adapters) {
        try (RpcConnection rpc = RpcConnection.open(List.of(url),
                io.lsttracker.chain.RetryPolicy.withTimeout(Duration.ofSeconds(30)), 1L)) {
            SnapshotService service = new SnapshotService(
                    new Web3jChainReader(rpc, new Address("0xcA11bde05977b3631167028862bE2a173976CA11")),
                    registry, adapters);
            Snapshot warmUp = service.take(BlockSelector.LATEST);
            long http0 = rpc.httpRequests();
            long calls0 = rpc.calls("eth_call");
            long[] nanos = new long[ROUNDS];
            Snapshot last = warmUp;
            for (int i = 0; i < ROUNDS; i++) {
                long start = System.nanoTime();
                last = service.take(BlockSelector.LATEST);
                nanos[i] = System.nanoTime() - start;
            }
            return result(rpc.httpRequests() - http0, rpc.calls("eth_call") - calls0, nanos, last.pools());
        }
    }

    /** The baseline: pin the block, then every view function of every pool as its own web3j eth_call. */
    private static Result perFunction(String url, PoolRegistry registry, PoolAdapters adapters) throws Exception {
        try (RpcConnection rpc = RpcConnection.open(url, Duration.ofSeconds(30))) {
            Web3jChainReader pinner = new Web3jChainReader(rpc, new Address("0xcA11bde05977b3631167028862bE2a173976CA11"));
            long http0 = rpc.httpRequests();
            long calls0 = rpc.calls("eth_call");
            long[] nanos = new long[ROUNDS];
            List<PoolState> states = List.of();
            for (int i = 0; i < ROUNDS; i++) {
                long start = System.nanoTime();
                BlockRef block = pinner.pin(BlockSelector.LATEST);
                List<PoolState> round = PerFunctionBaseline.read(rpc, block, registry, adapters);
                nanos[i] = System.nanoTime() - start;
                states = round;
            }
            return result(rpc.httpRequests() - http0, rpc.calls("eth_call") - calls0, nanos, states);
        }
    }

    private static Result result(long http, long ethCalls, long[] nanos, List<PoolState> states) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Result((double) http / ROUNDS, (double) ethCalls / ROUNDS, sorted[sorted.length / 2] / 1e6,
                sorted[(int) Math.ceil(sorted.length * 0.9) - 1] / 1e6, states);
    }

    private static void print(int size, String method, Result r) {
        System.out.printf(Locale.ROOT, "%-6d %-10s %14.1f %14.1f %12.2f %12.2f%n",
                size, method, r.httpPerSnapshot, r.ethCallsPerSnapshot, r.medianMillis, r.p90Millis);
    }

    /** The first {@code size} pools of the registry, repeating them under new ids when it has fewer. */
    private static PoolRegistry registryOf(PoolRegistry configured, int size) {
        List<PoolDefinition> pools = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            PoolDefinition pool = configured.pools().get(i % configured.pools().size());
            int copy = i / configured.pools().size();
            pools.add(copy == 0 ? pool : new PoolDefinition(new PoolId(pool.id() + "-" + copy), pool.name(),
                    pool.protocol(), pool.token(), pool.addresses()));
        }
        return new PoolRegistry(configured.source() + " (" + size + " pools)", pools);
    }

    private SnapshotBench() {
    }

}
