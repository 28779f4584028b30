package io.lsttracker.chain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Int128;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.core.methods.response.AbiDefinition;
import org.web3j.utils.Numeric;

/**
 * One view function of an ABI fragment: encodes a call and decodes its answer into static values, checking
 * the answer's shape first so that an empty, short or reverted answer becomes a {@link CallFailedException}
 * that names the contract, the function and the target.
 */
public final class AbiFunction {
    private static final int WORD = 32;
    /** Error(string) selector, the revert reason Solidity's require and revert produce. */
    private static final String ERROR_STRING_SELECTOR = "08c379a0";
    /** Panic(uint256) selector, raised by Solidity's checked arithmetic and asserts. */
    private static final String PANIC_SELECTOR = "4e487b71";

    private final String contract;
    private final AbiDefinition definition;
    private final List<TypeReference<Type>> outputs;

    AbiFunction(String contract, AbiDefinition definition) {
        this.contract = contract;
        this.definition = definition;
        List<TypeReference<Type>> refs = new ArrayList<>();
        for (AbiDefinition.NamedType output : definition.getOutputs()) {
            // a struct output (tuple, tuple[]) has no web3j type without generated classes: such a function's
            // answer is read word by word by its caller, through answer()
            refs.add(output.getType().startsWith("tuple") ? null : typeReference(output.getType()));
        }
        this.outputs = java.util.Collections.unmodifiableList(refs); // may hold the nulls of struct outputs
    }

    public String label() {
        return contract + "." + definition.getName();
    }

    /** The outputs' names as the ABI fragment gives them, in ABI order ("" for an unnamed output). */
    public List<String> outputNames() {
        return definition.getOutputs().stream().map(o -> o.getName() == null ? "" : o.getName()).toList();
    }

    /**
     * ABI-encodes a call; arguments are BigInteger (uint256, int128), List of BigInteger (uint256[]), byte[]
     * (bytes32), Address or Boolean.
     */
    public ContractCall call(Address target, Object... args) {
        List<AbiDefinition.NamedType> inputs = definition.getInputs();
        if (args.length != inputs.size()) {
            throw new IllegalArgumentException(label() + " takes " + inputs.size() + " arguments, got " + args.length);
        }
        List<Type> values = new ArrayList<>(args.length);
        for (int i = 0; i < args.length; i++) {
            values.add(toAbiValue(inputs.get(i).getType(), args[i]));
        }
        org.web3j.abi.datatypes.Function function =
                new org.web3j.abi.datatypes.Function(definition.getName(), values, List.of());
        return new ContractCall(target, Numeric.hexStringToByteArray(FunctionEncoder.encode(function)), label());
    }

    /** The decoded outputs, in ABI order, of a call made with {@link #call}. */
    public List<Type> decode(ContractCall call, CallResult result) {
        if (outputs.contains(null)) {
            throw new IllegalStateException(label() + " returns a struct: read its words from answer()");
        }
        byte[] data = answer(call, result);
        int expected = WORD * outputs.size();
        if (data.length < expected) {
            throw new CallFailedException(call, "returned " + data.length + " bytes, expected " + expected);
        }
        for (int i = 0; i < outputs.size(); i++) {
            if (definition.getOutputs().get(i).getType().equals("address") && !upperBytesZero(data, i * WORD, 12)) {
                throw new CallFailedException(call, "returned output " + i + " that is not an address");
            }
            if (definition.getOutputs().get(i).getType().equals("bool") && !upperBytesZero(data, i * WORD, 31)) {
                throw new CallFailedException(call, "returned output " + i + " that is not a bool");
            }
        }
        return FunctionReturnDecoder.decode(Numeric.toHexString(data), outputs);
    }

    /**
     * The raw answer of a call made with {@link #call}, once it is known to be an answer: a call the node could
     * not run, a revert (with its reason) and an empty answer are a {@link CallFailedException} naming the call.
     */
    public byte[] answer(ContractCall call, CallResult result) {
        byte[] data = result.returnData();
        if (result.error() != null) {
            throw new CallFailedException(call, "failed: " + result.error());
        }
        if (!result.success()) {
            throw new CallFailedException(call, "reverted" + revertReason(data));
        }
        if (data.length == 0) {
            throw new CallFailedException(call, "returned no data (is there a contract at " + call.displayTarget() + "?)");
        }
        return data;
    }

    /** The single uint output of a call, as an unsigned BigInteger. */
    public BigInteger decodeUint(ContractCall call, CallResult result) {
        return (BigInteger) decode(call, result).get(0).getValue();
    }

    /** The single address output of a call. */
    public Address decodeAddress(ContractCall call, CallResult result) {
        return (Address) decode(call, result).get(0);
    }

    private static boolean upperBytesZero(byte[] data, int offset, int count) {
        for (int i = 0; i < count; i++) {
            if (data[offset + i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static String revertReason(byte[] data) {
        String hex = Numeric.toHexStringNoPrefix(data);
        if (hex.startsWith(PANIC_SELECTOR) && data.length == 4 + WORD) {
            BigInteger code = new BigInteger(1, java.util.Arrays.copyOfRange(data, 4, 4 + WORD));
            return " with Panic(0x" + code.toString(16) + ")" + panicMeaning(code.intValue());
        }
        if (hex.startsWith(ERROR_STRING_SELECTOR) && data.length >= 4 + 3 * WORD) {
            try {
                List<Type> decoded = FunctionReturnDecoder.decode(
                        hex.substring(8), List.of(typeReference("string")));
                if (!decoded.isEmpty()) {
                    return ": " + decoded.get(0).getValue();
                }
            } catch (RuntimeException ignored) {
                // a garbled reason is reported as raw data below
            }
        }
        return data.length == 0 ? " without a reason" : " with data 0x" + (hex.length() > 64 ? hex.substring(0, 64) + "..." : hex);
    }

    /** Meanings of Solidity's panic codes (Solidity docs, "Panic via assert and Error via require"). */
    private static String panicMeaning(int code) {
        switch (code) {
            case 0x01:
                return ": assertion failed";
            case 0x11:
                return ": arithmetic overflow or underflow";
            case 0x12:
                return ": division or modulo by zero";
            case 0x32:
                return ": array index out of bounds";
            default:
                return "";
        }
    }

    @SuppressWarnings("unchecked")
    private static TypeReference<Type> typeReference(String solidityType) {
        try {
            return (TypeReference<Type>) (TypeReference<?>) TypeReference.makeTypeReference(solidityType);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("unsupported ABI type " + solidityType, e);
        }
    }

    private static Type toAbiValue(String type, Object value) {
        switch (type) {
            case "uint256":
                return new Uint256((BigInteger) value);
            case "int128":
                return new Int128((BigInteger) value);
            case "uint256[]":
                @SuppressWarnings("unchecked")
                List<BigInteger> values = (List<BigInteger>) value;
                return new DynamicArray<>(Uint256.class, values.stream().map(Uint256::new).toList());
            case "bytes32":
                return new Bytes32((byte[]) value);
            case "address":
                return (Address) value;
            case "bool":
                return new Bool((Boolean) value);
            default:
                throw new IllegalArgumentException("unsupported input type " + type);
        }
    }
}
