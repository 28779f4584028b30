package io.lsttracker.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lsttracker.devchain.Devchain;
import io.lsttracker.devchain.DevchainFlags;
import io.lsttracker.devchain.DevchainParameters;
import io.lsttracker.devchain.TestDevchain;
import io.lsttracker.domain.BlockSelector;
import io.lsttracker.snapshot.SnapshotService;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpResponse;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * `serve` against the devchain's 12 days of history, stored block by block as `demo` stores it: the tracker
 * must recover the net APR each pool was told to simulate, to within 0.01 percentage point of what the
 * formula gives for the devchain's flags.
 *
 * <p>How the flags map to the expected APR. Each report grows a pool's rate by g = apr/100 x elapsed /
 * 31,536,000, except on --negative-rebase-day, when it loses g = -bps/10,000. So:
 * <ul>
 * <li>a single report (last-report): the flag itself;</li>
 * <li>a window of reports: (prod(1 + g_i) - 1) x 31,536,000 / (t1 - t0), over the window's real bounds (the
 * 7-day window here holds the negative day, and for Lido the two-day report after its skipped day);</li>
 * <li>sfrxETH: each weekly cycle streams the rewards of the days since the previous sync (none on the
 * negative day; the first stream also what was waiting when the devchain started) from its sync (16:00, the
 * first deposit after the cycle's start) to the cycle's end, so its last step's APR is flag x reward days /
 * stream days.</li>
 * </ul>
 */
class RewardsEndToEndTest extends ServerTest {
    private static final BigDecimal TOLERANCE_PP = new BigDecimal("0.01");
    private static final BigDecimal YEAR = BigDecimal.valueOf(31_536_000);
    private static final MathContext MC = MathContext.DECIMAL128;
    private static final long DAY = 86_400;
    /** Pools whose rate steps once a day at their oracle's report (read from stored snapshots). */
    private static final List<String> DAILY_SNAPSHOT_POOLS =
            List.of("coinbase", "binance", "mantle", "etherfi", "stader", "swell", "ankr");

    private final Devchain devchain = TestDevchain.shared();
    private long firstMidnight;
    /** When the devchain set its contracts' starting state (block 1). */
    private long installedAt;

    @Inject
    ApplicationContext context;

    @Inject
    SnapshotService snapshots;

    @Override
    protected Map<String, ?> settings() {
        return Map.of("tracker.chain.rpc-url", devchain.url(), "tracker.scheduler.enabled", "false",
                "tracker.rewards.page-blocks", 50);
    }

    @BeforeAll
    void storeEveryBlock() {
        installedAt = snapshots.take(new BlockSelector.Number(1)).block().timestamp().getEpochSecond();
        TestServer.storeHistory(context);
        // Lido reports at 12:00 on day 0 (its skipped day is later): day 0's midnight anchors the day indexes.
        firstMidnight = Math.floorDiv(devchain.lidoReports().get(0).reportTimestamp(), DAY) * DAY;
    }

    private JsonNode rewards(String pool) {
        return RewardWindowsJson.rewards(api, pool);
    }

    private static JsonNode window(JsonNode rewards, String label) {
        return RewardWindowsJson.window(rewards, label);
    }

    private static void assertApr(BigDecimal expectedPercent, JsonNode window, String what) {
        assertTrue(window.get("reason").isNull(), what + ": " + window.get("reason"));
        BigDecimal actualPercent = new BigDecimal(window.get("apr").asText()).movePointRight(2);
        assertTrue(actualPercent.subtract(expectedPercent).abs().compareTo(TOLERANCE_PP) <= 0,
                what + ": APR " + actualPercent + "% but the flags give " + expectedPercent.round(new MathContext(8)) + "%");
    }

    private BigDecimal flag(String pool) {
        return DevchainFlags.aprPercent(devchain, pool);
    }

    private boolean negativeDay(long timestamp) {
        return Math.floorDiv(timestamp - firstMidnight, DAY) == devchain.parameters().negativeRebaseDay();
    }

    /** Percent APR of reports {elapsed seconds, end time} from the flags, over [t0, t1]. */
    private BigDecimal compounded(String pool, List<long[]> reports, long t0, long t1) {
        DevchainParameters parameters = devchain.parameters();
        BigDecimal product = BigDecimal.ONE;
        for (long[] report : reports) {
            BigDecimal g = negativeDay(report[1])
                    ? BigDecimal.valueOf(parameters.negativeRebaseBps()).movePointLeft(4).negate()
                    : flag(pool).movePointLeft(2).multiply(BigDecimal.valueOf(report[0])).divide(YEAR, MC);
            product = product.multiply(BigDecimal.ONE.add(g), MC);
        }
        return product.subtract(BigDecimal.ONE).multiply(YEAR).divide(BigDecimal.valueOf(t1 - t0), MC).movePointRight(2);
    }

    private static long seconds(JsonNode window, String field) {
        return Instant.parse(window.get(field).asText()).getEpochSecond();
    }

    @ParameterizedTest
    @ValueSource(strings = {"lido", "rocketpool", "coinbase", "binance", "mantle", "stakewise", "etherfi", "stader",
            "swell", "ankr"})
    void theLastReportGivesBackTheSimulatedApr(String pool) {
        JsonNode last = window(rewards(pool), "last-report");
        assertApr(flag(pool), last, pool + " last report");
        assertEquals(1, last.get("reports").asInt());
    }

    @Test
    void theReportSeriesGivesEachReportsAprAndTheNegativeDayBelowZero() {
        HttpResponse<JsonNode> response = api.rewardsHistory("lido", "2020-01-01", null);
        JsonNode body = response.body();
        assertEquals(200, response.code(), String.valueOf(body));
        assertEquals("lido", body.get("pool").asText());
        JsonNode points = body.get("points");
        assertEquals(devchain.lidoReports().size(), points.size(), "one point per TokenRebased report");
        int negative = 0;
        for (JsonNode point : points) {
            BigDecimal percent = new BigDecimal(point.get("apr").asText()).movePointRight(2);
            if (percent.signum() < 0) {
                negative++;
            } else {
                assertTrue(percent.subtract(flag("lido")).abs().compareTo(TOLERANCE_PP) <= 0, point.toString());
            }
        }
        assertEquals(1, negative, "the negative rebase shows as the one negative report");
        assertEquals(400, api.rewardsHistory("lido", "soon", null).code());
    }

    @Test
    void sfrxEthsStreamGivesTheWeeksRewardsOverTheStream() {
        JsonNode last = window(rewards("frax"), "last-report");
        long end = seconds(last, "endTime");
        long cycle = 604_800L;
        long flow = 16 * 3600; // the day's first deposit or redemption, which syncs a cycle that is over
        // The stream that holds the last step: it began at the first flow after its cycle's start.
        long cycleStart = Math.floorDiv(end - flow, cycle) * cycle;
        long sync = cycleStart + flow;
        assertTrue(seconds(last, "startTime") >= sync, "the last step lies in the current stream");
        // It releases what reached the vault since the previous sync: the daily rewards at 10:00 (none on the
        // negative day) and, when the previous sync is older than the history, what the devchain found waiting
        // at its start (SimulatedFrax.install: the rewards of its cycle up to then).
        long previousSync = sync - cycle;
        long from = previousSync;
        BigDecimal rewardDays = BigDecimal.ZERO;
        if (previousSync < firstMidnight + flow) {
            from = installedAt;
            rewardDays = BigDecimal.valueOf(installedAt - Math.floorDiv(installedAt, cycle) * cycle)
                    .divide(BigDecimal.valueOf(DAY), MC);
        }
        for (long reward = firstMidnight + 10 * 3600; reward < sync; reward += DAY) {
            if (reward >= from && !negativeDay(reward)) {
                rewardDays = rewardDays.add(BigDecimal.ONE);
            }
        }
        BigDecimal streamDays = BigDecimal.valueOf(cycleStart + cycle - sync).divide(BigDecimal.valueOf(DAY), MC);
        assertApr(flag("frax").multiply(rewardDays).divide(streamDays, MC), last, "frax stream");
    }

    @Test
    void lidoAloneGetsItsSdksSevenDayWindowWhichTheSparseDevchainCannotServe() {
        // The devchain's history has a block every few hours: Lido's SDK would search for its first report
        // 53,200 blocks (7 x 7,600) before the last one, before block 0, and refuse; the window says so.
        JsonNode sdk = window(rewards("lido"), "lido-sdk-7d");
        assertTrue(sdk.get("apr").isNull(), sdk.toString());
        assertTrue(sdk.get("reason").asText().contains("before the chain's first block"), sdk.toString());
        for (JsonNode w : rewards("rocketpool").get("windows")) {
            assertTrue(!w.get("window").asText().equals("lido-sdk-7d"), "Rocket Pool has no Lido SDK window");
        }
    }

    @Test
    void lidosWindowsCompoundItsReportsOverTheirRealLength() {
        JsonNode rewards = rewards("lido");
        assertEquals("lido-token-rebased", rewards.get("method").asText());
        for (String label : List.of("1d", "7d", "since-start")) {
            JsonNode w = window(rewards, label);
            long t0 = seconds(w, "startTime");
            long t1 = seconds(w, "endTime");
            List<long[]> reports = new ArrayList<>();
            for (Devchain.LidoReport report : devchain.lidoReports()) {
                if (report.reportTimestamp() - report.timeElapsed() >= t0 && report.reportTimestamp() <= t1) {
                    reports.add(new long[] {report.timeElapsed(), report.reportTimestamp()});
                }
            }
            assertEquals(reports.size(), w.get("reports").asInt(), label);
            assertApr(compounded("lido", reports, t0, t1), w, "lido " + label);
        }
        // The skipped report: some window report covers two days, and the 7-day window runs over its real length.
        assertTrue(devchain.lidoReports().stream().anyMatch(r -> r.timeElapsed() == 2 * DAY));
    }

    @Test
    void rocketPoolsWindowsRunFromReportPointToReportPoint() {
        JsonNode rewards = rewards("rocketpool");
        assertEquals("rocketpool-balances-updated", rewards.get("method").asText());
        for (String label : List.of("7d", "since-start")) {
            JsonNode w = window(rewards, label);
            long t0 = seconds(w, "startTime");
            long t1 = seconds(w, "endTime");
            List<long[]> reports = new ArrayList<>();
            long previous = -1;
            for (Devchain.RocketPoolReport report : devchain.rocketPoolReports()) {
                if (previous >= t0 && report.slotTimestamp() <= t1) {
                    reports.add(new long[] {report.slotTimestamp() - previous, report.slotTimestamp()});
                }
                previous = report.slotTimestamp();
            }
            assertEquals(reports.size(), w.get("reports").asInt(), label);
            assertApr(compounded("rocketpool", reports, t0, t1), w, "rocketpool " + label);
        }
    }

    @Test
    void dailySnapshotPoolsCompoundTheirReportsIncludingTheNegativeDay() {
        for (String pool : DAILY_SNAPSHOT_POOLS) {
            JsonNode rewards = rewards(pool);
            assertEquals("snapshot-rate-steps", rewards.get("method").asText());
            JsonNode week = window(rewards, "7d");
            long t0 = seconds(week, "startTime");
            long t1 = seconds(week, "endTime");
            assertEquals(7 * DAY, t1 - t0, pool + ": a week of daily reports");
            List<long[]> reports = new ArrayList<>();
            for (long end = t0 + DAY; end <= t1; end += DAY) {
                reports.add(new long[] {DAY, end});
            }
            assertEquals(7, week.get("reports").asInt(), pool);
            assertApr(compounded(pool, reports, t0, t1), week, pool + " 7d");
        }
    }

    @Test
    void aWindowLongerThanTheHistorySaysSoInsteadOfAFigure() {
        for (String pool : devchain.poolIds()) {
            JsonNode month = window(rewards(pool), "30d");
            assertTrue(month.get("apr").isNull() && month.get("apy").isNull(), pool + ": " + month);
            assertTrue(month.get("reason").asText().startsWith("not enough history"), month.get("reason").asText());
        }
    }

    @Test
    void poolsListTheSevenDayWindowAndUnknownPoolsAre404() {
        JsonNode pools = api.pools().body().get("pools");
        for (JsonNode pool : pools) {
            JsonNode apr7d = pool.get("apr7d");
            assertEquals("7d", apr7d.get("window").asText(), pool.toString());
            assertEquals(window(rewards(pool.get("id").asText()), "7d"), apr7d);
        }
        HttpResponse<JsonNode> unknown = api.rewards("lidoo");
        assertEquals(404, unknown.code());
        JsonNode error = unknown.body();
        assertEquals("not_found", error.get("error").asText());
        assertTrue(error.get("message").asText().startsWith("unknown pool 'lidoo'"), error.toString());
    }
}
