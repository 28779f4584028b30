package io.lsttracker.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lsttracker.devchain.AnvilProcess;
import io.lsttracker.devchain.Devchain;
import io.lsttracker.devchain.DevchainParameters;
import io.lsttracker.devchain.rocketpool.SimulatedRocketPool;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rocket Pool's windows across an upgrade of RocketNetworkBalances (issue 17, part 1): a devchain of 32 days whose
 * RocketNetworkBalances is replaced on day 28 ({@code --rp-balances-upgrade-day 28}), so the 30-day and the
 * 7-day windows hold reports of both contracts. The tracker indexes the history from one snapshot at the head
 * (lookback-blocks reaches block 0), as a first `serve` does.
 *
 * <p>Expected figures, as in {@link RewardsEndToEndTest}: each report grows rETH's rate by g = apr/100 x elapsed /
 * 31,536,000 (elapsed: from the previous report's slot time), except on --negative-rebase-day (16 here, inside
 * the 30-day window), when it loses g = -bps/10,000; a window's APR is (prod(1 + g_i) - 1) x 31,536,000 /
 * (t1 - t0) over its real bounds, and it counts every report whose step lies in [t0, t1]. Indexing only the
 * contract RocketStorage names at the head (the tracker before emitters were followed per block range) finds
 * only the reports after the upgrade: run that way, the 30-day and 7-day windows say "not enough history" (the
 * rate data begins at the first report after the upgrade) and since-start counts 3 reports instead of 32.
 */
class RocketPoolUpgradeEndToEndTest extends ServerTest {
    private static final int HISTORY_DAYS = 32;
    private static final int UPGRADE_DAY = 28;
    private static final BigDecimal TOLERANCE_PP = new BigDecimal("0.01");
    private static final BigDecimal YEAR = BigDecimal.valueOf(31_536_000);
    private static final MathContext MC = MathContext.DECIMAL128;
    private static final long DAY = 86_400;

    private static Devchain devchain;

    @Inject
    ApplicationContext context;

    private static synchronized Devchain devchain() {
        if (devchain == null) {
            DevchainParameters parameters = DevchainParameters.defaults(HISTORY_DAYS).withBlockTime(0)
                    .withBeaconValidators(DevchainParameters.MIN_BEACON_VALIDATORS)
                    .withRocketPoolBalancesUpgradeDay(UPGRADE_DAY);
            devchain = Devchain.start(AnvilProcess.freePort(), parameters);
        }
        return devchain;
    }

    @Override
    protected Map<String, ?> settings() {
        return Map.of("tracker.chain.rpc-url", devchain().url(), "tracker.scheduler.enabled", "false",
                "tracker.rewards.page-blocks", 100);
    }

    @BeforeAll
    void indexFromOneSnapshotAtTheHead() {
        TestServer.recordHead(context);
    }

    @AfterAll
    static void stopDevchain() {
        if (devchain != null) {
            devchain.close();
            devchain = null;
        }
    }

    private JsonNode window(String label) {
        JsonNode rewards = RewardWindowsJson.rewards(api, "rocketpool");
        assertEquals("rocketpool-balances-updated", rewards.get("method").asText());
        return RewardWindowsJson.window(rewards, label);
    }

    private static long seconds(JsonNode window, String field) {
        return Instant.parse(window.get(field).asText()).getEpochSecond();
    }

    /** The devchain's reports whose step (previous slot time to its own) lies in [t0, t1], oldest first. */
    private static List<Step> stepsWithin(long t0, long t1) {
        List<Step> steps = new ArrayList<>();
        Devchain.RocketPoolReport previous = null;
        for (Devchain.RocketPoolReport report : devchain.rocketPoolReports()) {
            if (previous != null && previous.slotTimestamp() >= t0 && report.slotTimestamp() <= t1) {
                steps.add(new Step(report.slotTimestamp() - previous.slotTimestamp(), report.slotTimestamp(),
                        report.emitter()));
            }
            previous = report;
        }
        return steps;
    }

