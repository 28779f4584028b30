package io.lsttracker.cli;

import io.micronaut.context.ApplicationContext;
import java.util.Map;

/** Starts the Micronaut context that commands take their beans (config, chain reader, services) from. */
final class Contexts {
    private Contexts() {
    }

    static ApplicationContext start(Map<String, Object> overrides) {
        return ApplicationContext.builder()
                .deduceEnvironment(false)
                .banner(false)
                .properties(overrides)
                .start();
    }

    /**
     * A context with the database of `serve` (environment "server": H2 under ./data or LST_DB_URL, migrated by
     * Flyway) but no HTTP server and no scheduler, for commands that store history themselves.
     */
    static ApplicationContext startWithDatabase(Map<String, Object> overrides) {
        return ApplicationContext.builder()
                .environments("server")
                .deduceEnvironment(false)
                .banner(false)
                .properties(overrides)
                .start();
    }
}
