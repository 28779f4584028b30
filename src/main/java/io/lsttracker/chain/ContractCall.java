package io.lsttracker.chain;

import java.util.Objects;
import org.web3j.abi.datatypes.Address;
import org.web3j.crypto.Keys;

/**
 * One view call to put in a multicall: the target, the ABI-encoded call data, and a label such as
 * "RocketStorage.getAddress" that error messages use to say what was being read.
 */
public record ContractCall(Address target, byte[] callData, String label) {
    public ContractCall {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(callData, "callData");
        Objects.requireNonNull(label, "label");
        callData = callData.clone();
    }

    @Override
    public byte[] callData() {
        return callData.clone();
    }

    /** The target in its EIP-55 checksummed form, as explorers and the protocols' docs print it. */
    public String displayTarget() {
        return Keys.toChecksumAddress(target.toString());
    }

    @Override
    public String toString() {
        return label + " at " + displayTarget();
    }
}
