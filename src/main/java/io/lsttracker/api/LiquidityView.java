package io.lsttracker.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.lsttracker.domain.Wei;
import io.lsttracker.liquidity.LiquidityFigures;
import io.lsttracker.liquidity.LiquidityFigures.BeaconExitQueue;
import io.lsttracker.liquidity.LiquidityFigures.Exit;
import io.lsttracker.liquidity.LiquidityFigures.Market;
import io.lsttracker.liquidity.LiquidityFigures.Quote;
import io.lsttracker.liquidity.LiquidityFigures.WithdrawalQueue;
import io.lsttracker.pool.PoolDefinition;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * The JSON (and CSV) shapes of liquidity (README, "HTTP API"; docs/LIQUIDITY.md for the formulas). As everywhere in
 * the API, no figure goes through a double: wei are decimal strings, ETH and tokens decimal strings with all 18
 * decimals ({@link Wei#toEther}), basis points decimal strings with 2 decimals, signed (negative: a discount).
 */
public final class LiquidityView {
    private LiquidityView() {
    }

    /** {@code GET /api/liquidity}: every pool at the newest snapshot, and the beacon chain's exit queue. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Latest(SnapshotView.BlockView block, List<PoolLiquidity> pools, ExitQueue exitQueue) {
    }

    /**
     * One pool at one snapshot. {@code status} is "ok", or "no-data" when no liquidity is stored for the pool yet
     * (then every other field but the pool's is null); {@code market} is null when no market is configured for the
     * pool, {@code exit} when the pool exposes nothing of its exits.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record PoolLiquidity(String pool, String token, String status, Long blockNumber, String time,
            MarketView market, ExitView exit) {
        static PoolLiquidity of(PoolDefinition pool, Optional<LiquidityFigures> figures) {
            if (figures.isEmpty()) {
                return new PoolLiquidity(pool.id().value(), pool.token(), "no-data", null, null, null, null);
            }
            LiquidityFigures f = figures.get();
            return new PoolLiquidity(pool.id().value(), pool.token(), "ok", f.block().number(),
                    f.block().timestamp().toString(), f.market().map(MarketView::of).orElse(null),
                    f.exit().map(ExitView::of).orElse(null));
        }
    }

    /**
     * A market's reading: "ok" with its quotes and the 1% depth bracket (the price moves by less than 1% up to
     * {@code depth1pct.tokens} and by more at {@code depth1pct.belowTokens}), or "failed" with the reason.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record MarketView(String marketId, String venue, String address, String token, String status,
            String error, String redemptionWei, String redemptionEth, List<QuoteView> quotes, DepthView depth1pct) {
        static MarketView of(Market m) {
            return new MarketView(m.marketId(), m.venue(), m.address(), m.token(), m.ok() ? "ok" : "failed",
                    m.failure().orElse(null), m.redemptionWei().toString(), ether(m.redemptionWei()),
                    m.quotes().stream().map(QuoteView::of).toList(),
                    m.ok() ? new DepthView(m.depthTokens().map(BigInteger::toString).orElse(null),
                            m.depthBelowTokens().map(BigInteger::toString).orElse(null)) : null);
        }
    }

    /** Selling {@code sizeTokens} whole tokens: ETH out (wei and ETH) and the discount against redemption. */
    public record QuoteView(String sizeTokens, String ethOutWei, String ethOut, String discountBps) {
        static QuoteView of(Quote q) {
            return new QuoteView(q.sizeTokens().toString(), q.ethOutWei().toString(), ether(q.ethOutWei()),
                    bps(q.discountBps()));
        }
    }

    /**
     * The 1% depth: {@code tokens} the largest size of the ladder still within 1% of the one-token price (null:
     * not even the ladder's second size), {@code belowTokens} the next size, beyond 1% (null: the whole ladder is
     * within 1%).
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record DepthView(String tokens, String belowTokens) {
    }

    /** What the pool's contracts say of exits; {@code liquidEth} and {@code withdrawalQueue} null where none. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ExitView(String status, String error, String liquidEthWei, String liquidEth,
            WithdrawalQueueView withdrawalQueue) {
        static ExitView of(Exit e) {
            return new ExitView(e.failure().isEmpty() ? "ok" : "failed", e.failure().orElse(null),
                    e.liquidEthWei().map(BigInteger::toString).orElse(null),
                    e.liquidEthWei().map(LiquidityView::ether).orElse(null),
                    e.queue().map(WithdrawalQueueView::of).orElse(null));
        }
    }

    /** Lido's withdrawal queue; {@code oldestUnfinalizedAgeSeconds} null when nothing waits. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record WithdrawalQueueView(String unfinalizedWei, String unfinalizedEth, long unfinalizedRequests,
            Long oldestUnfinalizedAgeSeconds) {
        static WithdrawalQueueView of(WithdrawalQueue q) {
            return new WithdrawalQueueView(q.unfinalizedWei().toString(), ether(q.unfinalizedWei()),
                    q.unfinalizedRequests(), q.oldestUnfinalizedAgeSeconds().orElse(null));
        }
    }

    /** The beacon chain's exit queue at a slot: who waits, the churn that lets them out, the estimated wait. */
    public record ExitQueue(long slot, long blockNumber, String time, long exitingValidators, String exitingWei,
            String exitingEth, String churnWeiPerEpoch, String churnEthPerEpoch, String waitDays) {
        static ExitQueue of(BeaconExitQueue q) {
            return new ExitQueue(q.slot(), q.block().number(), q.block().timestamp().toString(),
                    q.exitingValidators(), q.exitingWei().toString(), ether(q.exitingWei()),
                    q.churnWeiPerEpoch().toString(), ether(q.churnWeiPerEpoch()),
                    q.waitDays().setScale(2, RoundingMode.HALF_EVEN).toPlainString());
        }
    }

    /** The CSV columns of the exit queue's history, in the order of {@link ExitQueue}'s fields. */
    static final String EXIT_QUEUE_CSV = "time,blockNumber,slot,exitingValidators,exitingEth,churnEthPerEpoch,"
            + "waitDays\n";

    static void csvRow(StringBuilder out, ExitQueue q) {
        out.append(q.time()).append(',').append(q.blockNumber()).append(',').append(q.slot()).append(',')
                .append(q.exitingValidators()).append(',').append(q.exitingEth()).append(',')
                .append(q.churnEthPerEpoch()).append(',').append(q.waitDays()).append('\n');
    }

    /**
     * One pool's liquidity at one snapshot, flat (a point of the history, a line of its CSV): the market's status
     * and quotes at 1, 100 and 10,000 tokens, the 1% depth, and the exits. A figure the snapshot does not have is
     * null (empty in CSV): no market, a failed market, a size not quoted, a pool without that exit.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Point(String time, long blockNumber, String marketStatus, String discountBps1,
            String discountBps100, String discountBps10000, String ethOut1, String ethOut100, String ethOut10000,
            String depth1pctTokens, String depth1pctBelowTokens, String liquidEth, String lidoUnfinalizedEth,
            Long lidoUnfinalizedRequests, Long lidoOldestUnfinalizedAgeSeconds) {

        /** The CSV header: the fields in order (README and openapi.yml name the same columns). */
        static final String CSV_HEADER = "time,blockNumber,marketStatus,discountBps1,discountBps100,"
                + "discountBps10000,ethOut1,ethOut100,ethOut10000,depth1pctTokens,depth1pctBelowTokens,liquidEth,"
                + "lidoUnfinalizedEth,lidoUnfinalizedRequests,lidoOldestUnfinalizedAgeSeconds\n";

        static Point of(LiquidityFigures f) {
            Optional<Market> market = f.market();
            Optional<Market> quoted = market.filter(Market::ok);
            Optional<WithdrawalQueue> queue = f.exit().flatMap(Exit::queue);
            return new Point(f.block().timestamp().toString(), f.block().number(),
                    market.map(m -> m.ok() ? "ok" : "failed").orElse("none"),
                    quote(quoted, 1).map(q -> bps(q.discountBps())).orElse(null),
                    quote(quoted, 100).map(q -> bps(q.discountBps())).orElse(null),
                    quote(quoted, 10_000).map(q -> bps(q.discountBps())).orElse(null),
                    quote(quoted, 1).map(q -> ether(q.ethOutWei())).orElse(null),
                    quote(quoted, 100).map(q -> ether(q.ethOutWei())).orElse(null),
                    quote(quoted, 10_000).map(q -> ether(q.ethOutWei())).orElse(null),
                    quoted.flatMap(Market::depthTokens).map(BigInteger::toString).orElse(null),
                    quoted.flatMap(Market::depthBelowTokens).map(BigInteger::toString).orElse(null),
                    f.exit().flatMap(Exit::liquidEthWei).map(LiquidityView::ether).orElse(null),
                    queue.map(q -> ether(q.unfinalizedWei())).orElse(null),
                    queue.map(WithdrawalQueue::unfinalizedRequests).orElse(null),
                    queue.flatMap(WithdrawalQueue::oldestUnfinalizedAgeSeconds).orElse(null));
        }

        void csv(StringBuilder out) {
            Object[] fields = {time, blockNumber, marketStatus, discountBps1, discountBps100, discountBps10000,
                    ethOut1, ethOut100, ethOut10000, depth1pctTokens, depth1pctBelowTokens, liquidEth,
                    lidoUnfinalizedEth, lidoUnfinalizedRequests, lidoOldestUnfinalizedAgeSeconds};
            for (int i = 0; i < fields.length; i++) {
                // no field holds a comma or a quote (numbers, ISO times, ok/failed/none), so none needs quoting
                out.append(i == 0 ? "" : ",").append(fields[i] == null ? "" : fields[i]);
            }
            out.append('\n');
        }
    }

    private static Optional<Quote> quote(Optional<Market> market, long size) {
        BigInteger tokens = BigInteger.valueOf(size);
        return market.flatMap(m -> m.quotes().stream().filter(q -> q.sizeTokens().equals(tokens)).findFirst());
    }

    static String ether(BigInteger wei) {
        return Wei.toEther(wei).toPlainString();
    }

    /** Basis points as the API shows them: 2 decimals (the figures are computed at that scale, half-even). */
    static String bps(BigDecimal bps) {
        return bps.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }
}
