package io.lsttracker.metrics;

import io.lsttracker.domain.Protocol;
import io.lsttracker.domain.Wei;
import io.lsttracker.liquidity.LiquidityFigures;
import io.lsttracker.liquidity.LiquidityFigures.BeaconExitQueue;
import io.lsttracker.liquidity.LiquidityFigures.Exit;
import io.lsttracker.liquidity.LiquidityFigures.Market;
import io.lsttracker.liquidity.LiquidityFigures.Quote;
import io.lsttracker.liquidity.LiquidityFigures.WithdrawalQueue;
import io.lsttracker.liquidity.LiquidityHistory;
import io.lsttracker.pool.PoolDefinition;
import io.lsttracker.pool.PoolRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Liquidity and exits as Prometheus gauges (docs/LIQUIDITY.md): per pool the market's discount and ETH out at the
 * reported sizes, the 1% depth, whether the market was quoted and the ETH the pool can pay out at once; Lido's
 * withdrawal queue; the beacon chain's exit queue and its estimated wait. NaN where the figure is not had (before
 * the first snapshot, no market configured, a failed market, a pool without that exit).
 *
 * <p>A scrape never reads the database: every value comes from {@link LiquidityHistory#latestKnown()} and
 * {@link LiquidityHistory#latestExitQueueKnown()}, the memory the history keeps as each snapshot is recorded (read
 * from the store once, at start-up).
 * Gauges are floating point, as Prometheus is; the exact figures are in GET /api/liquidity.
 */
@Context
@Requires(env = "server")
public final class LiquidityMetrics {
    /** The sizes a market's quotes are reported at (whole tokens), as GET /api/liquidity shows them. */
    static final List<Long> SIZES = List.of(1L, 100L, 10_000L);

    private static final Logger LOG = LoggerFactory.getLogger(LiquidityMetrics.class);
    private final LiquidityHistory liquidity;

    public LiquidityMetrics(LiquidityHistory liquidity, PoolRegistry registry, MeterRegistry meters) {
        this.liquidity = liquidity;
        // The stored figures are read once, here at start-up; from then on a scrape reads memory only (the figures
        // of each snapshot recorded), so it answers while the database is down.
        try {
            liquidity.latest();
            liquidity.latestExitQueue();
        } catch (RuntimeException e) {
            LOG.warn("liquidity metrics: the latest figures not read at start-up ({}); NaN until the next snapshot",
                    e.getMessage());
        }
        for (PoolDefinition pool : registry.pools()) {
            String id = pool.id().value();
            for (long size : SIZES) {
                String tokens = Long.toString(size);
                Gauge.builder("lst.market.discount.bps", this, m -> m.market(id, market -> quote(market, size)
                                .map(Quote::discountBps)))
                        .description("Selling `size` tokens on the pool's market against what they redeem for, in "
                                + "basis points (negative: a discount, positive: a premium)")
                        .tag("pool", id).tag("size", tokens).register(meters);
                Gauge.builder("lst.market.eth.out", this, m -> m.market(id, market -> quote(market, size)
                                .map(q -> Wei.toEther(q.ethOutWei()))))
                        .description("ETH that selling `size` tokens on the pool's market returns")
                        .tag("pool", id).tag("size", tokens).register(meters);
            }
            Gauge.builder("lst.market.depth.1pct.tokens", this, m -> m.market(id, market -> market.depthTokens()
                            .map(BigDecimal::new)))
                    .description("The largest sale of the ladder (1, 2, 5 x 10^k tokens) that gets within 1% of the "
                            + "one-token price; NaN when not even 2 tokens do")
                    .tag("pool", id).register(meters);
            Gauge.builder("lst.market.quote.ok", this, m -> m.pool(id).flatMap(LiquidityFigures::market)
                            .map(market -> market.ok() ? 1.0 : 0.0).orElse(Double.NaN))
                    .description("1 if the pool's market was quoted at the latest snapshot, 0 if it failed (reverted "
                            + "or had no liquidity); NaN without a market")
                    .tag("pool", id).register(meters);
            Gauge.builder("lst.pool.liquid.eth", this, m -> m.exit(id, exit -> exit.liquidEthWei().map(Wei::toEther)))
                    .description("ETH the pool can pay out for its token at once (Rocket Pool: rETH contract balance "
                            + "plus the deposit pool's excess; ether.fi: its liquidity pool)")
                    .tag("pool", id).register(meters);
            if (pool.protocol() == Protocol.LIDO) {
                Gauge.builder("lst.lido.withdrawal.unfinalized.eth", this, m -> m.queue(id, q -> Optional.of(
                                Wei.toEther(q.unfinalizedWei()))))
                        .description("stETH waiting in Lido's withdrawal queue to be finalized")
                        .tag("pool", id).register(meters);
                Gauge.builder("lst.lido.withdrawal.requests", this, m -> m.queue(id, q -> Optional.of(
                                BigDecimal.valueOf(q.unfinalizedRequests()))))
                        .description("Unfinalized requests in Lido's withdrawal queue").tag("pool", id)
                        .register(meters);
                Gauge.builder("lst.lido.withdrawal.oldest.age", this, m -> m.queue(id, q -> q
                                .oldestUnfinalizedAgeSeconds().map(BigDecimal::valueOf)))
                        .description("Age of the oldest unfinalized withdrawal request at the snapshot's block; NaN "
                                + "when none waits").tag("pool", id).baseUnit("seconds").register(meters);
            }
        }
        Gauge.builder("lst.beacon.exit.queue.eth", this, m -> m.exitQueue(q -> Wei.toEther(q.exitingWei())))
                .description("Effective balance of the validators waiting to exit (active_exiting, active_slashed)")
                .register(meters);
        Gauge.builder("lst.beacon.exit.queue.validators", this, m -> m.exitQueue(q -> BigDecimal.valueOf(
                        q.exitingValidators())))
                .description("Validators waiting to exit").register(meters);
        Gauge.builder("lst.beacon.exit.churn.eth", this, m -> m.exitQueue(q -> Wei.toEther(q.churnWeiPerEpoch())))
                .description("ETH the exit churn lets out per epoch (Electra's get_activation_exit_churn_limit)")
                .register(meters);
        Gauge.builder("lst.beacon.exit.wait.days", this, m -> m.exitQueue(BeaconExitQueue::waitDays))
                .description("Estimated wait of a new exit: the queue's ETH over the churn of 225 epochs a day")
                .register(meters);
    }

    private Optional<LiquidityFigures> pool(String id) {
        return liquidity.latestKnown().stream().filter(f -> f.pool().value().equals(id)).findFirst();
    }

    /** A quoted market's figure; NaN for no data, no market or a failed market. */
    private double market(String pool, Function<Market, Optional<BigDecimal>> read) {
        return value(pool(pool).flatMap(LiquidityFigures::market).filter(Market::ok).flatMap(read));
    }

    private double exit(String pool, Function<Exit, Optional<BigDecimal>> read) {
        return value(pool(pool).flatMap(LiquidityFigures::exit).filter(e -> e.failure().isEmpty()).flatMap(read));
    }

    private double queue(String pool, Function<WithdrawalQueue, Optional<BigDecimal>> read) {
        return exit(pool, e -> e.queue().flatMap(read));
    }

    private double exitQueue(Function<BeaconExitQueue, BigDecimal> read) {
        return value(liquidity.latestExitQueueKnown().map(read));
    }

    private static Optional<Quote> quote(Market market, long size) {
        BigInteger tokens = BigInteger.valueOf(size);
        return market.quotes().stream().filter(q -> q.sizeTokens().equals(tokens)).findFirst();
    }

    private static double value(Optional<BigDecimal> figure) {
        return figure.map(BigDecimal::doubleValue).orElse(Double.NaN);
    }
}
