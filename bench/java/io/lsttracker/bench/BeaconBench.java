package io.lsttracker.bench;

import io.lsttracker.beacon.BeaconClient;
import io.lsttracker.devchain.SimulatedBeacon;
import io.lsttracker.devchain.beacon.TestStakers;
import io.lsttracker.devchain.beacon.ValidatorSet;
import io.lsttracker.entity.EntityChainSettings;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Reading a mainnet-sized validator set (1.1 million validators, the devchain's SimulatedBeacon with
 * --beacon-validators 1100000) through the tracker's BeaconClient.validators, which parses the standard answer
 * as a stream and checks every field, against a baseline that only reads the bytes of the same answer, both in
 * the same run from the same node. Prints wall time, the heap's peak (the heap pools' peak usage, reset after a
 * GC before each read; it includes the simulated node, which runs in this JVM, so the baseline's peak is what the
 * node and the HTTP client take without parsing) and the ratio of the two. bench/run-beacon-bench.sh runs it
 * under -Xmx256m, so finishing at all shows the read fits in 256 MB.
 *
 * <p>Then the deposit index's requests for mainnet's deposits, from the tracker's page and batch sizes.
 *
 * <p>Run: bench/run-beacon-bench.sh (see docs/BENCHMARKS.md).
 */
public final class BeaconBench {
    private static final int ROUNDS = 2;
    /** Deposits on mainnet by late 2026, the order of magnitude issue 13 gives. */
    private static final long MAINNET_DEPOSITS = 2_000_000L;
    private static final long MAINNET_REFERENCE_BLOCK = 22_826_975L;
    private static final long MAINNET_REFERENCE_TIME = 1_751_432_939L;
    private static final int TARGET_SECONDS = 15;
    private static final long TARGET_HEAP_BYTES = 256L << 20;

    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : SimulatedBeacon.MAINNET_VALIDATORS;
        // A head whose slot is served: 2026-11-23T12:00:00Z, with the set's changes a day before.
        long now = 1_795_435_200L;
        long slot = SimulatedBeacon.slotAt(now);
        ValidatorSet set = TestStakers.standardSet(size, slot - 7_200);
        LongSupplier clock = () -> now;
        System.out.printf(Locale.ROOT, "lst-tracker beacon benchmark: %,d validators at slot %d, %d rounds, "
                + "%d processors, max heap %d MB%n", size, slot, ROUNDS, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        try (SimulatedBeacon beacon = SimulatedBeacon.start(clock, set)) {
            System.out.printf(Locale.ROOT, "%-10s %12s %12s %14s %12s%n", "read", "seconds", "MB/s", "peak heap MB",
                    "validators");
            Result baseline = null;
            Result tracker = null;
            for (int round = 0; round < ROUNDS; round++) {
                baseline = measure(() -> bytesOnly(beacon.url(), slot));
                print("bytes", baseline, baseline.bytes);
                tracker = measure(() -> streamed(beacon.url(), slot, set));
                print("tracker", tracker, baseline.bytes);
            }
            System.out.printf(Locale.ROOT, "%-10s %11.2fx %12s %13.2fx%n", "ratio", tracker.seconds / baseline.seconds,
                    "", (double) tracker.peakHeap / baseline.peakHeap);
            System.out.printf(Locale.ROOT, "answer: %,d bytes (%.0f bytes a validator)%n", baseline.bytes,
                    (double) baseline.bytes / size);
            boolean met = tracker.seconds < TARGET_SECONDS && tracker.peakHeap < TARGET_HEAP_BYTES;
            System.out.printf(Locale.ROOT, "target (last round under %d s and %d MB of heap): %s%n", TARGET_SECONDS,
                    TARGET_HEAP_BYTES >> 20, met ? "met" : "MISSED");
            if (!met) {
                throw new IllegalStateException("the beacon read missed its target");
            }
        }
        depositIndexRequests(EntityChainSettings.defaults());
    }

