package io.lsttracker.rewards;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * Lido's 7-day APR as Lido's own SDK computes it ({@code @lidofinance/lido-ethereum-sdk},
 * {@code statistics.apr.getSmaApr({ days: 7 })}), so a user can put the two side by side. The rate formula is
 * the same as the tracker's windows (share rate before the first report to share rate after the last, over
 * the first report's start to the last report's end); what differs is which report comes first:
 * <ul>
 * <li>the last report is the last TokenRebased event;</li>
 * <li>the first is the earliest event of the first non-empty block range among seven one-day ranges
 * of {@value #BLOCKS_PER_DAY} blocks (the SDK's BLOCKS_BY_DAY), searched oldest first:
 * [last - (8 - d) x 7,600, last - (7 - d) x 7,600] for d = 1..7 (the SDK's {@code days + 1 - day} with
 * days = 7), both ends included as eth_getLogs does; the last range ends at the last report itself.</li>
 * </ul>
 * A day of mainnet blocks is about 7,150-7,200, fewer than 7,600, so the first range reaches a little more
 * than 7 days back: with daily reports it holds the report of 7 days before the last, and this window spans
 * one report more than the tracker's {@code 7d} (whose reports end strictly within 7 days of the last one). When the
 * search reaches before block 0 the SDK refuses ("Days range precedes first block"), and so does this
 * window; so does a stored history whose reading began after the search's start (an earlier report could lie
 * before what was read). A reading that began before the search's start and found the first report later is
 * complete: on a chain younger than the search (the devchain with a mainnet-like genesis block) the SDK then takes
 * the earliest report of the first range that holds one, and so does this window. The SDK (4.9.0) prints the result
 * in percent, its exact quotient rounded toward zero to 4 decimals (integer arithmetic on the rate in millionths);
 * this window gives the quotient at {@link Annualised#SCALE} decimals, rounded half-even. LidoSdkOnDevchainTest runs
 * the SDK itself against the devchain and compares.
 * docs/REWARDS.md has a worked example.
 */
final class LidoSdkWindow {
    /** The SDK's BLOCKS_BY_DAY: its idea of a day of mainnet blocks (12 s slots, with some missed). */
    static final long BLOCKS_PER_DAY = 7_600;
    /** The SDK's DAYS_LIMIT: how many one-day ranges it searches for the first report. */
    static final int RANGES = 7;
    static final int DAYS = 7;

    private LidoSdkWindow() {
    }

    /**
     * {@code sorted}: the pool's report steps, oldest first, each ending at its report's block; {@code indexedFrom}:
     * the block from which the reports were read (empty: the first report's block, all that is then known).
     */
    static RewardWindow of(List<RateStep> sorted, String method, OptionalLong indexedFrom) {
        Window window = Window.LIDO_SDK_7D;
        if (sorted.isEmpty()) {
            return RewardWindow.missing(window, method, "no TokenRebased report yet");
        }
        RateStep last = sorted.get(sorted.size() - 1);
        long searchStart = last.endBlock() - DAYS * BLOCKS_PER_DAY;
        if (searchStart < 0) {
            return RewardWindow.missing(window, method, "Lido's SDK searches for the first report from block "
                    + searchStart + " (" + DAYS + " x " + BLOCKS_PER_DAY + " blocks before the last report at block "
                    + last.endBlock() + "), before the chain's first block, and refuses; so does this window");
        }
        long knownFrom = indexedFrom.orElse(sorted.get(0).endBlock());
        if (knownFrom > searchStart) {
            return RewardWindow.missing(window, method, "not enough history: the reports are known from block "
                    + knownFrom + " on, after block " + searchStart
                    + " where Lido's SDK starts searching for the first report");
        }
        for (int d = 1; d <= RANGES; d++) {
            long from = last.endBlock() - (DAYS + 1 - d) * BLOCKS_PER_DAY;
            long to = from + BLOCKS_PER_DAY;
            for (int i = 0; i < sorted.size(); i++) {
                RateStep first = sorted.get(i);
                if (first.endBlock() >= from && first.endBlock() <= to) {
                    return compute(method, first, last, sorted.size() - i);
                }
            }
        }
        return RewardWindow.missing(window, method, "no report in the " + RANGES + " ranges of " + BLOCKS_PER_DAY
                + " blocks that Lido's SDK searches, from block " + searchStart + " to " + last.endBlock());
    }

    private static RewardWindow compute(String method, RateStep first, RateStep last, int reports) {
        // The SDK's timeElapsed: first.timeElapsed + (last.reportTimestamp - first.reportTimestamp), which is
        // the span from the first report's start to the last report's end.
        long seconds = Duration.between(first.startTime(), last.endTime()).getSeconds();
        if (first.startRate().signum() <= 0 || seconds <= 0) {
            return RewardWindow.missing(Window.LIDO_SDK_7D, method, "the first report of Lido's SDK window (block "
                    + first.endBlock() + ") starts at a zero share rate or the window has no length");
        }
        return new RewardWindow(Window.LIDO_SDK_7D, method, first.startBlock(), first.startTime(), last.endBlock(),
                last.endTime(), reports, first.startRate(), last.endRate(),
                Annualised.apr(first.startRate(), last.endRate(), seconds),
                Annualised.apy(first.startRate(), last.endRate(), seconds), null);
    }
}
