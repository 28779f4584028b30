package io.lsttracker.pool;

import io.lsttracker.chain.AbiFunction;
import io.lsttracker.chain.ContractAbi;
import io.lsttracker.domain.EtherFiDetails;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Protocol;
import jakarta.inject.Singleton;
import java.math.BigInteger;

/**
 * ether.fi (eETH / weETH). eETH rebases like stETH: a holder owns shares, and its balance is the shares'
 * part of the LiquidityPool's pooled ether, so one eETH stays worth one ETH and the figure that moves is the
 * ETH behind one share, which is what one weETH wraps. ETH per token is therefore weETH.getRate()
 * (= LiquidityPool.amountForShare(1e18), rounded down), the share rate, not eETH's own 1:1 rate. It moves
 * in steps, at the oracle's daily rebase (EtherFiAdmin -> LiquidityPool.rebase), and can fall on a loss.
 *
 * <p>Total ETH is LiquidityPool.getTotalPooledEther() (ETH held in the pool plus ETH out of it, mostly in
 * validators). Token supply is eETH's totalSupply(), which the eETH contract defines as that same pooled
 * ether; it is read separately so that a snapshot shows what the token itself answers. eETH's totalShares()
 * and weETH's totalSupply() are kept as details (weETH supply is the part of the shares held wrapped).
 * While eETH has no shares, amountForShare answers 0 instead of failing; the adapter reports that as
 * unusable rather than as a rate of zero.
 * Source: etherfi-protocol/smart-contracts src/core/LiquidityPool.sol, EETH.sol, WeETH.sol (abi/SOURCES.md).
 */
@Singleton
public final class EtherFiAdapter implements PoolAdapter {
    private static final ContractAbi WEETH = ContractAbi.load("EtherFiWeETH");
    private static final ContractAbi EETH = ContractAbi.load("EtherFiEETH");
    private static final AbiFunction GET_RATE = WEETH.function("getRate");
    private static final AbiFunction WEETH_SUPPLY = WEETH.function("totalSupply");
    private static final AbiFunction TOTAL_POOLED_ETHER =
            ContractAbi.load("EtherFiLiquidityPool").function("getTotalPooledEther");
    private static final AbiFunction EETH_SUPPLY = EETH.function("totalSupply");
    private static final AbiFunction EETH_SHARES = EETH.function("totalShares");

    @Override
    public Protocol protocol() {
        return Protocol.ETHERFI;
    }

    @Override
    public Reading<PoolState> read(PoolDefinition pool) {
        var weeth = pool.address("weeth");
        var eeth = pool.address("eeth");
        CallList calls = new CallList();
        Call<BigInteger> getRate = calls.add(Call.uint(GET_RATE, weeth));
        Call<BigInteger> totalPooledEther = calls.add(Call.uint(TOTAL_POOLED_ETHER, pool.address("liquiditypool")));
        Call<BigInteger> eethSupply = calls.add(Call.uint(EETH_SUPPLY, eeth));
        Call<BigInteger> eethShares = calls.add(Call.uint(EETH_SHARES, eeth));
        Call<BigInteger> weethSupply = calls.add(Call.uint(WEETH_SUPPLY, weeth));
        return calls.then(answers -> {
            BigInteger shareRate = answers.get(getRate);
            BigInteger pooled = answers.get(totalPooledEther);
            BigInteger supply = answers.get(eethSupply);
            BigInteger shares = answers.get(eethShares);
            BigInteger wrapped = answers.get(weethSupply);
            if (shares.signum() == 0) {
                throw new PoolDataException("ether.fi eETH at " + eeth
                        + " has no shares, so weETH.getRate() answers 0 rather than a rate");
            }
            return PoolState.ok(pool.id(), shareRate, pooled, supply, new EtherFiDetails(shares, wrapped));
        });
    }
}
