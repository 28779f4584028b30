package io.lsttracker.cli;

import io.lsttracker.rewards.RewardWindow;
import io.lsttracker.rewards.RateMethod;
import io.lsttracker.rewards.RewardService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The readable form of reward rates: per pool and window, APR and APY in percent rounded half-even to
 * 4 decimals (display only; `--format json` keeps 18 decimals), the window's real bounds and its method,
 * then how each method computes its figures.
 */
final class RewardsTable {
    private static final String[] HEADERS = {"POOL", "WINDOW", "APR %", "APY %", "FROM", "TO", "BLOCKS", "REPORTS"};

    private RewardsTable() {
    }

    static String render(List<RewardService.PoolRewards> rewards) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADERS);
        Map<String, List<String>> notes = new LinkedHashMap<>();
        Set<RateMethod> methods = new LinkedHashSet<>();
        for (RewardService.PoolRewards pool : rewards) {
            methods.add(pool.method());
            for (RewardWindow w : pool.windows()) {
                if (w.hasRate()) {
                    rows.add(new String[] {pool.pool().id().value(), w.window().label(), percent(w.apr()),
                            percent(w.apy()), String.valueOf(w.startTime()), String.valueOf(w.endTime()),
                            (w.startBlock() == null ? "?" : w.startBlock()) + ".." + w.endBlock(),
                            w.reports() == null ? "-" : w.reports().toString()});
                } else {
                    rows.add(new String[] {pool.pool().id().value(), w.window().label(), "-", "-", "-", "-", "-", "-"});
                    notes.computeIfAbsent(w.reason(), r -> new ArrayList<>())
                            .add(pool.pool().id() + " " + w.window().label());
                }
            }
        }
        StringBuilder out = new StringBuilder(System.lineSeparator()).append("REWARD RATES (")
                .append(RateMethod.FORMULA).append(')').append(System.lineSeparator());
        out.append(TextTable.render(rows, Set.of(2, 3)));
        for (RateMethod method : methods) {
            out.append("method ").append(method.id()).append(": ").append(method.description())
                    .append(System.lineSeparator());
        }
        notes.forEach((reason, where) -> out.append("no rate (").append(String.join(", ", where)).append("): ")
                .append(reason).append(System.lineSeparator()));
        return out.toString();
    }

    private static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(4, RoundingMode.HALF_EVEN).toPlainString();
    }
}
