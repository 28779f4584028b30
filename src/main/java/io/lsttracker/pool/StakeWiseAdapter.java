package io.lsttracker.pool;

import io.lsttracker.chain.AbiFunction;
import io.lsttracker.chain.ContractAbi;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Protocol;
import io.lsttracker.domain.Wei;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    public List<BoundCall> readCalls(PoolDefinition pool) {
        var controller = pool.address("controller");
        return List.of(
                BoundCall.of(CONVERT_TO_ASSETS, controller, Wei.ONE_ETHER),
                BoundCall.of(TOTAL_ASSETS, controller),
                BoundCall.of(TOTAL_SUPPLY, pool.address("oseth")),
                BoundCall.of(TOTAL_SHARES, controller),
                BoundCall.of(AVG_REWARD_PER_SECOND, controller));
    }

    @Override
    public PoolState decode(PoolDefinition pool, Answers answers) {
        BigInteger ethPerToken = answers.uint(0);
        BigInteger totalAssets = answers.uint(1);
        BigInteger tokenSupply = answers.uint(2);
        BigInteger controllerShares = answers.uint(3);
        BigInteger avgRewardPerSecond = answers.uint(4);
        if (controllerShares.signum() == 0) {
            // With no shares, convertToAssets answers its argument back (1 ETH per osETH): a default, not a rate.
            throw new PoolDataException("StakeWise controller at " + pool.address("controller")
                    + " has no osETH shares, so convertToAssets(1e18) is not a rate");
        }
        Map<String, BigDecimal> details = new LinkedHashMap<>();
        details.put("controllerTotalShares", Wei.toEther(controllerShares));
        details.put("avgRewardPerSecond", new BigDecimal(avgRewardPerSecond));
        return PoolState.ok(pool.id(), ethPerToken, totalAssets, tokenSupply, details);
    }
}
