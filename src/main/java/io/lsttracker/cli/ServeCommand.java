package io.lsttracker.cli;

import io.micronaut.context.ApplicationContext;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code serve} (the default command): the HTTP API and a snapshot every poll interval, kept as history. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the HTTP API and take a snapshot every poll interval, storing the history.",
                "Port: LST_HTTP_PORT (8080). Database: H2 under ./data, or LST_DB_URL for PostgreSQL."})
final class ServeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ChainOptions chain;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> overrides = chain.overrides();
        try (ApplicationContext context = Server.start(overrides)) {
            Server.awaitShutdown(context, spec.commandLine().getOut());
        }
        return 0;
    }
}
