package io.lsttracker.rewards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Lido's SDK 7-day APR ({@link LidoSdkWindow}) against the tracker's own 7d window on the same reports, in the
 * case where they differ: a report that covers two days (a missed day) and a negative day inside the window.
 *
 * <p>Eleven reports k = 0..10 over 1,000,000 shares; blocks advance 7,200 a day (12 s slots, none missed).
 * Days 0..6 have a report each; day 7 is missed, so report 7 comes on day 8 with timeElapsed 2 days; reports
 * 8, 9, 10 on days 9, 10, 11. Pooled ether starts at 1,100,000 ETH and gains 100 ETH a day (200 for the
 * two-day report) except report 9, which loses 300 ETH. Ether after each report, in ETH:
 * 1,100,100 / 200 / 300 / 400 / 500 / 600 / 700 / 900 / 1,101,000 / 1,100,700 / 1,100,800.
 *
 * <p>SDK: the last report is at block 20,000,000 + 11 x 7,200 = 20,079,200; its first search range is
 * [20,079,200 - 7 x 7,600, + 7,600] = [20,026,000, 20,033,600], which holds report 4 (day 4, block
 * 20,028,800). Its window runs from report 4's pre-rate 1.1004 (start: day 3) to report 10's post-rate
 * 1.1008 (end: day 11), 8 days, 7 reports: APR = 0.0004 / 1.1004 x 365 / 8 = 0.016584878226099600.
 * <p>Tracker's 7d: the reports ending after day 11 - 7 = day 4, i.e. reports 5..10 (6 reports), from
 * report 5's pre-rate 1.1005 (day 4) to 1.1008: APR = 0.0003 / 1.1005 x 365 / 7 = 0.014214318167066918.
 * (Both rounded half-even at 18 decimals; checked with Python's decimal module at 60 digits.)
 */
class LidoSdkWindowTest {
    private static final long DAY = 86_400;
    private static final long T = 1_763_726_400L; // 2025-11-21T12:00:00Z
    private static final BigInteger SHARES = eth(1_000_000);

    private static BigInteger eth(long amount) {
        return BigInteger.valueOf(amount).multiply(BigInteger.TEN.pow(18));
    }

    /** The eleven reports described above. */
    static List<TokenRebased> reports(long firstBlock, long blocksPerDay) {
        long[] day = {0, 1, 2, 3, 4, 5, 6, 8, 9, 10, 11};
        long[] gain = {100, 100, 100, 100, 100, 100, 100, 200, 100, -300, 100};
        List<TokenRebased> reports = new ArrayList<>();
        long ether = 1_100_000;
        for (int k = 0; k < day.length; k++) {
            long elapsed = k == 0 ? DAY : (day[k] - day[k - 1]) * DAY;
            long after = ether + gain[k];
            reports.add(new TokenRebased(firstBlock + blocksPerDay * day[k], T + day[k] * DAY, elapsed, SHARES, eth(ether),
                    SHARES, eth(after), BigInteger.ZERO));
            ether = after;
        }
        return reports;
    }

    private static RewardWindow window(List<RewardWindow> windows, Window which) {
        return windows.stream().filter(w -> w.window() == which).findFirst().orElseThrow();
    }

    @Test
    void takesTheFirstReportOfTheFirstNonEmptyBlockRangeAsLidosSdkDoes() {
        List<RewardWindow> windows = RewardWindows.of(TokenRebased.steps(reports(20_000_000, 7_200)),
                RateMethod.LIDO_TOKEN_REBASED.id());
        RewardWindow sdk = window(windows, Window.LIDO_SDK_7D);
        assertEquals(7, sdk.reports());
        assertEquals(20_079_200L, sdk.endBlock());
        assertEquals(T + 3 * DAY, sdk.startTime().getEpochSecond());
        assertEquals(T + 11 * DAY, sdk.endTime().getEpochSecond());
        assertEquals(0, new BigDecimal("1.1004").compareTo(sdk.startRate()));
        assertEquals(0, new BigDecimal("1.1008").compareTo(sdk.endRate()));
        assertEquals(new BigDecimal("0.016584878226099600"), sdk.apr());

        RewardWindow tracker = window(windows, Window.DAYS_7);
        assertEquals(6, tracker.reports());
        assertEquals(new BigDecimal("0.014214318167066918"), tracker.apr());
    }

    @Test
    void theSdksOwnIntegerFormulaPrintsTheExactFigureRoundedTowardZeroToAMillionthOfTheRate() {
        // The SDK (4.9.0, pinned in package.json): userAPR = 31536000 * (post - pre) * 1e6 / pre / timeElapsed on
        // the 1e27 share rates, in integer (BigInt) arithmetic, printed as userAPR * 100 / 1e6 percent. Here
        // 1.65848...% prints as 1.6584.
        List<TokenRebased> reports = reports(20_000_000, 7_200);
        TokenRebased first = reports.get(4);
        TokenRebased last = reports.get(10);
        BigInteger e27 = BigInteger.TEN.pow(27);
        BigInteger pre = first.preTotalEther().multiply(e27).divide(first.preTotalShares());
        BigInteger post = last.postTotalEther().multiply(e27).divide(last.postTotalShares());
        long timeElapsed = first.timeElapsed() + (last.reportTimestamp() - first.reportTimestamp());
        BigInteger perMillion = BigInteger.valueOf(31_536_000)
                .multiply(post.subtract(pre).multiply(BigInteger.valueOf(1_000_000)))
                .divide(pre).divide(BigInteger.valueOf(timeElapsed));
        RewardWindow sdk = window(RewardWindows.of(TokenRebased.steps(reports), RateMethod.LIDO_TOKEN_REBASED.id()),
                Window.LIDO_SDK_7D);
        assertEquals(BigInteger.valueOf(16_584), perMillion);
        assertEquals(perMillion, sdk.apr().movePointRight(6).setScale(0, java.math.RoundingMode.DOWN).toBigIntegerExact());
    }

    @Test
    void onAChainYoungerThanTheSearchTakesTheEarliestReportOnceTheReadingCoversTheSearch() {
        // Six blocks a day from block 23,000,000 (the devchain with a mainnet-like genesis block): the last report
        // is at block 23,000,066 and the search starts at 22,946,866, before the chain's first report; all eleven
        // reports lie in the last range [22,992,466, 23,000,066], so the SDK takes report 0. The window is then
        // report 0's pre-rate 1.1 (day -1) to report 10's post-rate 1.1008 (day 11), 12 days:
        // APR = 0.0008 / 1.1 x 365 / 12 = 0.022121212121212121 (half-even at 18 decimals).
        List<RateStep> steps = TokenRebased.steps(reports(23_000_000, 6));
        RewardWindow read = window(RewardWindows.of(steps, RateMethod.LIDO_TOKEN_REBASED.id(),
                java.util.OptionalLong.of(22_750_066)), Window.LIDO_SDK_7D);
        assertEquals(11, read.reports());
        assertEquals(T - DAY, read.startTime().getEpochSecond());
        assertEquals(new BigDecimal("0.022121212121212121"), read.apr());
        assertEquals(read.apr(), window(RewardWindows.of(steps, RateMethod.LIDO_TOKEN_REBASED.id(),
                java.util.OptionalLong.of(22_946_866)), Window.LIDO_SDK_7D).apr(), "a reading from the search's start");

        // A reading that began one block after the search's start could have missed a report before it.
        RewardWindow late = window(RewardWindows.of(steps, RateMethod.LIDO_TOKEN_REBASED.id(),
                java.util.OptionalLong.of(22_946_867)), Window.LIDO_SDK_7D);
        assertNull(late.apr());
        assertTrue(late.reason().startsWith("not enough history: the reports are known from block 22946867"),
                late.reason());
        // Not knowing where the reading began, only the reports themselves count: the first is after the start.
        assertNull(window(RewardWindows.of(steps, RateMethod.LIDO_TOKEN_REBASED.id()), Window.LIDO_SDK_7D).apr());
    }

    @Test
    void refusesWhereTheSdkRefusesAndWhereTheStoredHistoryIsShorterThanItsSearch() {
        // The devchain's default history (a block every 4 hours, 6 a day) puts block 0 less than 53,200 blocks
        // (7 x 7,600) before the last report.
        RewardWindow early = window(RewardWindows.of(TokenRebased.steps(reports(0, 6)), RateMethod.LIDO_TOKEN_REBASED.id()),
                Window.LIDO_SDK_7D);
        assertNull(early.apr());
        assertTrue(early.reason().contains("before the chain's first block"), early.reason());

        // Only reports 5..10 stored: report 5 (block 20,036,000) is after the search's start, 20,026,000.
        List<TokenRebased> partial = reports(20_000_000, 7_200).subList(5, 11);
        RewardWindow shortHistory = window(RewardWindows.of(TokenRebased.steps(partial),
                RateMethod.LIDO_TOKEN_REBASED.id()), Window.LIDO_SDK_7D);
        assertNull(shortHistory.apr());
        assertTrue(shortHistory.reason().startsWith("not enough history"), shortHistory.reason());
    }

    @Test
    void onlyLidoPoolsGetTheSdkWindow() {
        assertTrue(Window.of(RateMethod.LIDO_TOKEN_REBASED.id()).contains(Window.LIDO_SDK_7D));
        assertTrue(!Window.of(RateMethod.ROCKETPOOL_BALANCES_UPDATED.id()).contains(Window.LIDO_SDK_7D));
        assertTrue(!Window.of(RateMethod.SNAPSHOT_RATE_STEPS.id()).contains(Window.LIDO_SDK_7D));
    }
}
