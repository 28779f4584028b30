package io.lsttracker.db;

/** The database failed an operation; the message says which. Nothing partial is left behind. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
