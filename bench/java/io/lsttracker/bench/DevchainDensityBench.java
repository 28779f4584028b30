package io.lsttracker.bench;

import io.lsttracker.chain.RpcConnection;
import io.lsttracker.devchain.AnvilProcess;
import io.lsttracker.devchain.Devchain;
import io.lsttracker.devchain.DevchainParameters;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;

/**
 * What a dense devchain history costs (issue 17, part 8): `devchain --history-block-seconds 12` (about 7,200 blocks
 * a day, what Lido's SDK expects) against the default density (a block every 4 hours, plus one per event), in the
 * same run, with the devchain's defaults otherwise (20,000 beacon validators, no interval mining).
 *
 * <p>For each history: wall time from start to the head (anvil started, contracts installed, beacon deposits
 * placed, history mined), blocks, the state folder's size (sampled every 2 s: its peak, and what is left at the
 * end), anvil's peak resident memory (VmHWM of /proc), and what a client can still read: every TokenRebased log
 * of the history (eth_getLogs over all blocks, checked against the reports the devchain wrote), and a balance at
 * block 1 (an eth_call-like read of old state: kept on an archive, pruned on a dense history). Then the ratios of
 * the dense histories to the default, and each dense run's pace.
 *
 * <p>Then anvil alone, with nothing installed: the time to mine each 1,000 empty 12-second blocks (in calls of 200,
 * as the devchain mines its gaps), from block 0 to LST_BENCH_ANVIL_BLOCKS (default 30,000), with the dense history's
 * 64 kept states. That time rises over the first ten thousand or so blocks and then holds (measured 2026-12-02), so
 * 30 dense days are projected from the pace of the last third of the run, for anvil alone and for each dense devchain
 * run (whose installs, deposits and events add their own cost) at the same ratio.
 *
 * <p>Run: bench/run-devchain-density-bench.sh (LST_BENCH_DEFAULT_DAYS, default 30; LST_BENCH_DENSE_DAYS, a
 * comma-separated list of dense lengths, default 30, or empty for none; LST_BENCH_ANVIL_BLOCKS).
 */
public final class DevchainDensityBench {
    private static final String STETH = "0xae7ab96520de3a18e5e111b5eaab095312d7fe84";
    private static final String TOKEN_REBASED = "0xff08c3ef606d198e316ef5b822193c489965899eb4e3c248cea1a4626c3eda50";

    record Run(String name, int days, long blockSeconds, int keptStates, long blocks, double seconds, long diskPeak,
            long diskEnd, long rssPeakKb, int logs, int reports, String oldState) {
    }

