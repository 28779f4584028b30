package io.lsttracker.chain;

import java.util.Objects;

/** The answer to one call of a multicall: whether it succeeded, and its raw return (or revert) data. */
public record CallResult(boolean success, byte[] returnData) {
    public CallResult {
        Objects.requireNonNull(returnData, "returnData");
        returnData = returnData.clone();
    }

    @Override
    public byte[] returnData() {
        return returnData.clone();
    }

    public int length() {
        return returnData.length;
    }
}
