package io.lsttracker.pool;

import io.lsttracker.chain.AbiFunction;
import io.lsttracker.chain.ContractAbi;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Protocol;
import io.lsttracker.domain.Wei;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

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
    public List<BoundCall> readCalls(PoolDefinition pool) {
        var sweth = pool.address("sweth");
        return List.of(
                BoundCall.of(RATE, sweth),
                BoundCall.of(RESERVES, sweth),
                BoundCall.of(TOTAL_SUPPLY, sweth),
                BoundCall.of(TOTAL_DEPOSITED, sweth));
    }

    @Override
    public PoolState decode(PoolDefinition pool, Answers answers) {
        Map<String, BigDecimal> details = Map.of("totalETHDeposited", Wei.toEther(answers.uint(3)));
        return PoolState.ok(pool.id(), answers.uint(0), answers.uint(1), answers.uint(2), details);
    }
}