    public static void main(String[] args) throws Exception {
        int defaultDays = Integer.parseInt(System.getenv().getOrDefault("LST_BENCH_DEFAULT_DAYS", "30"));
        List<Integer> denseDays = Stream.of(System.getenv().getOrDefault("LST_BENCH_DENSE_DAYS", "30").split(","))
                .map(String::trim).filter(days -> !days.isEmpty()).map(Integer::parseInt).toList();
        long anvilBlocks = Long.parseLong(System.getenv().getOrDefault("LST_BENCH_ANVIL_BLOCKS", "30000"));
        System.out.printf(Locale.ROOT, "machine: %d cores, load average at start %s%n",
                Runtime.getRuntime().availableProcessors(), loadAverage());
        List<Run> runs = new ArrayList<>();
        runs.add(measure("default (a block / 4 h)", defaultDays, DevchainParameters.DEFAULT_HISTORY_BLOCK_SECONDS));
        for (int days : denseDays) {
            runs.add(measure("dense (a block / 12 s)", days, 12));
        }
        System.out.printf(Locale.ROOT, "load average at end %s%n%n", loadAverage());
        System.out.printf(Locale.ROOT, "%-24s %5s %7s %6s %9s %11s %10s %9s %14s %s%n", "history", "days", "blocks",
                "kept", "build s", "disk peak", "disk end", "RSS peak", "logs/reports", "state at block 1");
        for (Run r : runs) {
            System.out.printf(Locale.ROOT, "%-24s %5d %7d %6s %9.1f %8.1f MB %7.1f MB %6.0f MB %7d/%-6d %s%n", r.name(),
                    r.days(), r.blocks(), r.keptStates() == AnvilProcess.ARCHIVE ? "all" : Integer.toString(r.keptStates()),
                    r.seconds(), r.diskPeak() / 1e6, r.diskEnd() / 1e6, r.rssPeakKb() / 1024.0, r.logs(), r.reports(),
                    r.oldState());
        }
        Run base = runs.get(0);
        System.out.println();
        for (Run r : runs.subList(1, runs.size())) {
            System.out.printf(Locale.ROOT, "ratio dense %d d / default %d d: blocks %.1fx, build time %.2fx, disk peak %s, "
                    + "anvil RSS peak %.2fx%n", r.days(), base.days(), (double) r.blocks() / base.blocks(),
                    r.seconds() / base.seconds(), base.diskPeak() == 0 ? "n/a" : String.format(Locale.ROOT, "%.3fx",
                            (double) r.diskPeak() / base.diskPeak()), (double) r.rssPeakKb() / base.rssPeakKb());
        }
        Pace anvil = anvilAlone(anvilBlocks);
        double n30 = 30 * 86_400 / 12.0;
        System.out.printf(Locale.ROOT, "%nanvil alone: %d blocks in %.0f s, %.0f blocks/s over the last third; 30 dense days "
                + "(%.0f blocks) would take %.0f s (%.1f h)%n", anvil.blocks(), anvil.seconds(), anvil.steadyPerSecond(),
                n30, anvil.projected(n30), anvil.projected(n30) / 3600);
        for (Run r : runs.subList(1, runs.size())) {
            // The devchain's own work (installs, deposits, events) on top of anvil's: the same ratio is assumed for
            // the rest of 30 days.
            double ratio = r.seconds() / anvil.projected(r.blocks());
            System.out.printf(Locale.ROOT, "dense %d d: %.0f blocks in %.0f s, %.2f x anvil alone for as many blocks; "
                    + "30 dense days at that ratio: %.0f s (%.1f h)%n", r.days(), (double) r.blocks(), r.seconds(), ratio,
                    ratio * anvil.projected(n30), ratio * anvil.projected(n30) / 3600);
        }
    }

    /** Anvil alone: {@code blocks} mined in {@code seconds}, the last third at {@code steadyPerSecond}. */
    record Pace(long blocks, double seconds, double steadyPerSecond) {
        /** The time to mine {@code n} blocks: as measured up to {@link #blocks}, at the steady pace after. */
        double projected(double n) {
            return n <= blocks ? seconds * n / blocks : seconds + (n - blocks) / steadyPerSecond;
        }
    }

