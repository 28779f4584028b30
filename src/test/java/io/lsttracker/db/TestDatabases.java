package io.lsttracker.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Fresh, migrated databases for store tests: an in-memory H2 always, and a PostgreSQL schema of its own at
 * LST_TEST_JDBC_URL (default jdbc:postgresql://127.0.0.1:5432/test, user postgres). Where no PostgreSQL
 * answers, PostgreSQL tests are skipped with the reason, unless LST_REQUIRE_POSTGRES=1 (set by .ci/run),
 * which makes that a failure. This machine has no Docker, so Testcontainers is not used here.
 */
public final class TestDatabases {
    private TestDatabases() {
    }

    /** A database for one test; {@link #close()} drops what it created. */
    public record TestDatabase(String name, DataSource dataSource, String jdbcUrl, Runnable cleanup) implements AutoCloseable {
        @Override
        public void close() {
            cleanup.run();
        }
    }

    public static TestDatabase h2() {
        String name = "test_" + UUID.randomUUID().toString().replace("-", "");
        JdbcDataSource ds = new JdbcDataSource();
        String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
        ds.setURL(url);
        ds.setUser("sa");
        migrate(ds);
        return new TestDatabase("H2", ds, url, () -> execute(ds, "SHUTDOWN"));
    }

    public static TestDatabase postgres() {
        String baseUrl = System.getenv().getOrDefault("LST_TEST_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        PGSimpleDataSource admin = new PGSimpleDataSource();
        admin.setURL(baseUrl);
        if (admin.getUser() == null) {
            admin.setUser("postgres");
        }
        try (Connection c = admin.getConnection()) {
            c.isValid(2);
        } catch (SQLException e) {
            String reason = "PostgreSQL at " + baseUrl + " does not answer (" + e.getMessage() + ")";
            if ("1".equals(System.getenv("LST_REQUIRE_POSTGRES"))) {
                throw new AssertionError(reason + " and LST_REQUIRE_POSTGRES=1", e);
            }
            Assumptions.abort("skipped: " + reason);
        }
        String schema = "lst_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute(admin, "CREATE SCHEMA " + schema);
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(baseUrl);
        ds.setUser(admin.getUser());
        ds.setCurrentSchema(schema);
        migrate(ds);
        String url = baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema + "&user=" + admin.getUser();
        return new TestDatabase("PostgreSQL", ds, url, () -> execute(admin, "DROP SCHEMA " + schema + " CASCADE"));
    }

    private static void migrate(DataSource ds) {
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    }

    static void execute(DataSource ds, String sql) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
