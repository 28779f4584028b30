package io.lsttracker.pool;

import io.lsttracker.chain.AbiFunction;
import io.lsttracker.chain.ContractAbi;
import java.nio.charset.StandardCharsets;
import org.web3j.abi.datatypes.Address;
import org.web3j.crypto.Hash;

/**
 * Rocket Pool's RocketStorage, where the network's contracts are registered by name and found again as
 * RocketBase.getContractAddress finds them: getAddress(keccak256(abi.encodePacked("contract.address", name)))
 * (abi/SOURCES.md). The zero address answers a name that is not registered.
 */
public final class RocketStorage {
    public static final String NETWORK_BALANCES = "rocketNetworkBalances";
    public static final String NODE_MANAGER = "rocketNodeManager";
    public static final String MINIPOOL_MANAGER = "rocketMinipoolManager";

    private static final AbiFunction GET_ADDRESS = ContractAbi.load("RocketStorage").function("getAddress");

    private RocketStorage() {
    }

    /** The look-up of contract {@code name} in the RocketStorage at {@code storage}. */
    public static Call<Address> contractAddress(Address storage, String name) {
        return Call.address(GET_ADDRESS, storage, (Object) key(name));
    }

    static byte[] key(String name) {
        return Hash.sha3(("contract.address" + name).getBytes(StandardCharsets.US_ASCII));
    }

    /** Whether a look-up answered the zero address: no contract is registered under the name. */
    public static boolean isZero(Address address) {
        return address.toUint().getValue().signum() == 0;
    }
}