    /**
     * The requests the deposit index (entity/DepositIndexer) makes to index mainnet's deposits once, from its
     * page and batch sizes: one eth_getLogs per page of {@code page-blocks} blocks from the deposit contract's
     * first block, and per page its transactions' eth_getTransactionByHash in JSON-RPC batches of
     * {@code transactions-per-batch}. Mainnet's head is taken one block a slot after block 22,826,975
     * (2025-07-02T05:08:59Z), an upper bound since some slots miss their block; the transactions are taken as
     * one a deposit, also an upper bound (batch-deposit contracts make many deposits in one transaction).
     */
    static void depositIndexRequests(EntityChainSettings settings) {
        long now = java.time.Instant.now().getEpochSecond();
        long head = MAINNET_REFERENCE_BLOCK + (now - MAINNET_REFERENCE_TIME) / SimulatedBeacon.SECONDS_PER_SLOT;
        long blocks = head - settings.depositFirstBlock() + 1;
        long pages = ceilDiv(blocks, settings.pageBlocks());
        long transactions = MAINNET_DEPOSITS;
        long fewestBatches = ceilDiv(transactions, settings.transactionsPerBatch());
        long mostBatches = fewestBatches + pages; // each page rounds its last batch up once at most
        System.out.printf(Locale.ROOT, "deposit index for mainnet: %,d deposits in blocks %,d to about %,d, pages of %,d "
                + "blocks, transactions in batches of %d%n", MAINNET_DEPOSITS, settings.depositFirstBlock(), head,
                settings.pageBlocks(), settings.transactionsPerBatch());
        System.out.printf(Locale.ROOT, "  eth_getLogs requests: %,d%n", pages);
        System.out.printf(Locale.ROOT, "  eth_getTransactionByHash: at most %,d calls in %,d to %,d batch requests%n",
                transactions, fewestBatches, mostBatches);
        System.out.printf(Locale.ROOT, "  HTTP requests: %,d to %,d; JSON-RPC calls: at most %,d%n",
                pages + fewestBatches, pages + mostBatches, pages + transactions);
        System.out.printf(Locale.ROOT, "  snapshot cycles to catch up, %d pages a cycle: %,d%n",
                settings.pagesPerCycle(), ceilDiv(pages, settings.pagesPerCycle()));
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    interface Read {
        long[] run() throws Exception;
    }

    record Result(double seconds, long peakHeap, long bytes, long validators) {
    }

    /** Runs {@code read} after a GC with every heap pool's peak reset; the peak is the sum of the pools' peaks. */
    private static Result measure(Read read) throws Exception {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
        long start = System.nanoTime();
        long[] counts = read.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return new Result(seconds, peak, counts[0], counts[1]);
    }

    /** The baseline: GET the same answer and read its bytes, nothing else. */
    private static long[] bytesOnly(String url, long slot) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(
                URI.create(url + "/eth/v1/beacon/states/" + slot + "/validators")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long bytes = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = response.body()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                bytes += n;
            }
        }
        return new long[] {bytes, 0};
    }

    /** The tracker's read: every validator parsed and checked; the active stake summed and compared with the model. */
    private static long[] streamed(String url, long slot, ValidatorSet set) {
        BeaconClient client = new BeaconClient(url, Duration.ofSeconds(120));
        long[] count = {0};
        long[] activeGwei = {0};
        client.validators(slot, v -> {
            count[0]++;
            if (v.active()) {
                activeGwei[0] = Math.addExact(activeGwei[0], v.balanceGwei());
            }
        });
        BigInteger active = BigInteger.valueOf(activeGwei[0]);
        if (!active.equals(SimulatedBeacon.totalStakedGwei(slot)) || count[0] != set.size()) {
            throw new IllegalStateException("read " + count[0] + " validators holding " + active
                    + " gwei active; the node serves " + set.size() + " holding " + SimulatedBeacon.totalStakedGwei(slot));
        }
        return new long[] {0, count[0]};
    }

    private static void print(String what, Result r, long bytes) {
        System.out.printf(Locale.ROOT, "%-10s %12.2f %12.1f %14.1f %12s%n", what, r.seconds, bytes / r.seconds / 1e6,
                r.peakHeap / 1e6, r.validators == 0 ? "-" : String.format(Locale.ROOT, "%,d", r.validators));
    }
}
