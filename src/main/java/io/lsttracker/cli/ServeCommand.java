package io.lsttracker.cli;

import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code serve} (the default command): the HTTP API and a snapshot every poll interval, kept as history. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the HTTP API and take a snapshot every poll interval, storing the history.",
                "Port: LST_HTTP_PORT (8080). Database: H2 under ./data, or LST_DB_URL for PostgreSQL."})
final class ServeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--rpc", paramLabel = "URL", description = "JSON-RPC endpoint (default: LST_RPC_URL).")
    String rpc;

    @Option(names = "--pools", paramLabel = "FILE", description = "Pool registry (default: LST_POOLS_FILE or ./config/pools.yml).")
    String poolsFile;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> overrides = new HashMap<>();
        if (rpc != null) {
            overrides.put("tracker.chain.rpc-url", rpc);
        }
        if (poolsFile != null) {
            overrides.put("tracker.pools-file", poolsFile);
        }
        try (ApplicationContext context = Server.start(overrides)) {
            Server.awaitShutdown(context, spec.commandLine().getOut());
        }
        return 0;
    }
}
