package io.lsttracker.pool;

/**
 * An address the adapter had resolved and cached (say Rocket Pool's network balances contract, looked up
 * in RocketStorage) has changed at this block, typically after a protocol upgrade. The adapter has already
 * refreshed its cache; the pool must be read again at the same block.
 */
public class StaleResolutionException extends RuntimeException {
    public StaleResolutionException(String message) {
        super(message);
    }
}
