package io.lsttracker.liquidity;

import io.lsttracker.pool.PoolRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;

/** The markets from tracker.markets-file (LST_MARKETS_FILE), ./config/markets.yml or the packaged copy. */
@Factory
public class MarketsFactory {

    /** Created with the context, so a bad markets.yml stops start-up (exit 2) rather than the first snapshot. */
    @Context
    Markets markets(MarketSettings settings, PoolRegistry pools) {
        return MarketsLoader.load(settings.marketsFile(), pools);
    }
}
