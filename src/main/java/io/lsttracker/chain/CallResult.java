package io.lsttracker.chain;

import java.util.Objects;

/**
 * The answer to one call of a multicall: whether it succeeded, and its raw return (or revert) data. A call that
 * the node could not run at all when read on its own (it ran out of gas, hit an invalid opcode) has no data but
 * the node's {@code error} message; {@code error} is null otherwise.
 */
public record CallResult(boolean success, byte[] returnData, String error) {
    public CallResult {
        Objects.requireNonNull(returnData, "returnData");
        returnData = returnData.clone();
        if (success && error != null) {
            throw new IllegalArgumentException("a successful call has no error");
        }
    }

    public CallResult(boolean success, byte[] returnData) {
        this(success, returnData, null);
    }

    /** A call the node refused to run to its end, with the node's message. */
    public static CallResult failed(String error) {
        return new CallResult(false, new byte[0], Objects.requireNonNull(error, "error"));
    }

    @Override
    public byte[] returnData() {
        return returnData.clone();
    }

    public int length() {
        return returnData.length;
    }
}
