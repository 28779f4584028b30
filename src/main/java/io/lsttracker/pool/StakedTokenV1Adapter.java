package io.lsttracker.pool;

import io.lsttracker.chain.AbiFunction;
import io.lsttracker.chain.ContractAbi;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Protocol;
import io.lsttracker.domain.Wei;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

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
    public final List<BoundCall> readCalls(PoolDefinition pool) {
        var token = pool.address(role);
        return List.of(BoundCall.of(exchangeRate, token), BoundCall.of(totalSupply, token));
    }

    @Override
    public final PoolState decode(PoolDefinition pool, Answers answers) {
        BigInteger rate = answers.uint(0);
        BigInteger supply = answers.uint(1);
        BigInteger totalEth = supply.multiply(rate).divide(Wei.ONE_ETHER);
        return PoolState.ok(pool.id(), rate, totalEth, supply, Map.of());
    }
}
