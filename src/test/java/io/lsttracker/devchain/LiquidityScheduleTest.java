package io.lsttracker.devchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The liquidity episodes' times, by hand, and the flag that ends the second depeg live. */
class LiquidityScheduleTest {
    private static final long HEAD = 1_800_000_000L;
    private static final long DAY = 86_400;

    @Test
    void aHistoryOfSixtyOneDaysOrMoreHoldsTheNominalTimes() {
        LiquiditySchedule schedule = new LiquiditySchedule(HEAD, 90, 5);
        assertEquals(HEAD - 40 * DAY, schedule.depegStart());
        assertEquals(HEAD - 37 * DAY, schedule.depegDeepest());
        assertEquals(HEAD - 33 * DAY, schedule.depegRecovered());
        assertEquals(HEAD - 2 * DAY, schedule.liveDepegStart());
        assertEquals(HEAD - 2 * DAY + 6 * 3600, schedule.liveDepegDeepest());
        assertEquals(HEAD - 60 * DAY, schedule.queueGrowthStart());
        assertEquals(HEAD - 30 * DAY, schedule.queueDrainStart());
        assertEquals(HEAD - 10 * DAY, schedule.queueDrained());
    }

    @Test
    void aShorterHistoryCompressesThemByItsWholeDays() {
        // 12 days, 11 whole: 40 days x 11 / 60 = 7 d 8 h = 633,600 s; 2 days x 11 / 60 = 8 h 48 min = 31,680 s
        LiquiditySchedule schedule = new LiquiditySchedule(HEAD, 12, 0);
        assertEquals(HEAD - 633_600, schedule.depegStart());
        assertEquals(HEAD - 31_680, schedule.liveDepegStart());
        // 60 days x 11 / 60 = 11 days: after the history's first midnight, at most 12 days and an hour before the head
        assertEquals(HEAD - 11 * DAY, schedule.queueGrowthStart());
    }

    @Test
    void theDepegStepsFallToTheDeepestAndBackAndTheSecondEndsBeforeTheHeadWithoutALiveEnd() {
        // 61 days: a step every 6 hours; 3 days down (12 steps: 0, 25, ..., 275), the deepest, 4 days up (16 steps
        // from 300, then 300 - 300 x 6 h / 4 d = 300 - 18.75, whose 18.75 Java truncates to 18: 282, ...), the recovery at 0; then the second depeg's 6 hours in 6 steps of an hour (0, 33, 66,
        // 100, 133, 166), 200 at its deepest, and with 0 live minutes its end 10 minutes before the head
        List<LiquiditySchedule.DepegStep> steps = new LiquiditySchedule(HEAD, 61, 0).depegSteps();
        assertEquals(12 + 16 + 1 + 6 + 1 + 1, steps.size());
        assertEquals(new LiquiditySchedule.DepegStep(HEAD - 40 * DAY, 0), steps.get(0));
        assertEquals(new LiquiditySchedule.DepegStep(HEAD - 40 * DAY + 6 * 3600, 25), steps.get(1));
        assertEquals(new LiquiditySchedule.DepegStep(HEAD - 37 * DAY, 300), steps.get(12));
        assertEquals(new LiquiditySchedule.DepegStep(HEAD - 37 * DAY + 6 * 3600, 282), steps.get(13));
        assertEquals(new LiquiditySchedule.DepegStep(HEAD - 33 * DAY, 0), steps.get(28));
        assertEquals(new LiquiditySchedule.DepegStep(HEAD - 2 * DAY + 3 * 3600, 100), steps.get(32));
        assertEquals(new LiquiditySchedule.DepegStep(HEAD - 2 * DAY + 6 * 3600, 200), steps.get(35));
        assertEquals(new LiquiditySchedule.DepegStep(HEAD - 600, 0), steps.get(36));
        for (int i = 1; i < steps.size(); i++) {
            assertTrue(steps.get(i).at() > steps.get(i - 1).at(), "in time order");
        }
        // with live minutes the second depeg is still open at the head: its last step is the deepest
        List<LiquiditySchedule.DepegStep> live = new LiquiditySchedule(HEAD, 61, 5).depegSteps();
        assertEquals(200, live.get(live.size() - 1).discountBps());
        // a history without a whole day holds no episode
        assertEquals(List.of(), new LiquiditySchedule(HEAD, 1, 0).depegSteps());
    }

    @Test
    void theLiveMinutesFlagIsBounded() {
        DevchainParameters defaults = DevchainParameters.defaults(12);
        assertEquals(0, defaults.depegLiveMinutes());
        assertEquals(5, defaults.withDepegLiveMinutes(5).depegLiveMinutes());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> defaults.withDepegLiveMinutes(-1));
        assertEquals("--depeg-live-minutes must be between 0 and 1440, got -1", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> defaults.withDepegLiveMinutes(1441));
    }
}
