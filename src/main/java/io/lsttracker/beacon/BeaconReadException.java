package io.lsttracker.beacon;

/** The beacon node could not give the total staked: says which node, which request and why. */
public final class BeaconReadException extends RuntimeException {
    public BeaconReadException(String message) {
        super(message);
    }

    public BeaconReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
