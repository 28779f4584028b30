package io.lsttracker.db;

import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.exceptions.TransactionException;
import java.sql.SQLException;
import java.util.function.Supplier;

/** The database failed an operation; the message says which. Nothing partial is left behind. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Runs one operation of a store; a failure of the database (as Micronaut Data reports it: a query, the
     * connection or the transaction) becomes a StoreException "cannot {@code what}: " and the database's own
     * message, so callers catch one exception that says what was being done. A repository without a database (a
     * ConfigurationException: none is configured, or the context is closing under a running cycle) is one too.
     */
    public static <T> T attempt(String what, Supplier<T> work) {
        try {
            return work.get();
        } catch (DataAccessException | ConnectionException | TransactionException | ConfigurationException
                | io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException e) {
            throw new StoreException("cannot " + what + ": " + databaseMessage(e), e);
        }
    }

    /** {@link #attempt(String, Supplier)} for work that returns nothing. */
    public static void attempt(String what, Runnable work) {
        attempt(what, () -> {
            work.run();
            return null;
        });
    }

    /** Whether {@code e} was caused by a broken unique or foreign key (SQLSTATE class 23). */
    public static boolean isConstraintViolation(Throwable e) {
        SQLException sql = sqlCause(e);
        return sql != null && sql.getSQLState() != null && sql.getSQLState().startsWith("23");
    }

    /** The database's own words where there are some (the framework wraps them in its own). */
    private static String databaseMessage(RuntimeException e) {
        SQLException sql = sqlCause(e);
        return sql != null ? sql.getMessage() : e.getMessage();
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
