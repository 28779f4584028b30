package io.lsttracker.pool;

import io.lsttracker.chain.AbiFunction;
import io.lsttracker.chain.ContractAbi;
import io.lsttracker.domain.AnkrDetails;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Protocol;
import io.lsttracker.domain.Wei;
import jakarta.inject.Singleton;
import java.math.BigInteger;

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
    public Reading<PoolState> read(PoolDefinition pool) {
        var ankreth = pool.address("ankreth");
        CallList calls = new CallList();
        Call<BigInteger> ratio = calls.add(Call.uint(RATIO, ankreth));
        Call<BigInteger> totalSupply = calls.add(Call.uint(TOTAL_SUPPLY, ankreth));
        return calls.then(answers -> {
            BigInteger ankrPerEth = answers.get(ratio);
            BigInteger supply = answers.get(totalSupply);
            if (ankrPerEth.signum() == 0) {
                throw new PoolDataException(ratio.label() + " answered 0: ankrETH has no ratio to invert");
            }
            BigInteger ethPerToken = ONE_E36.divide(ankrPerEth);
            BigInteger totalEth = supply.multiply(Wei.ONE_ETHER).divide(ankrPerEth);
            return PoolState.ok(pool.id(), ethPerToken, totalEth, supply, new AnkrDetails(ankrPerEth));
        });
    }
}
