package io.lsttracker.pool;

import io.lsttracker.chain.AbiFunction;
import io.lsttracker.chain.ContractAbi;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Protocol;
import jakarta.inject.Singleton;
import java.math.BigInteger;

/**
 * Frax (sfrxETH, an xERC4626 vault of frxETH). ETH per token is sfrxETH's pricePerShare(), which is
 * convertToAssets(1e18): frxETH per sfrxETH, rounded down. Total ETH is totalAssets(), the frxETH the vault
 * holds for its shareholders, and token supply is sfrxETH's totalSupply().
 *
 * <p>Both figures are in frxETH, not ETH: the tracker counts 1 frxETH as 1 ETH, which is what frxETH is
 * minted and redeemed at, though its market price can stray from it. A snapshot's details cannot carry a
 * unit, so this is said here rather than there.
 *
 * <p>The rate does not move in steps at a report: xERC4626 releases each rewards cycle's rewards linearly
 * by block.timestamp until the cycle's end (cycles of 604,800 s on mainnet), so two blocks a minute apart
 * read different rates. Sources: FraxFinance/frxETH-public src/sfrxETH.sol, src/IsfrxETH.sol and
 * script/deployMainnet.s.sol (abi/SOURCES.md).
 */
@Singleton
public final class FraxAdapter implements PoolAdapter {
    private static final ContractAbi SFRXETH = ContractAbi.load("FraxSfrxETH");
    private static final AbiFunction PRICE_PER_SHARE = SFRXETH.function("pricePerShare");
    private static final AbiFunction TOTAL_ASSETS = SFRXETH.function("totalAssets");
    private static final AbiFunction TOTAL_SUPPLY = SFRXETH.function("totalSupply");

    @Override
    public Protocol protocol() {
        return Protocol.FRAX;
    }

    @Override
    public Reading<PoolState> read(PoolDefinition pool) {
        var sfrxeth = pool.address("sfrxeth");
        CallList calls = new CallList();
        Call<BigInteger> pricePerShare = calls.add(Call.uint(PRICE_PER_SHARE, sfrxeth));
        Call<BigInteger> totalAssets = calls.add(Call.uint(TOTAL_ASSETS, sfrxeth));
        Call<BigInteger> totalSupply = calls.add(Call.uint(TOTAL_SUPPLY, sfrxeth));
        return calls.then(answers -> {
            BigInteger price = answers.get(pricePerShare);
            BigInteger assets = answers.get(totalAssets);
            BigInteger supply = answers.get(totalSupply);
            if (supply.signum() == 0) {
                // ERC4626 answers 1:1 for an empty vault: a placeholder, not a rate
                throw new PoolDataException("sfrxETH has no supply, so pricePerShare() is the empty vault's 1:1");
            }
            return PoolState.ok(pool.id(), price, assets, supply);
        });
    }
}
