package io.lsttracker.alert;

import io.lsttracker.alert.AlertRule.Direction;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** The sentence of an event, for the log, Slack and Discord. Rounding here is for reading only. */
final class AlertMessages {
    private AlertMessages() {
    }

    static String describe(AlertRule rule, AlertTransition t) {
        String what = switch (rule.metric()) {
            case ENTITY_SHARE_OF_STAKED -> "entity " + t.subject() + "'s share of all staked ETH (its validators)";
            case CLIENT_MAJORITY_SHARE -> "the majority consensus client's share of " + t.subject()
                    + "'s blocks that name one (7 days)";
            case EXECUTION_CLIENT_MAJORITY_SHARE -> "the majority execution client's share of " + t.subject()
                    + "'s blocks that name one (7 days)";
            case POOL_SHARE_OF_STAKED -> t.subject() + "'s token-side share of all staked ETH";
            case POOL_SHARE_OF_LSTS -> t.subject() + "'s share of the tracked LSTs";
            case TOP_N_SHARE_OF_STAKED -> "the top " + rule.n() + " pools' share of all staked ETH";
            case TOP_N_SHARE_OF_LSTS -> "the top " + rule.n() + " pools' share of the tracked LSTs";
            case TAU_OF_STAKED -> "the tau-index at " + rule.tau() + " of all staked ETH";
            case TAU_OF_LSTS -> "the tau-index at " + rule.tau() + " among the tracked LSTs";
            case HHI_OF_STAKED -> "the HHI of all staked ETH";
            case HHI_OF_LSTS -> "the HHI of the tracked LSTs";
            case NEGATIVE_REBASE -> t.subject() + "'s ETH per token changed by";
            case RATE_JUMP -> t.subject() + "'s ETH per token jumped (up or down) by";
            case STALE -> "poll intervals since the last successful snapshot";
            case REORG_TOO_DEEP -> "reorgs deeper than tracker.reorg-depth since the last check (snapshots below it "
                    + "may be orphaned: lst-tracker repair --from-block A --to-block B)";
            case MARKET_DISCOUNT_BPS -> t.subject() + "'s market price of one token against what it redeems for "
                    + "(bps, negative: a discount)";
            case EXIT_WAIT_DAYS -> "the beacon chain's estimated exit wait (days)";
        };
        boolean share = switch (rule.metric()) {
            case ENTITY_SHARE_OF_STAKED, CLIENT_MAJORITY_SHARE, EXECUTION_CLIENT_MAJORITY_SHARE, POOL_SHARE_OF_STAKED, POOL_SHARE_OF_LSTS, TOP_N_SHARE_OF_STAKED, TOP_N_SHARE_OF_LSTS,
                    NEGATIVE_REBASE, RATE_JUMP -> true;
            default -> false;
        };
        String value = share ? percent(t.value()) : t.value().stripTrailingZeros().toPlainString();
        String threshold = share ? percent(t.threshold()) : t.threshold().stripTrailingZeros().toPlainString();
        String side = rule.direction() == Direction.ABOVE ? "above" : "below";
        String verb = rule.metric() == AlertRule.Metric.NEGATIVE_REBASE || rule.metric() == AlertRule.Metric.RATE_JUMP
                ? " " : " is ";
        if (t.kind() == AlertTransition.Kind.FIRING) {
            String held = rule.hold().isZero() ? "" : " at every reading for " + duration(rule.hold()) + " or more";
            return what + verb + value + ", " + side + " " + threshold + held + " (rule " + rule.id() + ")";
        }
        return what + verb + value + ", back from " + side + " " + threshold + " (rule " + rule.id() + " resolved)";
    }

    /** A hold as alerts.yml writes it: 90m, 1h, 1d. */
    static String duration(java.time.Duration d) {
        long s = d.getSeconds();
        return s % 86_400 == 0 ? s / 86_400 + "d" : s % 3_600 == 0 ? s / 3_600 + "h" : s % 60 == 0 ? s / 60 + "m"
                : s + "s";
    }

    private static String percent(BigDecimal fraction) {
        BigDecimal p = fraction.movePointRight(2);
        // Two decimals for shares; three significant digits for tiny figures (a one-wei fall of a rate is
        // -0.0000000000000000833%), so a negative change never reads as 0%.
        BigDecimal shown = p.abs().compareTo(new BigDecimal("0.01")) >= 0 || p.signum() == 0
                ? p.setScale(2, RoundingMode.HALF_EVEN) : p.round(new MathContext(3, RoundingMode.HALF_EVEN));
        return shown.stripTrailingZeros().toPlainString() + "%";
    }
}
