package io.lsttracker.devchain;

import java.math.BigDecimal;

/**
 * The net APR in percent each pool of a devchain was told to simulate: its --apr flag, else the pool's
 * default. Each report grows the pool's rate by apr/100 x elapsed / 31,536,000 (AccruingPool.growth), so the
 * per-report APR formula gives this value back up to wei rounding.
 */
public final class DevchainFlags {
    private DevchainFlags() {
    }

    public static BigDecimal aprPercent(Devchain devchain, String poolId) {
        return devchain.aprPercent(poolId);
    }
}
