package io.lsttracker.pool;

import io.lsttracker.chain.AbiFunction;
import io.lsttracker.chain.ContractAbi;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Protocol;
import io.lsttracker.domain.Wei;
import jakarta.inject.Singleton;
import java.math.BigInteger;

/**
 * Mantle (mETH, value-accruing). ETH per token is the Staking contract's mETHToETH(1e18), which is
 * mulDiv(1e18, totalControlled(), mETH.totalSupply()), rounded down; not ethToMETH, which applies the
 * exchange adjustment rate charged on stakes. Total ETH is Staking.totalControlled(): the ETH the protocol
 * holds unallocated or allocated for deposits, deposited but not yet seen by the oracle, the validator
 * balance of the oracle's latest record and what waits in the unstake requests manager (the 2025 version
 * also adds its liquidity buffer, less what was drawn from it). Token supply is mETH's totalSupply().
 *
 * <p>The rate is live, not a reported figure: stakes raise totalControlled and the supply together, so
 * it stays put between oracle records (about daily), which move the validator balance.
 * Source: mantle-lsp/contracts src/Staking.sol (abi/SOURCES.md).
 */
@Singleton
public final class MantleAdapter implements PoolAdapter {
    private static final ContractAbi STAKING = ContractAbi.load("MantleStaking");
    private static final AbiFunction METH_TO_ETH = STAKING.function("mETHToETH");
    private static final AbiFunction TOTAL_CONTROLLED = STAKING.function("totalControlled");
    private static final AbiFunction TOTAL_SUPPLY = ContractAbi.load("MantleMETH").function("totalSupply");

    @Override
    public Protocol protocol() {
        return Protocol.MANTLE;
    }

    @Override
    public Reading<PoolState> read(PoolDefinition pool) {
        var staking = pool.address("staking");
        CallList calls = new CallList();
        Call<BigInteger> methToEth = calls.add(Call.uint(METH_TO_ETH, staking, Wei.ONE_ETHER));
        Call<BigInteger> totalControlled = calls.add(Call.uint(TOTAL_CONTROLLED, staking));
        Call<BigInteger> totalSupply = calls.add(Call.uint(TOTAL_SUPPLY, pool.address("meth")));
        return calls.then(answers -> {
            BigInteger ethPerToken = answers.get(methToEth);
            BigInteger controlled = answers.get(totalControlled);
            BigInteger supply = answers.get(totalSupply);
            if (supply.signum() == 0) {
                // Staking.mETHToETH answers 1:1 while no mETH exists (its bootstrap case): a placeholder
                throw new PoolDataException("mETH has no supply, so mETHToETH(1e18) is the bootstrap 1:1");
            }
            return PoolState.ok(pool.id(), ethPerToken, controlled, supply);
        });
    }
}
