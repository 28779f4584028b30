package io.lsttracker.pool;

/** A pool answered, but with values the tracker cannot use (say a zero supply behind a rate). */
public class PoolDataException extends RuntimeException {
    public PoolDataException(String message) {
        super(message);
    }
}
