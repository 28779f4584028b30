package io.lsttracker.pool;

import io.lsttracker.chain.AbiFunction;
import io.lsttracker.chain.ContractAbi;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Protocol;
import io.lsttracker.domain.Wei;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lido (stETH). stETH rebases, so its own rate is 1 ETH by design; the figure that moves is the share
 * rate, getPooledEthByShares(1e18): the ETH behind one share, which is one wstETH. Total ETH is
 * getTotalPooledEther() (which stETH's totalSupply() equals); the beacon stat is kept as detail.
 * Source: lidofinance/core, contracts/0.4.24/Lido.sol and StETH.sol (abi/SOURCES.md). Where the pool gives
 * the addresses of its NodeOperatorsRegistry modules, their operators are read in the same multicall
 * ({@link LidoOperatorReads}) and attached to the state.
 */
@Singleton
public final class LidoAdapter implements PoolAdapter {
    private static final ContractAbi STETH = ContractAbi.load("LidoStETH");
    private static final AbiFunction POOLED_ETH_BY_SHARES = STETH.function("getPooledEthByShares");
    private static final AbiFunction TOTAL_POOLED_ETHER = STETH.function("getTotalPooledEther");
    private static final AbiFunction TOTAL_SHARES = STETH.function("getTotalShares");
    private static final AbiFunction BEACON_STAT = STETH.function("getBeaconStat");
    private static final AbiFunction TOTAL_SUPPLY = STETH.function("totalSupply");
    /** Answers before the operators' in {@link #readCalls}. */
    private static final int STETH_CALLS = 5;

    private final LidoOperatorReads operators = new LidoOperatorReads();

    @Override
    public Protocol protocol() {
        return Protocol.LIDO;
    }

    @Override
    public List<BoundCall> resolutionCalls(PoolDefinition pool) {
        return operators.resolutionCalls(pool);
    }

    @Override
    public void acceptResolution(PoolDefinition pool, Answers answers) {
        operators.acceptResolution(pool, answers, 0);
    }

    @Override
    public List<BoundCall> readCalls(PoolDefinition pool) {
        var steth = pool.address("steth");
        List<BoundCall> calls = new ArrayList<>(List.of(
                BoundCall.of(POOLED_ETH_BY_SHARES, steth, Wei.ONE_ETHER),
                BoundCall.of(TOTAL_POOLED_ETHER, steth),
                BoundCall.of(TOTAL_SHARES, steth),
                BoundCall.of(TOTAL_SUPPLY, steth),
                BoundCall.of(BEACON_STAT, steth)));
        calls.addAll(operators.readCalls(pool));
        return calls;
    }

    @Override
    public PoolState decode(PoolDefinition pool, Answers answers) {
        BigInteger shareRate = answers.uint(0);
        BigInteger totalPooledEther = answers.uint(1);
        BigInteger totalShares = answers.uint(2);
        BigInteger totalSupply = answers.uint(3);
        var beaconStat = answers.values(4);
        if (totalShares.signum() == 0) {
            throw new PoolDataException("Lido reports zero total shares, so it has no share rate");
        }
        Map<String, BigDecimal> details = new LinkedHashMap<>();
        details.put("totalShares", Wei.toEther(totalShares));
        details.put("depositedValidators", new BigDecimal((BigInteger) beaconStat.get(0).getValue()));
        details.put("beaconValidators", new BigDecimal((BigInteger) beaconStat.get(1).getValue()));
        details.put("beaconBalance", Wei.toEther((BigInteger) beaconStat.get(2).getValue()));
        return PoolState.ok(pool.id(), shareRate, totalPooledEther, totalSupply, details)
                .withOperators(operators.decode(pool, answers, STETH_CALLS));
    }
}
