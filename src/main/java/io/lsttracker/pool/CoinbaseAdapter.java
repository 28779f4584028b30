package io.lsttracker.pool;

import io.lsttracker.domain.Protocol;
import jakarta.inject.Singleton;

/**
 * Coinbase (cbETH, value-accruing). ETH per token is cbETH's exchangeRate(), which Coinbase's oracle
 * updates about once a day. cbETH has no on-chain backing figure: total ETH is totalSupply() x
 * exchangeRate() / 1e18, rounded down (see {@link StakedTokenV1Adapter}). Caveat: Coinbase pre-mints cbETH
 * and holds it "in abeyance" to serve wrapping customers; those units are in the on-chain totalSupply() but
 * were not issued against staked ETH (Coinbase's wrapped-assets API reports a smaller "circulating supply"
 * next to the total supply), so this total ETH overstates the ETH behind issued cbETH. The premint account
 * is not confirmed here, so it is not subtracted. Source: coinbase/wrapped-tokens-os, StakedTokenV1
 * (abi/SOURCES.md); docs.cdp.coinbase.com, Exchange API "Get wrapped asset details".
 */
@Singleton
public final class CoinbaseAdapter extends StakedTokenV1Adapter {
    public CoinbaseAdapter() {
        super(Protocol.COINBASE, "CoinbaseCbETH", "cbeth");
    }
}
