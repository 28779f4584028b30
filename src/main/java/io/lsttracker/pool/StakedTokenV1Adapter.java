package io.lsttracker.pool;

import io.lsttracker.chain.AbiFunction;
import io.lsttracker.chain.ContractAbi;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Protocol;
import io.lsttracker.domain.Wei;
import java.math.BigInteger;

/**
 * A token built on Coinbase's StakedTokenV1 (cbETH, and Binance's wBETH, which forks it): an ERC-20 whose
 * exchangeRate() is ETH per token, 1e18-scaled, written by an off-chain oracle through
 * updateExchangeRate(uint256). The contract holds no figure for the ETH behind the token, so total ETH is
 * derived: totalSupply() x exchangeRate() / 1e18, rounded down to the wei. It is only as current as the
 * oracle's last update and covers only the supply minted on Ethereum.
 */
abstract class StakedTokenV1Adapter implements PoolAdapter {
    private final Protocol protocol;
    private final String role;
    private final AbiFunction exchangeRate;
    private final AbiFunction totalSupply;

    StakedTokenV1Adapter(Protocol protocol, String abiName, String role) {
        ContractAbi abi = ContractAbi.load(abiName);
        this.protocol = protocol;
        this.role = role;
        this.exchangeRate = abi.function("exchangeRate");
        this.totalSupply = abi.function("totalSupply");
    }

    @Override
    public final Protocol protocol() {
        return protocol;
    }

    @Override
    public final Reading<PoolState> read(PoolDefinition pool) {
        var token = pool.address(role);
        CallList calls = new CallList();
        Call<BigInteger> rate = calls.add(Call.uint(exchangeRate, token));
        Call<BigInteger> supply = calls.add(Call.uint(totalSupply, token));
        return calls.then(answers -> {
            BigInteger ethPerToken = answers.get(rate);
            BigInteger tokens = answers.get(supply);
            return PoolState.ok(pool.id(), ethPerToken, tokens.multiply(ethPerToken).divide(Wei.ONE_ETHER), tokens);
        });
    }
}
