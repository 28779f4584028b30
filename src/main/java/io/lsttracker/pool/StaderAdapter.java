package io.lsttracker.pool;

import io.lsttracker.chain.AbiFunction;
import io.lsttracker.chain.ContractAbi;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Protocol;
import jakarta.inject.Singleton;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Stader (ETHx, value-accruing). ETH per token is StaderStakePoolsManager.getExchangeRate() and total ETH
 * is its totalAssets(); token supply is ETHx's live totalSupply().
 *
 * <p>Both of the manager's figures come from the StaderOracle's last exchange rate report: totalAssets()
 * is the reported totalETHBalance, and the rate is totalETHBalance x 1e18 / totalETHXSupply, rounded down,
 * where totalETHXSupply is the ETHx supply <em>at the report</em>. Deposits between reports mint ETHx, so the
 * live totalSupply() moves while the rate and totalAssets() stay put: totalEth / tokenSupply is not the rate.
 * When either reported figure is zero the manager answers 1e18. Source: stader-labs/ethx
 * contracts/StaderStakePoolsManager.sol and contracts/library/UtilLib.sol, computeExchangeRate
 * (abi/SOURCES.md).
 */
@Singleton
public final class StaderAdapter implements PoolAdapter {
    private static final ContractAbi MANAGER = ContractAbi.load("StaderStakePoolsManager");
    private static final AbiFunction EXCHANGE_RATE = MANAGER.function("getExchangeRate");
    private static final AbiFunction TOTAL_ASSETS = MANAGER.function("totalAssets");
    private static final AbiFunction TOTAL_SUPPLY = ContractAbi.load("StaderETHx").function("totalSupply");

    @Override
    public Protocol protocol() {
        return Protocol.STADER;
    }

    @Override
    public List<BoundCall> readCalls(PoolDefinition pool) {
        var manager = pool.address("manager");
        return List.of(
                BoundCall.of(EXCHANGE_RATE, manager),
                BoundCall.of(TOTAL_ASSETS, manager),
                BoundCall.of(TOTAL_SUPPLY, pool.address("ethx")));
    }

    @Override
    public PoolState decode(PoolDefinition pool, Answers answers) {
        BigInteger exchangeRate = answers.uint(0);
        BigInteger totalAssets = answers.uint(1);
        BigInteger totalSupply = answers.uint(2);
        if (totalAssets.signum() == 0) {
            throw new PoolDataException("Stader's oracle reports no ETH, so getExchangeRate() is its 1e18 default");
        }
        return PoolState.ok(pool.id(), exchangeRate, totalAssets, totalSupply, Map.of());
    }
}
