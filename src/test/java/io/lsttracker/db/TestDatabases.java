package io.lsttracker.db;

import io.micronaut.context.ApplicationContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Fresh, migrated databases for store tests, each with a Micronaut context whose stores and repositories use it
 * ({@link TestDatabase#bean}): an in-memory H2 always, and a PostgreSQL schema of its own.
 *
 * <p>PostgreSQL comes from Testcontainers where a Docker engine answers (one postgres:16-alpine container for the
 * whole run, each test in its own schema of it); else from the server at LST_TEST_JDBC_URL (default
 * jdbc:postgresql://127.0.0.1:5432/test, user postgres), each test in its own schema. This machine and CI have no
 * Docker engine: Testcontainers' probe looks for one (DOCKER_HOST, the usual sockets) and answers at once, pulling
 * nothing, and the local server is used; the probe is given {@link #DOCKER_PROBE_SECONDS} at most, so an engine that
 * hangs counts as none. Where no PostgreSQL answers, PostgreSQL tests are skipped with the reason, unless
 * LST_REQUIRE_POSTGRES=1 (set by .ci/run), which makes that a failure.
 */
public final class TestDatabases {
    static final long DOCKER_PROBE_SECONDS = 20;
    private static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private TestDatabases() {
    }

    /**
     * A database for one test: {@code dataSource} reaches it directly (for the test's own checks), {@code context}
     * is the tracker's beans on it. {@link #close()} stops the context and drops what the database holds.
     */
    public record TestDatabase(String name, DataSource dataSource, String jdbcUrl, String user,
            ApplicationContext context, Runnable cleanup) implements AutoCloseable {
        /** The tracker's bean of {@code type} (a store, a repository) on this database. */
        public <T> T bean(Class<T> type) {
            return context.getBean(type);
        }

        @Override
        public void close() {
            context.close();
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
        return new TestDatabase("H2", ds, url, "sa", context(url, "sa"), () -> execute(ds, "SHUTDOWN"));
    }

    public static TestDatabase postgres() {
        Server server = Server.find();
        PGSimpleDataSource admin = server.dataSource();
        String schema = "lst_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute(admin, "CREATE SCHEMA " + schema);
        PGSimpleDataSource ds = server.dataSource();
        ds.setCurrentSchema(schema);
        migrate(ds);
        String url = server.url() + (server.url().contains("?") ? "&" : "?") + "currentSchema=" + schema + "&user="
                + server.user() + (server.password().isEmpty() ? "" : "&password=" + server.password());
        return new TestDatabase("PostgreSQL", ds, url, server.user(), context(url, server.user()),
                () -> execute(admin, "DROP SCHEMA " + schema + " CASCADE"));
    }

    /** The PostgreSQL server tests use: Testcontainers' where Docker answers, else the local one. */
    private record Server(String url, String user, String password) {
        private static Server found;

        static synchronized Server find() {
            if (found == null) {
                found = dockerAnswers() ? Container.start() : local();
            }
            return found;
        }

        static Server local() {
            String url = System.getenv().getOrDefault("LST_TEST_JDBC_URL", LOCAL_URL);
            PGSimpleDataSource probe = new PGSimpleDataSource();
            probe.setURL(url);
            String user = probe.getUser() == null ? "postgres" : probe.getUser();
            probe.setUser(user);
            try (Connection c = probe.getConnection()) {
                c.isValid(2);
            } catch (SQLException e) {
                String reason = "no Docker engine for Testcontainers, and PostgreSQL at " + url + " does not answer ("
                        + e.getMessage() + ")";
                if ("1".equals(System.getenv("LST_REQUIRE_POSTGRES"))) {
                    throw new AssertionError(reason + " and LST_REQUIRE_POSTGRES=1", e);
                }
                Assumptions.abort("skipped: " + reason);
            }
            return new Server(url, user, probe.getPassword() == null ? "" : probe.getPassword());
        }

        PGSimpleDataSource dataSource() {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(url);
            ds.setUser(user);
            ds.setPassword(password);
            return ds;
        }
    }

    /** One container for the whole run; Testcontainers' Ryuk removes it when the JVM ends. */
    private static final class Container {
        static Server start() {
            PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>(DockerImageName.parse("postgres:16-alpine"))
                    .withDatabaseName("test").withUsername("postgres").withPassword("postgres");
            postgres.start();
            return new Server(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
        }
    }

    /** Whether a Docker engine answers Testcontainers, asked once, within {@link #DOCKER_PROBE_SECONDS}. */
    static boolean dockerAnswers() {
        FutureTask<Boolean> probe = new FutureTask<>(() -> DockerClientFactory.instance().isDockerAvailable());
        Thread thread = new Thread(probe, "docker-probe");
        thread.setDaemon(true);
        thread.start();
        try {
            return probe.get(DOCKER_PROBE_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The tracker's beans on the database at {@code url}, with no HTTP server and no scheduler. */
    private static ApplicationContext context(String url, String user) {
        return ApplicationContext.builder().deduceEnvironment(false).banner(false).properties(Map.of(
                "datasources.default.url", url,
                "datasources.default.username", user,
                "datasources.default.maximum-pool-size", 4,
                "datasources.default.minimum-idle", 0)).start();
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
