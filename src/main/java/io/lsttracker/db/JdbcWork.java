package io.lsttracker.db;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * One unit of JDBC work on a pooled connection, with the SQLException turned into a {@link StoreException}
 * that says what was being done. Shared by the stores so each does not repeat the plumbing.
 */
public final class JdbcWork {
    private JdbcWork() {
    }

    /** The work itself: may throw SQLException, which {@link #run} reports. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction: committed if it returns, rolled back if it throws, so what it writes
     * is stored whole or not at all.
     */
    public static <T> T inTransaction(DataSource dataSource, String what, Work<T> work) {
        return run(dataSource, what, c -> {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    /** Runs {@code work} on a connection from {@code dataSource}; {@code what} completes "cannot ...". */
    public static <T> T run(DataSource dataSource, String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException("cannot " + what + ": " + e.getMessage(), e);
        }
    }
}
