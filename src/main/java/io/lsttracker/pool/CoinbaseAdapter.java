package io.lsttracker.pool;

import io.lsttracker.domain.Protocol;
import jakarta.inject.Singleton;

/**
 * Coinbase (cbETH, value-accruing). ETH per token is cbETH's exchangeRate(), which Coinbase's oracle
 * updates about once a day. cbETH has no on-chain backing figure: total ETH is totalSupply() x
 * exchangeRate() / 1e18, rounded down (see {@link StakedTokenV1Adapter}), for the cbETH on Ethereum.
 * Source: coinbase/wrapped-tokens-os, StakedTokenV1 (abi/SOURCES.md).
 */
@Singleton
public final class CoinbaseAdapter extends StakedTokenV1Adapter {
    public CoinbaseAdapter() {
        super(Protocol.COINBASE, "CoinbaseCbETH", "cbeth");
    }
}