    private record Step(long elapsed, long end, String emitter) {
    }

    /** Percent APR of the steps compounded from the flags, over [t0, t1]. */
    private static BigDecimal compounded(List<Step> steps, long t0, long t1) {
        DevchainParameters parameters = devchain.parameters();
        long firstMidnight = Math.floorDiv(devchain.rocketPoolReports().get(1).slotTimestamp(), DAY) * DAY;
        BigDecimal apr = devchain.aprPercent("rocketpool");
        BigDecimal product = BigDecimal.ONE;
        for (Step step : steps) {
            boolean negative = Math.floorDiv(step.end() - firstMidnight, DAY) == parameters.negativeRebaseDay();
            BigDecimal g = negative
                    ? BigDecimal.valueOf(parameters.negativeRebaseBps()).movePointLeft(4).negate()
                    : apr.movePointLeft(2).multiply(BigDecimal.valueOf(step.elapsed())).divide(YEAR, MC);
            product = product.multiply(BigDecimal.ONE.add(g), MC);
        }
        return product.subtract(BigDecimal.ONE).multiply(YEAR).divide(BigDecimal.valueOf(t1 - t0), MC).movePointRight(2);
    }

    private static void assertWindowSpansTheUpgrade(JsonNode w, String label) {
        assertTrue(w.get("reason").isNull(), label + ": " + w.get("reason"));
        long t0 = seconds(w, "startTime");
        long t1 = seconds(w, "endTime");
        List<Step> steps = stepsWithin(t0, t1);
        long before = steps.stream().filter(s -> s.emitter().equals(SimulatedRocketPool.NETWORK_BALANCES)).count();
        long after = steps.stream().filter(s -> s.emitter().equals(SimulatedRocketPool.NETWORK_BALANCES_UPGRADED))
                .count();
        assertTrue(before > 0 && after > 0, label + ": the window holds reports of both contracts (" + before
                + " before the upgrade, " + after + " after)");
        assertEquals(before + after, w.get("reports").asInt(),
                label + ": every report of both RocketNetworkBalances in the window is counted");
        BigDecimal expected = compounded(steps, t0, t1);
        BigDecimal actual = new BigDecimal(w.get("apr").asText()).movePointRight(2);
        assertTrue(actual.subtract(expected).abs().compareTo(TOLERANCE_PP) <= 0,
                label + ": APR " + actual + "% but the flags give " + expected.round(new MathContext(8)) + "%");
    }

    @Test
    void theDevchainMovedTheReportsToTheNewContractOnTheUpgradeDay() {
        List<Devchain.RocketPoolReport> reports = devchain.rocketPoolReports();
        long firstMidnight = Math.floorDiv(reports.get(1).slotTimestamp(), DAY) * DAY;
        long upgrade = firstMidnight + UPGRADE_DAY * DAY + 30 * 60;
        for (Devchain.RocketPoolReport report : reports) {
            String expected = report.slotTimestamp() < upgrade
                    ? SimulatedRocketPool.NETWORK_BALANCES : SimulatedRocketPool.NETWORK_BALANCES_UPGRADED;
            assertEquals(expected, report.emitter(), "report at " + Instant.ofEpochSecond(report.slotTimestamp()));
        }
    }

    @Test
    void theThirtyDayWindowRunsAcrossTheUpgrade() {
        assertWindowSpansTheUpgrade(window("30d"), "30d");
    }

    @Test
    void theSevenDayWindowRunsAcrossTheUpgrade() {
        assertWindowSpansTheUpgrade(window("7d"), "7d");
    }

    @Test
    void sinceStartCountsEveryReportOfBothContracts() {
        JsonNode w = window("since-start");
        assertEquals(devchain.rocketPoolReports().size() - 1, w.get("reports").asInt(),
                "every BalancesUpdated of both contracts is a rate point (the first one starts the first step)");
        assertWindowSpansTheUpgrade(w, "since-start");
    }
}
