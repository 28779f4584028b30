package io.lsttracker.pool;

import io.lsttracker.domain.Protocol;
import jakarta.inject.Singleton;

/**
 * Binance (wBETH, value-accruing). wBETH is Binance's fork of Coinbase's StakedTokenV1: ETH per token is
 * exchangeRate(), set by Binance's oracle (it may not fall below 1e18). No on-chain backing figure exists,
 * so total ETH is totalSupply() x exchangeRate() / 1e18, rounded down (see {@link StakedTokenV1Adapter}).
 * wBETH is also minted natively on BNB Smart Chain; this reads the Ethereum contract only, so total ETH and
 * supply cover the Ethereum side alone. Source: abi/SOURCES.md (Binance's StakedTokenV1).
 */
@Singleton
public final class BinanceAdapter extends StakedTokenV1Adapter {
    public BinanceAdapter() {
        super(Protocol.BINANCE, "BinanceWBETH", "wbeth");
    }
}
