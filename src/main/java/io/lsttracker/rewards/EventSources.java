package io.lsttracker.rewards;

import io.lsttracker.chain.AbiFunction;
import io.lsttracker.chain.CallResult;
import io.lsttracker.chain.ChainReadException;
import io.lsttracker.chain.ChainReader;
import io.lsttracker.chain.ContractAbi;
import io.lsttracker.chain.ContractCall;
import io.lsttracker.pool.PoolDefinition;
import io.lsttracker.domain.BlockRef;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.web3j.abi.datatypes.Address;
import org.web3j.crypto.Hash;

/**
 * Which contract emits a pool's report event at a block. Lido: stETH (the Lido contract) emits TokenRebased.
 * Rocket Pool: the RocketNetworkBalances that RocketStorage names at that block emits BalancesUpdated. Older
 * RocketNetworkBalances contracts (v1, v2, which emitted the older BalancesUpdated without slotTimestamp)
 * are no longer named by RocketStorage and are not read: Rocket Pool's rates start with the current
 * contract's reports, and a window reaching further back says it lacks history.
 */
public final class EventSources {
    private static final AbiFunction GET_ADDRESS = ContractAbi.load("RocketStorage").function("getAddress");
    private static final byte[] NETWORK_BALANCES_KEY =
            Hash.sha3("contract.addressrocketNetworkBalances".getBytes(StandardCharsets.US_ASCII));

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
        ContractCall call = GET_ADDRESS.call(pool.address("storage"), (Object) NETWORK_BALANCES_KEY);
        List<CallResult> results = chain.aggregate(block, List.of(call));
        Address address = GET_ADDRESS.decodeAddress(call, results.get(0));
        if (address.toUint().getValue().signum() == 0) {
            throw new ChainReadException("RocketStorage at " + pool.address("storage")
                    + " names no rocketNetworkBalances at block " + block.number());
        }
        return address;
    }
}
