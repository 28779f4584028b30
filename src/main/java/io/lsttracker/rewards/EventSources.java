package io.lsttracker.rewards;

import io.lsttracker.chain.ChainReadException;
import io.lsttracker.chain.ChainReader;
import io.lsttracker.domain.BlockRef;
import io.lsttracker.pool.PoolDefinition;
import io.lsttracker.pool.RocketStorage;
import java.util.Optional;
import org.web3j.abi.datatypes.Address;

/**
 * Which contract emits a pool's report event at a block. Lido: stETH (the Lido contract) emits TokenRebased.
 * Rocket Pool: the RocketNetworkBalances that RocketStorage names at that block emits BalancesUpdated. Older
 * RocketNetworkBalances contracts (v1, v2, which emitted the older BalancesUpdated without slotTimestamp)
 * are no longer named by RocketStorage and are not read: Rocket Pool's rates start with the current
 * contract's reports, and a window reaching further back says it lacks history.
 */
public final class EventSources {

    private EventSources() {
    }

    public static Optional<Address> emitter(ChainReader chain, PoolDefinition pool, BlockRef block) {
        return switch (pool.protocol()) {
            case LIDO -> Optional.of(pool.address("steth"));
            case ROCKETPOOL -> Optional.of(networkBalances(chain, pool, block));
            default -> Optional.empty();
        };
    }

    private static Address networkBalances(ChainReader chain, PoolDefinition pool, BlockRef block) {
        Address address = RocketStorage.contractAddress(pool.address("storage"), RocketStorage.NETWORK_BALANCES)
                .readAt(chain, block);
        if (RocketStorage.isZero(address)) {
            throw new ChainReadException("RocketStorage at " + pool.address("storage")
                    + " names no rocketNetworkBalances at block " + block.number());
        }
        return address;
    }
}
