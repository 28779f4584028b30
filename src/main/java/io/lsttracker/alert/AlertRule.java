package io.lsttracker.alert;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One alert rule of config/alerts.yml: a metric (per pool, per entity, or for the whole set of pools), a threshold
 * and a direction, a hysteresis margin and a cooldown. See {@link AlertEvaluator} for how they combine.
 *
 * @param id         stable name, unique in the file; events and the persisted state are keyed by it
 * @param metric     what is measured
 * @param pool       for per-pool metrics: one pool id, or empty for every pool ("any")
 * @param n          for the top-N metrics: N
 * @param tau        for the tau-index metrics: the threshold fraction as "1/3", "1/2" or "2/3"
 * @param threshold  the value to cross
 * @param direction  ABOVE fires when the value exceeds the threshold, BELOW when it falls under it
 * @param hysteresis how far back past the threshold the value must go before the alert resolves and re-arms
 * @param cooldown   the least time between two firings of the rule for the same subject
 * @param entity     for per-entity metrics: one entity id of config/entities.yml, or empty for every entity ("any");
 *                   never "unidentified", which is many stakers and not one entity
 * @param hold       alerts.yml's {@code for}: how long the value must have been across the threshold, at every
 *                   stored reading, before the rule fires (ZERO: at once). Only for the metrics whose readings are
 *                   stored ({@link Metric#judgedFromHistory()}), so that it is judged from the store and a restart
 *                   does not start the wait again; see {@link AlertHold}
 */
public record AlertRule(String id, Metric metric, Optional<String> pool, int n, String tau, BigDecimal threshold,
        Direction direction, BigDecimal hysteresis, Duration cooldown, Optional<String> entity, Duration hold) {

    /** A rule that is not per entity. */
    public AlertRule(String id, Metric metric, Optional<String> pool, int n, String tau, BigDecimal threshold,
            Direction direction, BigDecimal hysteresis, Duration cooldown) {
        this(id, metric, pool, n, tau, threshold, direction, hysteresis, cooldown, Optional.empty());
    }

    /** A rule that fires at once (no {@code for}). */
    public AlertRule(String id, Metric metric, Optional<String> pool, int n, String tau, BigDecimal threshold,
            Direction direction, BigDecimal hysteresis, Duration cooldown, Optional<String> entity) {
        this(id, metric, pool, n, tau, threshold, direction, hysteresis, cooldown, entity, Duration.ZERO);
    }

    public AlertRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(direction, "direction");
        if (hysteresis.signum() < 0) {
            throw new IllegalArgumentException("hysteresis must not be negative");
        }
        if (cooldown.isNegative()) {
            throw new IllegalArgumentException("cooldown must not be negative");
        }
        Objects.requireNonNull(entity, "entity");
        if (entity.isPresent() && !metric.perEntity()) {
            throw new IllegalArgumentException("an entity is only for the per-entity metrics, not "
                    + metric.configName());
        }
        Objects.requireNonNull(hold, "hold");
        if (hold.isNegative()) {
            throw new IllegalArgumentException("hold must not be negative");
        }
        if (!hold.isZero() && !metric.judgedFromHistory()) {
            throw new IllegalArgumentException("a hold (for) is only for the metrics judged from stored history, not "
                    + metric.configName());
        }
    }

    /** What a rule measures. Shares are fractions 0..1; HHI 0..10,000; tau-indices counts of pools. */
    public enum Metric {
        /**
         * An entity's share of all staked ETH: its active validators' balances over all active validators' balances,
         * from the latest entity reading (docs/ENTITIES.md). Subject: the entity; "unidentified" never is one.
         */
        ENTITY_SHARE_OF_STAKED(false),
        /**
         * The majority consensus client's share of the blocks whose graffiti names a consensus client, over the last 7
         * days of slots read (docs/CLIENTS.md). Subjects: "network" and each entity ("unidentified" never); one with
         * fewer than {@code n} such blocks in the window is not judged (a handful of blocks says little).
         */
        CLIENT_MAJORITY_SHARE(false),
        /** The same for execution clients, as the graffiti's client-version codes and names tell them. */
        EXECUTION_CLIENT_MAJORITY_SHARE(false),
        /**
         * The token view: a pool's token-side ETH (its totalEth, e.g. stETH's getTotalPooledEther) over all staked
         * ETH (needs the beacon node's total). Not who runs the validators: for that, entity-share-of-staked.
         * Subject: the pool.
         */
        POOL_SHARE_OF_STAKED(true),
        /** A pool's share among the tracked LSTs. Subject: the pool. */
        POOL_SHARE_OF_LSTS(true),
        /** The combined share of the N largest pools of all staked ETH. */
        TOP_N_SHARE_OF_STAKED(false),
        /** The combined share of the N largest pools among the tracked LSTs. */
        TOP_N_SHARE_OF_LSTS(false),
        /** The tau-index at {@code tau} over all staked ETH (absent when the pools together do not reach it). */
        TAU_OF_STAKED(false),
        /** The tau-index at {@code tau} among the tracked LSTs. */
        TAU_OF_LSTS(false),
        HHI_OF_STAKED(false),
        HHI_OF_LSTS(false),
        /** A pool's relative change of ethPerToken since the previous snapshot, e.g. -0.0001. Subject: the pool. */
        NEGATIVE_REBASE(true),
        /**
         * A pool's change of ethPerToken since the previous snapshot in absolute value, e.g. 0.12 for a rise or fall
         * of 12%: a jump no staking report makes is a broken or manipulated answer, flagged instead of trusted.
         */
        RATE_JUMP(true),
        /** Poll intervals since the last successful snapshot cycle. */
        STALE(false),
        /**
         * Reorgs deeper than tracker.reorg-depth the snapshot cycle found since the previous check (the counter
         * lst_snapshot_reorg_too_deep_total): each may have left orphaned snapshots below the depth, to be repaired
         * with `lst-tracker repair`. Fires with the count, resolves at the next check that finds none.
         */
        REORG_TOO_DEEP(false),
        /**
         * What selling one token on the pool's market returns against what it redeems for, in basis points: the
         * one-token quote's discountBps of the liquidity figures at the snapshot's block (docs/LIQUIDITY.md), negative
         * for a discount. A market that failed (a revert, no liquidity) is no news; a pool without a market is no
         * subject. Subject: the pool.
         */
        MARKET_DISCOUNT_BPS(true),
        /**
         * The beacon chain's estimated exit wait in days, the exit queue's ETH over the churn of a day, at its latest
         * reading (at most one an epoch). Subject: "network".
         */
        EXIT_WAIT_DAYS(false);

        private final boolean perPool;

        Metric(boolean perPool) {
            this.perPool = perPool;
        }

        public boolean perPool() {
            return perPool;
        }

        public boolean perEntity() {
            return this == ENTITY_SHARE_OF_STAKED || clientMajority();
        }

        /**
         * The liquidity metrics, whose every reading is stored with its snapshot (LiquidityHistory), so a rule's
         * {@code for} can be judged from the store.
         */
        public boolean judgedFromHistory() {
            return this == MARKET_DISCOUNT_BPS || this == EXIT_WAIT_DAYS;
        }

        /** The client-diversity metrics: their subject may also be "network", and n is the least blocks judged. */
        public boolean clientMajority() {
            return this == CLIENT_MAJORITY_SHARE || this == EXECUTION_CLIENT_MAJORITY_SHARE;
        }

        public String configName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Optional<Metric> fromConfigName(String name) {
            return Arrays.stream(values()).filter(m -> m.configName().equals(name)).findFirst();
        }
    }

    public enum Direction {
        ABOVE, BELOW;

        public String configName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
