package io.lsttracker.pool;

import io.lsttracker.chain.AbiFunction;
import io.lsttracker.chain.ContractCall;
import org.web3j.abi.datatypes.Address;

/** An encoded call together with the ABI function that decodes its answer. */
public record BoundCall(AbiFunction function, ContractCall call) {

    public static BoundCall of(AbiFunction function, Address target, Object... args) {
        return new BoundCall(function, function.call(target, args));
    }
}
