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
    public List<BoundCall> readCalls(PoolDefinition pool) {
        var weeth = pool.address("weeth");
        var eeth = pool.address("eeth");
        return List.of(
                BoundCall.of(GET_RATE, weeth),
                BoundCall.of(TOTAL_POOLED_ETHER, pool.address("liquiditypool")),
                BoundCall.of(EETH_SUPPLY, eeth),
                BoundCall.of(EETH_SHARES, eeth),
                BoundCall.of(WEETH_SUPPLY, weeth));
    }

    @Override
    public PoolState decode(PoolDefinition pool, Answers answers) {
        BigInteger shareRate = answers.uint(0);
        BigInteger totalPooledEther = answers.uint(1);
        BigInteger eethSupply = answers.uint(2);
        BigInteger totalShares = answers.uint(3);
        BigInteger weethSupply = answers.uint(4);
        if (totalShares.signum() == 0) {
            throw new PoolDataException("ether.fi eETH at " + pool.address("eeth")
                    + " has no shares, so weETH.getRate() answers 0 rather than a rate");
        }
        Map<String, BigDecimal> details = new LinkedHashMap<>();
        details.put("totalShares", Wei.toEther(totalShares));
        details.put("weethSupply", Wei.toEther(weethSupply));
        return PoolState.ok(pool.id(), shareRate, totalPooledEther, eethSupply, details);
    }
}
