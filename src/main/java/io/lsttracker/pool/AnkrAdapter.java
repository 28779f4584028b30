package io.lsttracker.pool;

import io.lsttracker.chain.AbiFunction;
import io.lsttracker.chain.ContractAbi;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Protocol;
import io.lsttracker.domain.Wei;
import jakarta.inject.Singleton;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Ankr (ankrETH, value-accruing). The quirk: ankrETH's ratio() is the inverse of an exchange rate, ankrETH
 * PER ETH (1e18-scaled, below 1e18, falling as rewards accrue; Ankr's docs: "ankrETH/ratio = ETH"). So ETH
 * per token is 1e36 / ratio and total ETH is totalSupply() x 1e18 / ratio, both rounded down to the wei.
 * Total ETH is derived from the last ratio update, as no on-chain figure covers Ankr's beacon-chain
 * balances. A ratio of zero (never set) is unusable. Source: Ankr's AETH_R21 and ankr-docs (abi/SOURCES.md).
 */
@Singleton
public final class AnkrAdapter implements PoolAdapter {
    private static final BigInteger ONE_E36 = Wei.ONE_ETHER.multiply(Wei.ONE_ETHER);
    private static final ContractAbi ANKRETH = ContractAbi.load("AnkrETH");
    private static final AbiFunction RATIO = ANKRETH.function("ratio");
    private static final AbiFunction TOTAL_SUPPLY = ANKRETH.function("totalSupply");

    @Override
    public Protocol protocol() {
        return Protocol.ANKR;
    }

    @Override
    public List<BoundCall> readCalls(PoolDefinition pool) {
        var ankreth = pool.address("ankreth");
        return List.of(BoundCall.of(RATIO, ankreth), BoundCall.of(TOTAL_SUPPLY, ankreth));
    }

    @Override
    public PoolState decode(PoolDefinition pool, Answers answers) {
        BigInteger ratio = answers.uint(0);
        BigInteger supply = answers.uint(1);
        if (ratio.signum() == 0) {
            throw new PoolDataException(answers.label(0) + " answered 0: ankrETH has no ratio to invert");
        }
        BigInteger ethPerToken = ONE_E36.divide(ratio);
        BigInteger totalEth = supply.multiply(Wei.ONE_ETHER).divide(ratio);
        return PoolState.ok(pool.id(), ethPerToken, totalEth, supply, Map.of("ratio", Wei.toEther(ratio)));
    }
}
