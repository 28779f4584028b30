package io.lsttracker.devchain;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The net APR in percent each pool of a devchain was told to simulate: its --apr flag, else the pool's
 * default. Each report grows the pool's rate by apr/100 x elapsed / 31,536,000 (Devchain.growth), so the
 * per-report APR formula gives this value back up to wei rounding.
 */
public final class DevchainFlags {
    private static final Map<String, BigDecimal> DEFAULTS = Map.ofEntries(
            Map.entry("lido", SimulatedLido.DEFAULT_APR),
            Map.entry("rocketpool", SimulatedRocketPool.DEFAULT_APR),
            Map.entry("coinbase", SimulatedCoinbase.DEFAULT_APR),
            Map.entry("binance", SimulatedBinance.DEFAULT_APR),
            Map.entry("frax", SimulatedFrax.DEFAULT_APR),
            Map.entry("mantle", SimulatedMantle.DEFAULT_APR),
            Map.entry("stakewise", SimulatedStakeWise.DEFAULT_APR),
            Map.entry("etherfi", SimulatedEtherFi.DEFAULT_APR),
            Map.entry("stader", SimulatedStader.DEFAULT_APR),
            Map.entry("swell", SimulatedSwell.DEFAULT_APR),
            Map.entry("ankr", SimulatedAnkr.DEFAULT_APR));

    private DevchainFlags() {
    }

    public static BigDecimal aprPercent(Devchain devchain, String poolId) {
        BigDecimal fallback = DEFAULTS.get(poolId);
        if (fallback == null) {
            throw new IllegalArgumentException("no simulated pool " + poolId);
        }
        return devchain.parameters().aprPercent(poolId, fallback);
    }
}
