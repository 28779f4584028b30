package io.lsttracker.devchain;

import io.lsttracker.cli.CommandException;

/** The simulated mainnet could not be started or set up; the message says which step failed. */
public class DevchainException extends CommandException {
    public DevchainException(String message) {
        super(message);
    }

    public DevchainException(String message, Throwable cause) {
        super(message, cause);
    }
}
