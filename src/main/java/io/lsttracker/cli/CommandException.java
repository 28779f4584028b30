package io.lsttracker.cli;

/**
 * A command could not do its work for a reason its message states for users (a simulated chain that would not
 * start, say). {@link Main} prints the message on one line and exits with {@link Main#EXIT_CHAIN}.
 */
public class CommandException extends RuntimeException {
    public CommandException(String message) {
        super(message);
    }

    public CommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