    private static Pace anvilAlone(long blocks) throws Exception {
        final int perLine = 1000;
        final int perCall = 200; // the devchain's MINE_CHUNK
        List<Double> secondsPerThousand = new ArrayList<>();
        try (AnvilProcess anvil = AnvilProcess.start(AnvilProcess.freePort(), java.time.Instant.now().getEpochSecond()
                - 40 * 86_400L, DevchainParameters.DENSE_KEPT_STATES);
                RpcConnection rpc = awaitAnvil(anvil.url())) {
            for (long height = 0; height < blocks; height += perLine) {
                long start = System.nanoTime();
                for (int call = 0; call < perLine / perCall; call++) {
                    var answer = new org.web3j.protocol.core.Request<>("anvil_mine",
                            List.of("0x" + Long.toHexString(perCall), "0xc"), rpc.service(),
                            org.web3j.protocol.core.methods.response.VoidResponse.class).send();
                    if (answer.hasError()) {
                        throw new IllegalStateException("anvil_mine failed: " + answer.getError().getMessage());
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                secondsPerThousand.add(seconds);
                System.out.printf(Locale.ROOT, "anvil alone: blocks %6d-%6d mined in %.2f s (anvil RSS %.0f MB)%n", height,
                        height + perLine, seconds, rssKb(anvil.process().pid()) / 1024.0);
            }
        }
        int lines = secondsPerThousand.size();
        double total = secondsPerThousand.stream().mapToDouble(Double::doubleValue).sum();
        double last = secondsPerThousand.subList(lines - Math.max(1, lines / 3), lines).stream()
                .mapToDouble(Double::doubleValue).sum();
        return new Pace((long) lines * perLine, total, Math.max(1, lines / 3) * perLine / last);
    }

    private static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static RpcConnection awaitAnvil(String url) throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            RpcConnection rpc = RpcConnection.open(url, Duration.ofSeconds(300));
            try {
                rpc.web3j().ethBlockNumber().send();
                return rpc;
            } catch (IOException notYet) {
                rpc.close();
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("anvil did not answer at " + url);
    }

    private static Run measure(String name, int days, long blockSeconds) throws Exception {
        DevchainParameters parameters = DevchainParameters.defaults(days).withBlockTime(0)
                .withHistoryBlockSeconds(blockSeconds);
        AtomicLong diskPeak = new AtomicLong();
        AtomicBoolean done = new AtomicBoolean();
        long port = AnvilProcess.freePort();
        // Our anvil is a child of this JVM; its --cache-path is the state folder to sample (other devchains on the
        // machine have folders of their own, which must not count).
        Thread sampler = new Thread(() -> {
            while (!done.get()) {
                try {
                    ourStateFolder().ifPresent(folder -> diskPeak.accumulateAndGet(size(folder), Math::max));
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException ignored) {
                    // a file anvil deleted while it was being summed: sample again
                }
            }
        }, "disk-sampler");
        sampler.setDaemon(true);
        sampler.start();
        long start = System.nanoTime();
        try (Devchain devchain = Devchain.start((int) port, parameters)) {
            double seconds = (System.nanoTime() - start) / 1e9;
            done.set(true);
            sampler.join();
            long diskEnd = size(devchain.anvilStateDirectory());
            diskPeak.accumulateAndGet(diskEnd, Math::max);
            long rss = peakRssKb(devchain.anvilProcess().pid());
            try (RpcConnection rpc = RpcConnection.open(devchain.url(), Duration.ofSeconds(120))) {
                long head = rpc.web3j().ethBlockNumber().send().getBlockNumber().longValueExact();
                EthFilter filter = new EthFilter(DefaultBlockParameterName.EARLIEST, DefaultBlockParameterName.LATEST,
                        STETH);
                filter.addSingleTopic(TOKEN_REBASED);
                int logs = rpc.web3j().ethGetLogs(filter).send().getLogs().size();
                var old = rpc.web3j().ethGetBalance("0x0000000000000000000000000000000000000000",
                        DefaultBlockParameter.valueOf(BigInteger.ONE)).send();
                String oldState = old.hasError() ? "pruned (" + old.getError().getMessage() + ")" : "kept";
                System.out.printf(Locale.ROOT, "%s, %d days: head block %d after %.1f s%n", name, days, head, seconds);
                return new Run(name, days, blockSeconds, parameters.keptStates(), head, seconds, diskPeak.get(),
                        diskEnd, rss, logs, devchain.lidoReports().size(), oldState);
            }
        } finally {
            done.set(true);
        }
    }

    private static java.util.Optional<Path> ourStateFolder() {
        return ProcessHandle.current().children()
                .map(child -> child.info().arguments().orElse(new String[0]))
                .map(List::of)
                .filter(arguments -> arguments.contains("--cache-path"))
                .map(arguments -> Path.of(arguments.get(arguments.indexOf("--cache-path") + 1)))
                .findFirst();
    }

    private static long size(Path root) {
        if (!Files.exists(root)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException gone) {
                    return 0;
                }
            }).sum();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }

    private static long peakRssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
