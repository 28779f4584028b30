package io.lsttracker.pool;

import io.lsttracker.chain.AbiFunction;
import io.lsttracker.chain.ContractAbi;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Protocol;
import io.lsttracker.domain.StakeWiseDetails;
import io.lsttracker.domain.Wei;
import jakarta.inject.Singleton;
import java.math.BigInteger;

/**
 * StakeWise (osETH, value-accruing). ETH per token is OsTokenVaultController.convertToAssets(1e18). The rate
 * accrues every second, not in steps: the controller's view functions add avgRewardPerSecond x totalAssets x
 * (block.timestamp - last checkpoint) / 1e18, less the treasury's fee, so two blocks a few seconds apart give
 * different rates and the pinned block's timestamp matters.
 *
 * <p>Total ETH is the controller's totalAssets(): the ETH value of the osETH minted so far, accrued rewards
 * included. It is NOT the TVL of the StakeWise vaults, which hold the staked ETH as over-collateral behind
 * the osETH their stakers chose to mint; that TVL is larger and lives in each vault. Token supply is the
 * osToken's totalSupply(). The controller's totalShares() is kept as a detail: osETH is minted only through
 * the controller (vault mints and the treasury's fee shares at each checkpoint), so the two agree; between
 * checkpoints both leave out the fee shares not yet minted, just as totalAssets() leaves out the fee.
 * avgRewardPerSecond is kept as the contract answers it, an integer where 1e18 stands for 100% per second.
 * Source: stakewise/v3-core contracts/tokens/OsTokenVaultController.sol and OsToken.sol (abi/SOURCES.md).
 */
@Singleton
public final class StakeWiseAdapter implements PoolAdapter {
    private static final ContractAbi CONTROLLER = ContractAbi.load("StakeWiseOsTokenVaultController");
    private static final AbiFunction CONVERT_TO_ASSETS = CONTROLLER.function("convertToAssets");
    private static final AbiFunction TOTAL_ASSETS = CONTROLLER.function("totalAssets");
    private static final AbiFunction TOTAL_SHARES = CONTROLLER.function("totalShares");
    private static final AbiFunction AVG_REWARD_PER_SECOND = CONTROLLER.function("avgRewardPerSecond");
    private static final AbiFunction TOTAL_SUPPLY = ContractAbi.load("StakeWiseOsToken").function("totalSupply");

    @Override
    public Protocol protocol() {
        return Protocol.STAKEWISE;
    }

    @Override
    public Reading<PoolState> read(PoolDefinition pool) {
        var controller = pool.address("controller");
        CallList calls = new CallList();
        Call<BigInteger> convertToAssets = calls.add(Call.uint(CONVERT_TO_ASSETS, controller, Wei.ONE_ETHER));
        Call<BigInteger> totalAssets = calls.add(Call.uint(TOTAL_ASSETS, controller));
        Call<BigInteger> totalSupply = calls.add(Call.uint(TOTAL_SUPPLY, pool.address("oseth")));
        Call<BigInteger> totalShares = calls.add(Call.uint(TOTAL_SHARES, controller));
        Call<BigInteger> avgRewardPerSecond = calls.add(Call.uint(AVG_REWARD_PER_SECOND, controller));
        return calls.then(answers -> {
            BigInteger ethPerToken = answers.get(convertToAssets);
            BigInteger assets = answers.get(totalAssets);
            BigInteger supply = answers.get(totalSupply);
            BigInteger controllerShares = answers.get(totalShares);
            BigInteger rewardPerSecond = answers.get(avgRewardPerSecond);
            if (controllerShares.signum() == 0) {
                // With no shares, convertToAssets answers its argument back (1 ETH per osETH): a default, not a rate.
                throw new PoolDataException("StakeWise controller at " + controller
                        + " has no osETH shares, so convertToAssets(1e18) is not a rate");
            }
            return PoolState.ok(pool.id(), ethPerToken, assets, supply,
                    new StakeWiseDetails(controllerShares, rewardPerSecond));
        });
    }
}
