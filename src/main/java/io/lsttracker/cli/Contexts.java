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
}
