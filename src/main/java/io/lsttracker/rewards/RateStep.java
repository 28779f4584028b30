package io.lsttracker.rewards;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One step of a pool's exchange rate: the rate (ETH per token, or per share) at the start and at the end of
 * one report period. Rates move in steps at oracle reports, so reward windows are built from whole steps.
 *
 * <p>Rates are exact decimals: the protocol's own integer rate with its scale (Lido: 27 decimals, as its
 * share rate {@code totalEther * 1e27 / totalShares}; Rocket Pool and snapshots: 18), never rounded here.
 *
 * @param startBlock the block at which the starting rate held, or null where the source does not say
 *                   (a Lido report's pre-rebase state, when the previous report is not indexed)
 * @param endBlock   the block of the report (or of the snapshot) that set the ending rate
 */
public record RateStep(Long startBlock, Instant startTime, BigDecimal startRate, long endBlock, Instant endTime,
        BigDecimal endRate) {
    public RateStep {
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(startRate, "startRate");
        Objects.requireNonNull(endTime, "endTime");
        Objects.requireNonNull(endRate, "endRate");
    }
}
