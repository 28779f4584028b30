package io.lsttracker.liquidity;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;

/**
 * {@code tracker.markets-file} (LST_MARKETS_FILE): the markets to quote each pool's token on; empty means
 * ./config/markets.yml if the working directory has one, else the copy packaged in the jar.
 */
@Context
@ConfigurationProperties("tracker")
public record MarketSettings(@Nullable String marketsFile) {
}
