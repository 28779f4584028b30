package io.lsttracker.liquidity;

import io.lsttracker.domain.PoolId;
import java.util.List;
import java.util.Optional;

/**
 * Every configured market (config/markets.yml), in pools.yml order.
 *
 * @param source the file they were read from, for messages
 */
public record Markets(String source, List<MarketDefinition> markets) {
    public Markets {
        markets = List.copyOf(markets);
    }

    public Optional<MarketDefinition> of(PoolId pool) {
        return markets.stream().filter(m -> m.pool().equals(pool)).findFirst();
    }
}
