package io.lsttracker.pool;

import io.lsttracker.chain.AbiFunction;
import io.lsttracker.chain.ContractAbi;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Protocol;
import io.lsttracker.domain.SwellDetails;
import jakarta.inject.Singleton;
import java.math.BigInteger;

/**
 * Swell (swETH, value-accruing). ETH per token is swETHToETHRate(), the rate fixed at the last reprice
 * (Swell's bot reprices about daily). Total ETH is lastRepriceETHReserves(): the reserves (pre-reward ETH
 * plus new rewards) passed to that reprice, so it is the backing as of the last reprice and does not move
 * with deposits in between. totalETHDeposited() is kept as a detail only: it is cumulative deposits over
 * the protocol's life (it never decreases), not a backing figure. Source: SwellNetwork/v3-core-public,
 * contracts/lst/contracts/implementations/swETH.sol (abi/SOURCES.md).
 */
@Singleton
public final class SwellAdapter implements PoolAdapter {
    private static final ContractAbi SWETH = ContractAbi.load("SwellSwETH");
    private static final AbiFunction RATE = SWETH.function("swETHToETHRate");
    private static final AbiFunction RESERVES = SWETH.function("lastRepriceETHReserves");
    private static final AbiFunction TOTAL_SUPPLY = SWETH.function("totalSupply");
    private static final AbiFunction TOTAL_DEPOSITED = SWETH.function("totalETHDeposited");

    @Override
    public Protocol protocol() {
        return Protocol.SWELL;
    }

    @Override
    public Reading<PoolState> read(PoolDefinition pool) {
        var sweth = pool.address("sweth");
        CallList calls = new CallList();
        Call<BigInteger> rate = calls.add(Call.uint(RATE, sweth));
        Call<BigInteger> reserves = calls.add(Call.uint(RESERVES, sweth));
        Call<BigInteger> totalSupply = calls.add(Call.uint(TOTAL_SUPPLY, sweth));
        Call<BigInteger> totalDeposited = calls.add(Call.uint(TOTAL_DEPOSITED, sweth));
        return calls.then(answers -> {
            SwellDetails details = new SwellDetails(answers.get(totalDeposited));
            return PoolState.ok(pool.id(), answers.get(rate), answers.get(reserves), answers.get(totalSupply), details);
        });
    }
}
