package io.lsttracker.cli;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts the tracker as a service: the HTTP server, the database (environment "server") and the snapshot
 * scheduler. Shared by `serve` and `demo`.
 */
public final class Server {
    private Server() {
    }

    public static ApplicationContext start(Map<String, Object> overrides) {
        Map<String, Object> properties = new HashMap<>(overrides);
        properties.put("tracker.scheduler.enabled", "true");
        return new FailingStart()
                .environments("server")
                .deduceEnvironment(false)
                .banner(false)
                .properties(properties)
                .start();
    }

    /**
     * Micronaut's launcher, except for a start that fails (a bad alerts.yml, a database that will not open, a
     * port taken): Micronaut logs it with its whole stack trace and calls System.exit(1); here it is thrown to the
     * command, so {@link Main} prints one line and exits 2 or 3 as every other command does (README: "Commands").
     */
    private static final class FailingStart extends Micronaut {
        @Override
        protected void handleStartupException(Environment environment, Throwable exception) {
            if (exception instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (exception instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(exception);
        }
    }

    /** Prints where the server listens and blocks until the JVM is asked to stop (Ctrl-C, SIGTERM). */
    public static void awaitShutdown(ApplicationContext context, PrintWriter out) throws InterruptedException {
        EmbeddedServer server = context.getBean(EmbeddedServer.class);
        out.println("lst-tracker serving " + server.getURL() + " (API: " + server.getURL() + "/api/pools)");
        out.flush();
        while (context.isRunning()) {
            Thread.sleep(500);
        }
    }
}
