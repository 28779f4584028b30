package io.lsttracker.pool;

import io.lsttracker.chain.AbiFunction;
import io.lsttracker.chain.ContractAbi;
import io.lsttracker.domain.LidoDetails;
import io.lsttracker.domain.NodeOperator;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Protocol;
import io.lsttracker.domain.Wei;
import jakarta.inject.Singleton;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

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

    private final LidoOperatorReads operators = new LidoOperatorReads();

    /** getBeaconStat()'s outputs, by their names in Lido.sol. */
    record BeaconStat(BigInteger depositedValidators, BigInteger beaconValidators, BigInteger beaconBalance) {
        static BeaconStat of(Outputs outputs) {
            return new BeaconStat(outputs.uint("depositedValidators"), outputs.uint("beaconValidators"),
                    outputs.uint("beaconBalance"));
        }
    }

    @Override
    public Protocol protocol() {
        return Protocol.LIDO;
    }

    @Override
    public Optional<Reading<?>> resolution(PoolDefinition pool) {
        return operators.resolution(pool);
    }

    @Override
    public Reading<PoolState> read(PoolDefinition pool) {
        var steth = pool.address("steth");
        CallList calls = new CallList();
        Call<BigInteger> shareRate = calls.add(Call.uint(POOLED_ETH_BY_SHARES, steth, Wei.ONE_ETHER));
        Call<BigInteger> totalPooledEther = calls.add(Call.uint(TOTAL_POOLED_ETHER, steth));
        Call<BigInteger> totalShares = calls.add(Call.uint(TOTAL_SHARES, steth));
        Call<BigInteger> totalSupply = calls.add(Call.uint(TOTAL_SUPPLY, steth));
        Call<BeaconStat> beaconStat = calls.add(Call.reading(BeaconStat::of, BEACON_STAT, steth));
        Function<Answers, List<NodeOperator>> nodeOperators = operators.addReads(pool, calls);
        return calls.then(answers -> {
            BigInteger rate = answers.get(shareRate);
            BigInteger pooled = answers.get(totalPooledEther);
            BigInteger shares = answers.get(totalShares);
            BigInteger supply = answers.get(totalSupply);
            BeaconStat stat = answers.get(beaconStat);
            if (shares.signum() == 0) {
                throw new PoolDataException("Lido reports zero total shares, so it has no share rate");
            }
            LidoDetails details = new LidoDetails(shares, stat.depositedValidators(), stat.beaconValidators(),
                    stat.beaconBalance());
            return PoolState.ok(pool.id(), rate, pooled, supply, details).withOperators(nodeOperators.apply(answers));
        });
    }
}
