package io.lsttracker.cli;

import io.micronaut.context.ApplicationContext;
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
        return Micronaut.build(new String[0])
                .environments("server")
                .deduceEnvironment(false)
                .banner(false)
                .properties(properties)
                .start();
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
