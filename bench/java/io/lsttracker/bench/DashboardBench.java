package io.lsttracker.bench;

import io.lsttracker.api.TestServer;
import io.lsttracker.devchain.AnvilProcess;
import io.lsttracker.devchain.Devchain;
import io.lsttracker.devchain.DevchainParameters;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Page weight and render time of the dashboard against a minimal HTML page of the same server, in headless
 * Chromium (Debian's) with the cache off, in one run: bytes transferred and requests (Resource Timing), first
 * contentful paint, and the time until the dashboard has drawn every section from the API (its
 * 'lst-rendered' mark; for the baseline, the end of its one inline script). The server is the app as
 * `serve` starts it, with a snapshot of every block of a 30-day devchain, its beacon node, in-memory H2.
 */
public final class DashboardBench {
    private static final int LOADS = 7;

    public static void main(String[] args) throws Exception {
        DevchainParameters parameters = DevchainParameters.defaults(30).withBlockTime(0);
        try (Devchain devchain = Devchain.start(AnvilProcess.freePort(), parameters);
                ApplicationContext server = Micronaut.build(new String[0]).environments("server", "bench")
                        .deduceEnvironment(false).banner(false)
                        .properties(Map.of("tracker.chain.rpc-url", devchain.url(),
                                "tracker.beacon.url", devchain.beaconUrl(),
                                "micronaut.server.host", "127.0.0.1", "micronaut.server.port", AnvilProcess.freePort(),
                                "datasources.default.url", "jdbc:h2:mem:dashboard-bench;DB_CLOSE_DELAY=-1"))
                        .start()) {
            long head = TestServer.storeHistory(server);
            String base = server.getBean(EmbeddedServer.class).getURL().toString();
            ChromeDriver browser = browser();
            try {
                browser.executeCdpCommand("Network.enable", Map.of());
                browser.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
                System.out.printf(Locale.ROOT, "lst-tracker dashboard benchmark: %d cold loads each in headless Chromium, "
                        + "%d snapshots of a 30-day devchain (11 pools)%n", LOADS, head);
                Result baseline = measure(browser, base + "/bench/page");
                Result dashboard = measure(browser, base + "/");
                System.out.printf(Locale.ROOT, "%-10s %10s %10s %9s %14s %14s%n", "page", "KB moved", "KB decoded",
                        "requests", "FCP ms (med)", "drawn ms (med)");
                print("baseline", baseline);
                print("dashboard", dashboard);
                System.out.printf(Locale.ROOT, "%-10s %9.1fx %9.1fx %8.1fx %13.1fx %13.1fx%n", "ratio",
                        dashboard.transferKb / baseline.transferKb, dashboard.decodedKb / baseline.decodedKb,
                        (double) dashboard.requests / baseline.requests, dashboard.fcp / baseline.fcp,
                        dashboard.drawn / baseline.drawn);
            } finally {
                browser.quit();
            }
        }
    }

    record Result(double transferKb, double decodedKb, long requests, double fcp, double drawn) {
    }

    private static Result measure(ChromeDriver browser, String url) {
        double[] fcp = new double[LOADS];
        double[] drawn = new double[LOADS];
        double transfer = 0;
        double decoded = 0;
        long requests = 0;
        for (int i = 0; i < LOADS; i++) {
            browser.get("about:blank");
            browser.get(url);
            new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> (Boolean) ((JavascriptExecutor) d)
                    .executeScript("return performance.getEntriesByName('lst-rendered').length > 0"));
            @SuppressWarnings("unchecked")
            List<Object> m = (List<Object>) browser.executeScript(
                    "const nav = performance.getEntriesByType('navigation')[0];"
                    + "const res = performance.getEntriesByType('resource');"
                    + "const paint = performance.getEntriesByName('first-contentful-paint')[0];"
                    + "return [nav.transferSize + res.reduce((a, r) => a + r.transferSize, 0),"
                    + " nav.decodedBodySize + res.reduce((a, r) => a + r.decodedBodySize, 0),"
                    + " 1 + res.length, paint ? paint.startTime : -1,"
                    + " performance.getEntriesByName('lst-rendered')[0].startTime];");
            transfer = ((Number) m.get(0)).doubleValue() / 1024;
            decoded = ((Number) m.get(1)).doubleValue() / 1024;
            requests = ((Number) m.get(2)).longValue();
            fcp[i] = ((Number) m.get(3)).doubleValue();
            drawn[i] = ((Number) m.get(4)).doubleValue();
        }
        return new Result(transfer, decoded, requests, median(fcp), median(drawn));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void print(String page, Result r) {
        System.out.printf(Locale.ROOT, "%-10s %10.1f %10.1f %9d %14.1f %14.1f%n", page, r.transferKb, r.decodedKb,
                r.requests, r.fcp, r.drawn);
    }

    private static ChromeDriver browser() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getenv().getOrDefault("LST_CHROMIUM_BIN", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,2400",
                "--user-data-dir=" + Files.createTempDirectory("lst-bench-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getenv().getOrDefault("LST_CHROMEDRIVER_BIN", "/usr/bin/chromedriver")).toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private DashboardBench() {
    }
}
