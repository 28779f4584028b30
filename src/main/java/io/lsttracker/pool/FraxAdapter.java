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
    public List<BoundCall> readCalls(PoolDefinition pool) {
        var sfrxeth = pool.address("sfrxeth");
        return List.of(
                BoundCall.of(PRICE_PER_SHARE, sfrxeth),
                BoundCall.of(TOTAL_ASSETS, sfrxeth),
                BoundCall.of(TOTAL_SUPPLY, sfrxeth));
    }

    @Override
    public PoolState decode(PoolDefinition pool, Answers answers) {
        BigInteger pricePerShare = answers.uint(0);
        BigInteger totalAssets = answers.uint(1);
        BigInteger totalSupply = answers.uint(2);
        if (totalSupply.signum() == 0) {
            // ERC4626 answers 1:1 for an empty vault: a placeholder, not a rate
            throw new PoolDataException("sfrxETH has no supply, so pricePerShare() is the empty vault's 1:1");
        }
        return PoolState.ok(pool.id(), pricePerShare, totalAssets, totalSupply, Map.of());
    }
}
