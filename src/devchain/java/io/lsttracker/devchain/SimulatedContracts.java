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
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.utils.Numeric;

/**
 * The devchain's contracts (src/devchain/contracts/: the shared bases at the top, a folder per protocol beside
 * its simulation's package; compiled into artifacts.json by src/devchain/compile-contracts.mjs). Each
 * {@link SimulatedPool} places its own at the real mainnet addresses, so the tracker's config/pools.yml works
 * unchanged against the devchain.
 */
final class SimulatedContracts {
    /** Multicall3's canonical address, where the devchain places its own implementation. */
    static final String MULTICALL3 = "0xcA11bde05977b3631167028862bE2a173976CA11";

    private static final String ARTIFACTS = "devchain/artifacts.json";

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
     * Call data of one of the simulation's setters. Arguments: byte[] (bytes32), Address, String (string), or a
     * number (uint256); the selector is derived from these types, so they must match the Solidity signature.
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
        if (arg instanceof String text) {
            return new Utf8String(text);
        }
        return new Uint256(arg instanceof BigInteger i ? i : BigInteger.valueOf(((Number) arg).longValue()));
    }
}
