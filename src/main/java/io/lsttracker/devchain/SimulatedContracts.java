package io.lsttracker.devchain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.utils.Numeric;

/**
 * The devchain's contracts (contracts/devchain/*.sol, compiled into artifacts.json by
 * scripts/compile-contracts.mjs) and where they stand: at the real mainnet addresses, so the tracker's
 * config/pools.yml works unchanged against the devchain.
 */
final class SimulatedContracts {
    static final String MULTICALL3 = "0xcA11bde05977b3631167028862bE2a173976CA11";
    static final String LIDO_STETH = "0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84";
    static final String LIDO_WSTETH = "0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0";
    static final String ROCKET_STORAGE = "0x1d8f8f00cfa6758d7bE78336684788Fb0ee0Fa46";
    static final String ROCKET_RETH = "0xae78736Cd615f374D3085123A210448E74Fc6393";
    /**
     * Mainnet's RocketNetworkBalances has moved with each Rocket Pool upgrade and the tracker finds it through
     * RocketStorage, so the devchain puts it at an address of its own rather than at a copied one.
     */
    static final String ROCKET_NETWORK_BALANCES = "0x00000000000000000000000000000000d3bA1a11";

    private static final String ARTIFACTS = "contracts/devchain/artifacts.json";

    private final JsonNode contracts;

    private SimulatedContracts(JsonNode contracts) {
        this.contracts = contracts;
    }

    static SimulatedContracts load() {
        try (InputStream in = SimulatedContracts.class.getClassLoader().getResourceAsStream(ARTIFACTS)) {
            if (in == null) {
                throw new DevchainException(ARTIFACTS + " is not on the classpath");
            }
            return new SimulatedContracts(new ObjectMapper().readTree(in).get("contracts"));
        } catch (IOException e) {
            throw new DevchainException("cannot read " + ARTIFACTS + ": " + e.getMessage(), e);
        }
    }

    String runtimeBytecode(String contract) {
        JsonNode node = contracts.get(contract);
        if (node == null) {
            throw new DevchainException(ARTIFACTS + " has no contract " + contract);
        }
        return node.get("deployedBytecode").asText();
    }

    /**
     * Call data of one of the simulation's setters. Arguments: byte[] (bytes32), Address, or a number
     * (uint256); the selector is derived from these types, so they must match the Solidity signature.
     */
    static byte[] encode(String function, Object... args) {
        List<Type> values = Arrays.stream(args).map(SimulatedContracts::abiValue).toList();
        return Numeric.hexStringToByteArray(FunctionEncoder.encode(new Function(function, values, List.of())));
    }

    private static Type abiValue(Object arg) {
        if (arg instanceof byte[] bytes) {
            return new Bytes32(bytes);
        }
        if (arg instanceof Address address) {
            return address;
        }
        return new Uint256(arg instanceof BigInteger i ? i : BigInteger.valueOf(((Number) arg).longValue()));
    }
}
