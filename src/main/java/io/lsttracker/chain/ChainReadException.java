package io.lsttracker.chain;

/**
 * A read from the chain that could not be done: the node is unreachable, answered with an error, or
 * answered something that is not what the JSON-RPC and ABI specifications promise. The message says what
 * was being read, and at which block where there was one.
 */
public class ChainReadException extends RuntimeException {
    public ChainReadException(String message) {
        super(message);
    }

    public ChainReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
