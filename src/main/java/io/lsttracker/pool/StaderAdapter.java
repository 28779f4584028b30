package io.lsttracker.pool;

import io.lsttracker.chain.AbiFunction;
import io.lsttracker.chain.ContractAbi;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Protocol;
import jakarta.inject.Singleton;
import java.math.BigInteger;

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
    public Reading<PoolState> read(PoolDefinition pool) {
        var manager = pool.address("manager");
        CallList calls = new CallList();
        Call<BigInteger> exchangeRate = calls.add(Call.uint(EXCHANGE_RATE, manager));
        Call<BigInteger> totalAssets = calls.add(Call.uint(TOTAL_ASSETS, manager));
        Call<BigInteger> totalSupply = calls.add(Call.uint(TOTAL_SUPPLY, pool.address("ethx")));
        return calls.then(answers -> {
            BigInteger rate = answers.get(exchangeRate);
            BigInteger assets = answers.get(totalAssets);
            BigInteger supply = answers.get(totalSupply);
            if (assets.signum() == 0) {
                throw new PoolDataException("Stader's oracle reports no ETH, so getExchangeRate() is its 1e18 default");
            }
            return PoolState.ok(pool.id(), rate, assets, supply);
        });
    }
}
