package io.lsttracker.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lsttracker.api.Await;
import io.lsttracker.api.FakeLiquidityHistory;
import io.lsttracker.api.LiquidityFixtures;
import io.lsttracker.api.ServerTest;
import io.lsttracker.api.TestServer;
import io.lsttracker.devchain.Devchain;
import io.lsttracker.devchain.TestDevchain;
import io.lsttracker.metrics.ExternalTools;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpResponse;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser (Debian's chromium, driven through Debian's chromedriver) against the
 * tracker serving the devchain's history: it loads without console errors, its charts hold the API's points,
 * and the range picker changes what is shown. Screenshots go to target/.
 */
class DashboardBrowserTest extends ServerTest {
    private final Devchain devchain = TestDevchain.shared();
    private WebDriver browser;

    @Inject
    EmbeddedServer server;

    @Inject
    ApplicationContext context;

    /**
     * The devchain's entities stay under 25% of all staked ETH (its Lido has about 24% of the validators), so the
     * default entity rules fire for none; this file's rule at 20% fires for Lido, for the alerts section to show.
     */
    private static final String ALERTS = """
            rules:
              entity-over-20pct-of-staked:
                metric: entity-share-of-staked
                entity: any
                threshold: 0.2
                hysteresis: 0.005
            """;

    @Override
    protected Map<String, ?> settings() {
        Path alerts;
        try {
            alerts = Files.createTempFile("lst-alerts", ".yml");
            Files.writeString(alerts, ALERTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return Map.of("tracker.chain.rpc-url", devchain.url(),
                "tracker.beacon.url", devchain.beaconUrl(),
                "tracker.entities.deposit-first-block", devchain.depositContractFirstBlock(),
                "tracker.entities.vaults-first-block", devchain.depositContractFirstBlock(),
                "tracker.entities.etherfi-first-block", devchain.depositContractFirstBlock(),
                "tracker.entities.frax-first-block", devchain.depositContractFirstBlock(),
                // a day of the simulated beacon chain's blocks for the client-diversity section
                "tracker.clients.lookback-days", 1,
                "tracker.alerts.file", alerts.toString(),
                FakeLiquidityHistory.PROPERTY, "true");
    }

    @Inject
    FakeLiquidityHistory liquidity;

    /**
     * Liquidity figures over the last two days (the devchain's markets are read by the liquidity reading, which the
     * fake history stands in for here): lido's one-token quote every hour from -5.00 bps down by 2.50 bps an hour
     * (-122.50 bps 47 hours later), then the hand-computed snapshot of {@link LiquidityFixtures} an hour ago; the
     * exit queue every 6 hours with 32,000 x k ETH waiting at 256 ETH an epoch: 32,000 k / 57,600 = 0.5555 k days.
     */
    private void storeLiquidity() {
        java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        liquidity.clear();
        for (int h = 48; h >= 2; h--) {
            String bps = new java.math.BigDecimal("-5.00").subtract(new java.math.BigDecimal("2.50")
                    .multiply(java.math.BigDecimal.valueOf(48 - h))).toPlainString();
            liquidity.store(List.of(LiquidityFixtures.lidoAt(LiquidityFixtures.block(5_000 - h,
                    now.minusSeconds(3_600L * h)), bps)));
        }
        liquidity.store(LiquidityFixtures.handComputedSnapshot(LiquidityFixtures.block(4_999,
                now.minusSeconds(3_600))));
        String[] waits = {"0.56", "1.11", "1.67", "2.22", "2.78", "3.33", "3.89", "4.44"};
        for (int k = 1; k <= waits.length; k++) {
            liquidity.store(LiquidityFixtures.exitQueue(9_000_000 + 1_800L * k, LiquidityFixtures.block(4_952 + 6 * k,
                    now.minusSeconds(3_600L * (54 - 6 * k))), 1_000L * k, String.valueOf(32_000 * k), "256", waits[k - 1]));
        }
    }

    @BeforeAll
    void start() throws Exception {
        Path chromium = ExternalTools.require("LST_CHROMIUM_BIN", "/usr/bin/chromium");
        Path chromedriver = ExternalTools.require("LST_CHROMEDRIVER_BIN", "/usr/bin/chromedriver");
        // The first cycle also indexes the devchain's ~20,000 deposits for the entity reading: give it time.
        Await.until(api, "a first successful cycle", Duration.ofSeconds(180), api::health,
                health -> health.body().has("lastSuccessfulCycle"));
        Await.snapshot(api);
        TestServer.storeHistory(context);
        storeLiquidity();

        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,2400",
                "--user-data-dir=" + Files.createTempDirectory("lst-chromium"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void loadsWithoutConsoleErrorsAndPlotsTheApisPoints() throws Exception {
        browser.get(server.getURL().toString());
        awaitLoaded("30d");
        screenshot("dashboard-30d.png");
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertEquals(List.of(), errors.stream().map(LogEntry::getMessage).toList(), "console errors");

        JsonNode pools = ok(api.pools()).get("pools");
        List<WebElement> cards = browser.findElements(By.cssSelector(".card[data-pool]"));
        assertEquals(pools.size(), cards.size());
        WebElement lido = browser.findElement(By.cssSelector(".card[data-pool=lido] [data-field=ethPerToken]"));
        assertEquals(String.format(java.util.Locale.US, "%,.6f", Double.parseDouble(pools.get(0).get("ethPerToken").asText())),
                lido.getText());

        assertEquals(apiPoints(), chartPoints("chart-rates"), "the rates chart holds every point the API returned");
        assertTrue(chartPoints("chart-rates") > pools.size(), "more than one point per pool");

        WebElement page = browser.findElement(By.tagName("body"));
        JsonNode concentration = ok(api.concentrationHistory(page.getAttribute("data-from"), page.getAttribute("data-to"),
                page.getAttribute("data-interval"))).get("points");
        int withStaked = 0;
        for (JsonNode point : concentration) {
            withStaked += point.get("tokenOfAllStaked").isNull() ? 0 : 1;
        }
        assertTrue(withStaked > 1, "the devchain's beacon node gives shares of all staked ETH");
        assertEquals(withStaked, chartPoints("chart-share"), "one stacked point per concentration point");
        assertTrue(chartPoints("chart-hhi") >= concentration.size(), "HHI among LSTs at every point");
        assertTrue(chartPoints("chart-tau") > 0);

        int reports = 0;
        for (JsonNode pool : pools) {
            reports += ok(api.rewardsHistory(pool.get("id").asText(), page.getAttribute("data-from"),
                    page.getAttribute("data-to"))).get("points").size();
        }
        assertEquals(reports, chartPoints("chart-rewards"), "one reward point per report");

        String lidoShare = ok(api.concentration()).get("pools").get(0).get("tokenShareOfStaked").asText();
        assertEquals(percent(lidoShare),
                browser.findElement(By.cssSelector(".card[data-pool=lido] [data-field=tokenShareOfStaked]")).getText());

        JsonNode operators = ok(api.concentration()).get("lidoOperators");
        assertEquals(String.valueOf(operators.get("largest").size()),
                browser.findElement(By.cssSelector("#operators table")).getAttribute("data-rows"));
        assertEquals(operators.get("largest").get(0).get("name").asText(),
                browser.findElement(By.cssSelector("#operators tbody tr td")).getText());

        JsonNode active = ok(api.activeAlerts()).get("alerts");
        assertTrue(active.toString().contains("entity-over-20pct-of-staked"),
                "the Lido entity above 20% of all staked ETH fires this test's rule: " + active);
        assertEquals(String.valueOf(active.size()),
                browser.findElement(By.cssSelector("#alerts [data-firing]")).getAttribute("data-firing"));
    }

    @Test
    void whoControlsTheStakeShowsTheApisEntityFigures() throws Exception {
        browser.get(server.getURL().toString());
        awaitLoaded("30d");
        screenshot("dashboard-entities.png");
        WebElement page = browser.findElement(By.tagName("body"));

        // The stacked chart holds every reading the API gives for the page's window, one band per entity with
        // stake in it and the unidentified band on top (its legend names it), and the threshold lines.
        JsonNode history = ok(api.entitiesHistory(page.getAttribute("data-from"), page.getAttribute("data-to"),
                page.getAttribute("data-interval"))).get("points");
        assertTrue(history.size() > 1, "the stored history has entity readings at several epochs: " + history.size());
        java.util.Set<String> withStake = new java.util.TreeSet<>();
        history.forEach(p -> p.get("shares").fields().forEachRemaining(e -> {
            if (Double.parseDouble(e.getValue().asText()) > 0) {
                withStake.add(e.getKey());
            }
        }));
        WebElement chart = browser.findElement(By.id("chart-entities"));
        assertEquals(String.valueOf(history.size()), chart.getAttribute("data-readings"));
        assertEquals(String.valueOf(withStake.size()), chart.getAttribute("data-entities"));
        assertEquals(String.valueOf(withStake.size() + 1 + 4), chart.getAttribute("data-series"));
        // every band has a value at every reading; each threshold line two ends
        assertEquals((withStake.size() + 1) * history.size() + 4 * 2, chartPoints("chart-entities"));
        String legend = chart.findElement(By.cssSelector(".u-legend")).getText();
        assertTrue(legend.contains("unidentified") && legend.contains("33.3%") && legend.contains("lido"), legend);

        // The table: the latest reading's largest entities with category and LST, and the unidentified rest.
        JsonNode latest = ok(api.entities());
        JsonNode first = latest.get("entities").get(0);
        List<WebElement> cells = browser.findElements(By.cssSelector("#entities tbody tr[data-entity='"
                + first.get("id").asText() + "'] td"));
        assertEquals(List.of(first.get("name").asText(), first.get("category").asText(),
                first.get("pool").isNull() ? "–" : first.at("/pool/id").asText(),
                percent(first.get("share").asText())),
                List.of(cells.get(0).getText(), cells.get(1).getText(), cells.get(2).getText(), cells.get(5).getText()));
        List<WebElement> unidentified = browser.findElements(By.cssSelector(
                "#entities tbody tr[data-entity=unidentified] td"));
        assertEquals(percent(latest.at("/unidentified/share").asText()), unidentified.get(5).getText());
        long rows = 0;
        for (JsonNode e : latest.get("entities")) {
            rows += Long.parseLong(e.get("stakeGwei").asText()) > 0 ? 1 : 0;
        }
        assertEquals(String.valueOf(Math.min(10, rows)),
                browser.findElement(By.cssSelector("#entities table")).getAttribute("data-rows"));

        // The summary leads with the entities' headline of /api/concentration.
        JsonNode head = ok(api.concentration()).get("entities");
        String summary = browser.findElement(By.id("summary")).getText();
        assertTrue(summary.contains(head.get("largestEntity").asText() + " " + percent(head.get("largestShare")
                .asText())), summary);
        assertTrue(summary.contains("Unidentified\n" + percent(head.get("unidentifiedShare").asText())), summary);
    }

    @Test
    void clientDiversityShowsTheApisFigures() throws Exception {
        // The first run reads a day of blocks once an entity reading attributes their proposers.
        JsonNode clients = Await.until(api, "client diversity read", java.time.Duration.ofSeconds(300),
                () -> api.clients("7d"), r -> r.code() == 200).body();
        browser.get(server.getURL().toString());
        awaitLoaded("30d");
        screenshot("dashboard-clients.png");
        JsonNode network = clients.get("network");
        List<WebElement> cells = browser.findElements(By.cssSelector("#clients tbody tr[data-entity=network] td"));
        assertEquals(String.format(java.util.Locale.US, "%,d", network.get("blocks").asLong()), cells.get(1).getText());
        assertEquals(String.format(java.util.Locale.US, "%.1f%%",
                Double.parseDouble(network.at("/consensus/identifiedShare").asText()) * 100), cells.get(2).getText());
        JsonNode majority = network.get("consensus");
        assertTrue(cells.get(3).getText().startsWith(clientName(majority, majority.get("majority").asText())),
                cells.get(3).getText());
        assertEquals(String.valueOf(Math.min(12, clients.get("entities").size()) + 1),
                browser.findElement(By.cssSelector("#clients table")).getAttribute("data-rows"));
        // Coinbase's mix on the devchain is above 2/3 Prysm: the table says so, as the API flags it.
        JsonNode coinbase = null;
        for (JsonNode e : clients.get("entities")) {
            if (e.get("entity").asText().equals("coinbase")) {
                coinbase = e.get("figures");
            }
        }
        assertTrue(coinbase != null && coinbase.at("/consensus/majorityAboveTwoThirds").asBoolean(), clients.toString());
        WebElement flagged = browser.findElement(By.cssSelector("#clients tbody tr[data-entity=coinbase] td[data-flag]"));
        assertEquals("> 2/3", flagged.getAttribute("data-flag"));
        JsonNode history = ok(api.clientsHistory(null, "30")).get("points");
        assertEquals(String.valueOf(history.size()), browser.findElement(By.id("chart-clients"))
                .getAttribute("data-points"));
    }

    @Test
    void liquidityShowsTheApisFigures() throws Exception {
        browser.get(server.getURL().toString());
        awaitLoaded("30d");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('liquidity-panel').scrollIntoView()");
        screenshot("dashboard-liquidity.png");
        WebElement page = browser.findElement(By.tagName("body"));
        String from = page.getAttribute("data-from");
        String to = page.getAttribute("data-to");

        String interval = page.getAttribute("data-interval");
        assertEquals("6h", interval, "30d's interval");

        // The discount chart holds every one-token quote the API gives for the window per its interval (the last
        // snapshot of each 6 hours, buckets aligned to the epoch), of every pool with a market.
        JsonNode latest = ok(api.liquidity());
        int quotes = 0;
        int lidoPoints = 0;
        for (JsonNode pool : latest.get("pools")) {
            if (!pool.get("market").isNull()) {
                JsonNode history = ok(api.poolLiquidityPer(pool.get("pool").asText(), from, to, interval, null));
                assertEquals(interval, history.get("interval").asText());
                for (JsonNode point : history.get("points")) {
                    int quoted = point.get("discountBps1").isNull() ? 0 : 1;
                    quotes += quoted;
                    lidoPoints += pool.get("pool").asText().equals("lido") ? quoted : 0;
                }
            }
        }
        // lido: hourly quotes from 48 h to 1 h ago span 47 hours, so 8 or 9 buckets of 6 h (47 / 6 = 7.8; one more
        // when a bucket's start falls inside), each quoted; rocketpool: the hand-computed snapshot's; coinbase failed
        assertTrue(lidoPoints == 8 || lidoPoints == 9, "lido's quotes per 6 h: " + lidoPoints);
        assertEquals(lidoPoints + 1, quotes);
        assertEquals(String.valueOf(quotes), browser.findElement(By.id("chart-discount")).getAttribute("data-points"));
        // the exit queue's 8 readings are 6 h apart: each alone in its bucket
        JsonNode waits = ok(api.exitQueuePer(from, to, interval, null)).get("points");
        assertEquals(8, waits.size());
        assertEquals(String.valueOf(waits.size()), browser.findElement(By.id("chart-exit-wait"))
                .getAttribute("data-points"));
        String legend = browser.findElement(By.cssSelector("#chart-discount .u-legend")).getText();
        assertTrue(legend.contains("lido") && legend.contains("rocketpool") && legend.contains("-100 bps"), legend);

        // The table: the latest quotes as the API gives them (the fixture's arithmetic: -10.00, -30.00, -587.65 bps
        // for lido, +10.00 for rocketpool's premium), the 1% depth, the exits; a failed market says so.
        JsonNode lidoQuotes = latest.at("/pools/0/market/quotes");
        assertEquals("-10.00", lidoQuotes.get(0).get("discountBps").asText());
        assertEquals(List.of(lidoQuotes.get(0).get("discountBps").asText(), "-30.00", "-587.65", "2,000 to 5,000"),
                List.of(cell("lido", "discount1"), cell("lido", "discount100"), cell("lido", "discount10000"),
                        cell("lido", "depth")));
        assertEquals("12,346 stETH in 42 requests, oldest 1.0 h", cell("lido", "exit"));
        assertEquals("+10.00", cell("rocketpool", "discount1"));
        assertEquals("1,235 ETH liquid", cell("rocketpool", "exit"));
        assertTrue(browser.findElement(By.cssSelector("#liquidity tr[data-pool=coinbase]")).getText()
                .contains("failed: get_dy reverted at block 1000"), "the failed market says why");
        assertEquals("5,000 ETH liquid", cell("etherfi", "exit"));
        assertEquals("4", browser.findElement(By.cssSelector("#liquidity table")).getAttribute("data-rows"));
        String queue = browser.findElement(By.cssSelector("#liquidity [data-field=exit-queue]")).getText();
        assertTrue(queue.contains("256,000 ETH") && queue.contains("about 4.44 days"), queue);
    }

    private String cell(String pool, String field) {
        return browser.findElement(By.cssSelector("#liquidity tr[data-pool=" + pool + "] [data-field=" + field + "]"))
                .getText();
    }

    private static String clientName(JsonNode layer, String id) {
        for (JsonNode c : layer.get("clients")) {
            if (c.get("client").asText().equals(id)) {
                return c.get("name").asText();
            }
        }
        throw new AssertionError("no client " + id + " in " + layer);
    }

    private static String percent(String fraction) {
        return String.format(java.util.Locale.US, "%.2f%%", Double.parseDouble(fraction) * 100);
    }

    @Test
    void theRangePickerChangesWhatIsShown() throws Exception {
        browser.get(server.getURL().toString());
        awaitLoaded("30d");
        int month = chartPoints("chart-rates");
        browser.findElement(By.cssSelector("[data-range='7d']")).click();
        awaitLoaded("7d");
        int week = chartPoints("chart-rates");
        assertEquals(apiPoints(), week);
        assertNotEquals(month, week, "7 days at 1h and 30 days at 6h hold different points");
        assertEquals("1h", browser.findElement(By.tagName("body")).getAttribute("data-interval"));
        screenshot("dashboard-7d.png");
    }

    @Test
    void isReadableOnAPhone() throws Exception {
        browser.manage().window().setSize(new Dimension(390, 1600));
        try {
            browser.get(server.getURL().toString());
            awaitLoaded("30d");
            Long overflow = (Long) ((org.openqa.selenium.JavascriptExecutor) browser)
                    .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            screenshot("dashboard-phone.png");
            assertTrue(overflow <= 0, "the page scrolls sideways on a phone by " + overflow + " px");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 2400));
        }
    }

    /** Points the API gives for the window and interval the page used, summed over pools. */
    private int apiPoints() {
        WebElement body = browser.findElement(By.tagName("body"));
        int total = 0;
        for (JsonNode pool : ok(api.pools()).get("pools")) {
            total += ok(api.history(pool.get("id").asText(), body.getAttribute("data-from"), body.getAttribute("data-to"),
                    body.getAttribute("data-interval"))).get("points").size();
        }
        return total;
    }

    private int chartPoints(String id) {
        return Integer.parseInt(browser.findElement(By.id(id)).getAttribute("data-points"));
    }

    private void awaitLoaded(String range) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> {
            WebElement body = d.findElement(By.tagName("body"));
            return "false".equals(body.getAttribute("data-loading")) && range.equals(body.getAttribute("data-range"));
        });
    }

    private void screenshot(String name) throws Exception {
        Path target = Path.of(System.getenv().getOrDefault("LST_PROJECT_DIR", "."), "target", name);
        Files.createDirectories(target.getParent());
        Files.write(target, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private static JsonNode ok(HttpResponse<JsonNode> response) {
        assertEquals(200, response.code(), String.valueOf(response.body()));
        return response.body();
    }
}
