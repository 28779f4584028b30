package io.lsttracker.rewards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.chain.EventLog;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reward rates against cases computed by hand. Every expected APY was computed outside this code as
 * exp(n * ln(r1/r0)) - 1 with 60-digit decimal arithmetic (Python's decimal module) and rounded half-even
 * to 18 decimals; every expected APR is worked out in the comment next to it.
 */
class RewardRatesTest {
    private static final BigInteger E18 = BigInteger.TEN.pow(18);
    private static final long DAY = 86_400;
    private static final long T = 1_763_726_400L; // 2025-11-21T12:00:00Z, a Lido report time

    private static BigInteger eth(String amount) {
        return new BigDecimal(amount).movePointRight(18).toBigIntegerExact();
    }

    /** A TokenRebased log as eth_getLogs returns it: topic0, the indexed reportTimestamp, six data words. */
    private static EventLog tokenRebasedLog(long block, long reportTimestamp, long timeElapsed, BigInteger preShares,
            BigInteger preEther, BigInteger postShares, BigInteger postEther, BigInteger fees) {
        StringBuilder data = new StringBuilder("0x");
        for (BigInteger word : List.of(BigInteger.valueOf(timeElapsed), preShares, preEther, postShares, postEther, fees)) {
            data.append(String.format("%064x", word));
        }
        return new EventLog("0xae7ab96520de3a18e5e111b5eaab095312d7fe84", block,
                "0x" + "ab".repeat(32), 7, List.of(RewardEvent.TOKEN_REBASED.topic0(),
                        String.format("0x%064x", reportTimestamp)), data.toString());
    }

    private static RewardWindow lastReport(List<RateStep> steps) {
        return RewardWindows.of(steps, "test").get(0);
    }

    @Test
    void aRealShapedTokenRebasedReportGivesLidosOwnApr() {
        // 9.6M ETH over 8.0M shares before (preRate = 9,600,000e18 * 1e27 / 8,000,000e18 = 1.2e27); the report
        // adds rewards and mints 100 shares as fees: 9,601,080.012 ETH over 8,000,100 shares, postRate =
        // 9,601,080.012 / 8,000,100 = 1.20012 (8,000,100 x 1.20012 = 9,600,120 + 960.012). Over one day:
        // APR = (1.20012 - 1.2) / 1.2 x 31,536,000 / 86,400 = 0.0001 x 365 = 0.0365; APY = 1.0001^365 - 1.
        EventLog log = tokenRebasedLog(21_000_000, T, DAY, eth("8000000"), eth("9600000"), eth("8000100"),
                eth("9601080.012"), eth("100"));
        TokenRebased report = RewardEvent.tokenRebased(log);
        assertEquals(T, report.reportTimestamp());
        assertEquals(new BigDecimal("1.200000000000000000000000000"), report.preRate());
        assertEquals(new BigDecimal("1.200120000000000000000000000"), report.postRate());
        RewardWindow window = lastReport(TokenRebased.steps(List.of(report)));
        assertEquals(new BigDecimal("0.036500000000000000"), window.apr());
        assertEquals(new BigDecimal("0.037172411302551930"), window.apy());
        assertEquals(Instant.ofEpochSecond(T - DAY), window.startTime());
        assertEquals(Instant.ofEpochSecond(T), window.endTime());
        assertEquals(21_000_000L, window.endBlock());
        assertNull(window.startBlock(), "the previous report is not known, so neither is the start block");
    }

    @Test
    void aThreeDayReportIsAnnualisedOverItsRealLength() {
        // Two missed days: timeElapsed = 259,200. 9,600,000 -> 9,602,880 ETH over 8,000,000 shares: the rate
        // goes 1.2 -> 1.20036, +0.0003 relative. APR = 0.0003 x 31,536,000 / 259,200 = 0.0003 x 365 / 3
        // = 0.0365 (not 0.1095, which annualising over one day would give); APY = 1.0003^(365/3) - 1.
        TokenRebased report = RewardEvent.tokenRebased(tokenRebasedLog(21_000_000, T, 3 * DAY, eth("8000000"),
                eth("9600000"), eth("8000000"), eth("9602880"), BigInteger.ZERO));
        RewardWindow window = lastReport(TokenRebased.steps(List.of(report)));
        assertEquals(new BigDecimal("0.036500000000000000"), window.apr());
        assertEquals(new BigDecimal("0.037168626639424320"), window.apy());
        assertEquals(Instant.ofEpochSecond(T - 3 * DAY), window.startTime());
    }

    @Test
    void aNegativeRebaseGivesANegativeRateNeverClamped() {
        // A slashing day: 9,600,000 -> 9,599,040 ETH over 8,000,000 shares, rate 1.2 -> 1.19988, -0.0001.
        // APR = -0.0001 x 365 = -0.0365; APY = 0.9999^365 - 1 = -0.035843665807906230.
        TokenRebased report = RewardEvent.tokenRebased(tokenRebasedLog(21_000_000, T, DAY, eth("8000000"),
                eth("9600000"), eth("8000000"), eth("9599040"), BigInteger.ZERO));
        RewardWindow window = lastReport(TokenRebased.steps(List.of(report)));
        assertEquals(new BigDecimal("-0.036500000000000000"), window.apr());
        assertEquals(new BigDecimal("-0.035843665807906230"), window.apy());
    }

    @Test
    void aZeroSupplyGivesNoRateAndSaysWhy() {
        // The very first report of a pool with no shares before it: preRate would divide by zero shares.
        TokenRebased report = RewardEvent.tokenRebased(tokenRebasedLog(1, T, DAY, BigInteger.ZERO, BigInteger.ZERO,
                eth("32"), eth("32"), BigInteger.ZERO));
        RewardWindow window = lastReport(TokenRebased.steps(List.of(report)));
        assertNull(window.apr());
        assertNull(window.apy());
        assertTrue(window.reason().contains("zero supply"), window.reason());
    }

    @Test
    void theRateChangeIsDividedByTheStartingRateNotBy1e18() {
        // Rocket Pool reports 500,000 ETH over 400,000 rETH (rate 1.25), then a day later 500,050 ETH over the
        // same supply (1.250125). Correct: 0.000125 / 1.25 x 365 = 0.0001 x 365 = 0.0365. The bug class of
        // peers divides the change by 1e18 (i.e. by 1): 0.000125 x 365 = 0.045625, overstated by r0 = 1.25x.
        List<BalancesUpdated> reports = List.of(
                new BalancesUpdated(100, 99, T - DAY, eth("500000"), eth("480000"), eth("400000"), T - DAY + 720),
                new BalancesUpdated(107, 106, T, eth("500050"), eth("480000"), eth("400000"), T + 720));
        RewardWindow window = lastReport(BalancesUpdated.steps(reports));
        assertEquals(new BigDecimal("0.036500000000000000"), window.apr());
        assertNotEquals(0, window.apr().compareTo(new BigDecimal("0.045625")));
        assertEquals(new BigDecimal("1.250000000000000000"), window.startRate());
        assertEquals(new BigDecimal("1.250125000000000000"), window.endRate());
        assertEquals(100L, window.startBlock());
        assertEquals(107L, window.endBlock());
    }

    @Test
    void aFirstSnapshotWithNoHistoryGivesNoRateInAnyWindow() {
        List<SnapshotSteps.Reading> one = List.of(new SnapshotSteps.Reading(10, Instant.ofEpochSecond(T), eth("1.1")));
        for (RewardWindow window : RewardWindows.of(SnapshotSteps.steps(one), "snapshot-rate-steps")) {
            assertNull(window.apr(), window.window().label());
            assertTrue(window.reason().startsWith("no report yet"), window.reason());
        }
    }

    @Test
    void snapshotStepsStartAtTheFirstChangeNotAtTheFirstSnapshot() {
        // Tracking starts at 06:00 with rate 1.1; reports at 12:00 (1.1 -> 1.10011) and 12:00 the next day
        // (-> 1.100220011). Counting from 06:00 would annualise a day's rewards over 6 hours. From the first
        // change: 0.000110011 / 1.10011 x 365 = 0.0001 x 365 = 0.0365 (1.10011 x 1.0001 = 1.10011 + 0.000110011).
        List<SnapshotSteps.Reading> readings = List.of(
                new SnapshotSteps.Reading(1, Instant.ofEpochSecond(T - DAY - 6 * 3600), eth("1.1")),
                new SnapshotSteps.Reading(2, Instant.ofEpochSecond(T - DAY - 3600), eth("1.1")),
                new SnapshotSteps.Reading(3, Instant.ofEpochSecond(T - DAY), eth("1.10011")),
                new SnapshotSteps.Reading(4, Instant.ofEpochSecond(T - 3600), eth("1.10011")),
                new SnapshotSteps.Reading(5, Instant.ofEpochSecond(T), eth("1.100220011")));
        List<RateStep> steps = SnapshotSteps.steps(readings);
        assertEquals(1, steps.size());
        RewardWindow window = lastReport(steps);
        assertEquals(new BigDecimal("0.036500000000000000"), window.apr());
        assertEquals(3L, window.startBlock());
        assertEquals(5L, window.endBlock());
    }

    @Test
    void roundingWobblesAndUndoneTransientStatesAreNotReports() {
        // mETH-like: the rate is a quotient of totals, so a deposit moves it by a wei (block 2), and totals
        // written in two transactions show a transient rate for one block (block 4, undone at block 5). The
        // reports are at blocks 3 (1.1 -> 1.10011) and 6 (-> 1.100220011): one step, APR 0.0365 as above.
        List<SnapshotSteps.Reading> readings = List.of(
                new SnapshotSteps.Reading(1, Instant.ofEpochSecond(T - 2 * DAY), eth("1.1")),
                new SnapshotSteps.Reading(2, Instant.ofEpochSecond(T - 2 * DAY + 60), eth("1.1").add(BigInteger.ONE)),
                new SnapshotSteps.Reading(3, Instant.ofEpochSecond(T - DAY), eth("1.10011")),
                new SnapshotSteps.Reading(4, Instant.ofEpochSecond(T - 3600), eth("1.10031")),
                new SnapshotSteps.Reading(5, Instant.ofEpochSecond(T - 3588), eth("1.10011").subtract(BigInteger.TWO)),
                new SnapshotSteps.Reading(6, Instant.ofEpochSecond(T), eth("1.100220011")));
        List<RateStep> steps = SnapshotSteps.steps(readings);
        assertEquals(1, steps.size());
        assertEquals(3L, steps.get(0).startBlock());
        assertEquals(new BigDecimal("0.036500000000000000"), lastReport(steps).apr());
    }

    /** Ten daily steps, rate 1.0001^i at day i (exact decimals), reports at T - 9 days .. T. */
    private static List<RateStep> tenDailySteps() {
        List<RateStep> steps = new ArrayList<>();
        BigDecimal growth = new BigDecimal("1.0001");
        for (int i = 1; i <= 10; i++) {
            steps.add(new RateStep((long) i - 1, Instant.ofEpochSecond(T - (10 - i + 1) * DAY), growth.pow(i - 1), i,
                    Instant.ofEpochSecond(T - (10 - i) * DAY), growth.pow(i)));
        }
        return steps;
    }

    @Test
    void multiDayWindowsRunFromTheFirstToTheLastReportInTheWindow() {
        List<RewardWindow> windows = RewardWindows.of(tenDailySteps(), "test");
        RewardWindow week = windows.get(Window.DAYS_7.ordinal());
        // The 7 reports ending after T - 7 d: from 1.0001^3 (start of the 4th step, at T - 7 d) to 1.0001^10.
        // APR = (1.0001^7 - 1) x 365 / 7 = 0.00070021003500350021... x 365 / 7 = 0.036510951825182510950...
        // which rounds half-even to 0.036510951825182511.
        assertEquals(7, week.reports());
        assertEquals(Instant.ofEpochSecond(T - 7 * DAY), week.startTime());
        assertEquals(Instant.ofEpochSecond(T), week.endTime());
        assertEquals(new BigDecimal("0.036510951825182511"), week.apr());
        RewardWindow day = windows.get(Window.DAY_1.ordinal());
        assertEquals(1, day.reports());
        assertEquals(new BigDecimal("0.036500000000000000"), day.apr());
        RewardWindow month = windows.get(Window.DAYS_30.ordinal());
        assertNull(month.apr());
        assertTrue(month.reason().startsWith("not enough history"), month.reason());
        RewardWindow all = windows.get(Window.SINCE_START.ordinal());
        assertEquals(10, all.reports());
        assertEquals(Instant.ofEpochSecond(T - 10 * DAY), all.startTime());
    }

    @Test
    void aOneDayWindowWhoseLastReportCoversTwoDaysSaysSo() {
        // The last report came after a missed day: the 1-day window is that one report, two days long.
        List<RateStep> steps = new ArrayList<>(tenDailySteps().subList(0, 8));
        BigDecimal before = steps.get(7).endRate();
        steps.add(new RateStep(8L, Instant.ofEpochSecond(T - 2 * DAY), before, 10, Instant.ofEpochSecond(T),
                before.multiply(new BigDecimal("1.0002"))));
        RewardWindow day = RewardWindows.of(steps, "test").get(Window.DAY_1.ordinal());
        assertEquals(Instant.ofEpochSecond(T - 2 * DAY), day.startTime());
        // 0.0002 over two days: 0.0002 x 365 / 2 = 0.0365
        assertEquals(new BigDecimal("0.036500000000000000"), day.apr());
    }

    @Test
    void annualisingRefusesAnEmptyWindowAndANonPositiveStart() {
        assertThrows(IllegalArgumentException.class, () -> Annualised.apr(BigDecimal.ONE, BigDecimal.TEN, 0));
        assertThrows(IllegalArgumentException.class, () -> Annualised.apy(BigDecimal.ZERO, BigDecimal.TEN, 10));
        // A total loss: APY is exactly -1.
        assertEquals(new BigDecimal("-1.000000000000000000"), Annualised.apy(BigDecimal.ONE, BigDecimal.ZERO, DAY));
    }

    @Test
    void aMalformedLogIsRefusedWithWhatWasWrong() {
        EventLog good = tokenRebasedLog(5, T, DAY, eth("1"), eth("1"), eth("1"), eth("1"), BigInteger.ZERO);
        EventLog shortData = new EventLog(good.address(), 5, good.blockHash(), 7, good.topics(),
                good.data().substring(0, good.data().length() - 64));
        Exception e = assertThrows(RuntimeException.class, () -> RewardEvent.tokenRebased(shortData));
        assertTrue(e.getMessage().contains("has 5 data words, expected 6"), e.getMessage());
        EventLog otherEvent = new EventLog(good.address(), 5, good.blockHash(), 7,
                List.of(RewardEvent.BALANCES_UPDATED.topic0(), good.topics().get(1)), good.data());
        e = assertThrows(RuntimeException.class, () -> RewardEvent.tokenRebased(otherEvent));
        assertTrue(e.getMessage().contains("is not TokenRebased"), e.getMessage());
    }
}
