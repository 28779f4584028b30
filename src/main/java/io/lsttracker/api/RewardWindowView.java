package io.lsttracker.api;

import io.lsttracker.rewards.RewardWindow;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One reward window as JSON. {@code apr} and {@code apy} are signed fractions with 18 decimals (0.028 is
 * 2.8%); {@code aprPercent} and {@code apyPercent} are the same figures in percent rounded HALF_EVEN to 4
 * decimals, for display. A window without enough data has null figures and a {@code reason}. Rates are the
 * exact ETH per token (Lido: per share, 27 decimals as Lido computes them) at the window's ends.
 */
public record RewardWindowView(String window, String method, Long startBlock, String startTime, Long endBlock,
        String endTime, Integer reports, String startRate, String endRate, String apr, String aprPercent, String apy,
        String apyPercent, String reason) {

    static RewardWindowView of(RewardWindow w) {
        return new RewardWindowView(w.window().label(), w.method(), w.startBlock(), text(w.startTime()), w.endBlock(),
                text(w.endTime()), w.reports(), plain(w.startRate()), plain(w.endRate()), plain(w.apr()),
                percent(w.apr()), plain(w.apy()), percent(w.apy()), w.reason());
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    static String percent(BigDecimal fraction) {
        return fraction == null ? null : fraction.movePointRight(2).setScale(4, RoundingMode.HALF_EVEN).toPlainString();
    }
}
