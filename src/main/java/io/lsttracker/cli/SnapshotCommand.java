package io.lsttracker.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.lsttracker.api.SnapshotView;
import io.lsttracker.config.PoolRegistry;
import io.lsttracker.domain.BlockSelector;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Snapshot;
import io.lsttracker.snapshot.SnapshotService;
import io.micronaut.context.ApplicationContext;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code snapshot}: every configured pool at one block, as a table or as JSON. */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = "Read every configured pool at one pinned block and print it.")
final class SnapshotCommand implements Callable<Integer> {

    enum Format { TABLE, JSON }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--rpc", paramLabel = "URL",
            description = "JSON-RPC endpoint (default: tracker.chain.rpc-url, i.e. LST_RPC_URL or a public mainnet node).")
    String rpc;

    @Option(names = "--pools", paramLabel = "FILE",
            description = "Pool registry to read (default: LST_POOLS_FILE, ./config/pools.yml, or the packaged one).")
    String poolsFile;

    @Option(names = "--block", paramLabel = "latest|safe|finalized|NUMBER", defaultValue = "latest",
            converter = BlockSelectorConverter.class, description = "The block to read at (default: ${DEFAULT-VALUE}).")
    BlockSelector block;

    @Option(names = "--format", paramLabel = "table|json", defaultValue = "table",
            description = "Output: a readable table or JSON (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> overrides = new HashMap<>();
        if (rpc != null) {
            overrides.put("tracker.chain.rpc-url", rpc);
        }
        if (poolsFile != null) {
            overrides.put("tracker.pools-file", poolsFile);
        }
        try (ApplicationContext context = Contexts.start(overrides)) {
            Snapshot snapshot = context.getBean(SnapshotService.class).take(block);
            PoolRegistry registry = context.getBean(PoolRegistry.class);
            PrintWriter out = spec.commandLine().getOut();
            if (format == Format.JSON) {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(SnapshotView.of(snapshot, registry)));
            } else {
                out.print(SnapshotTable.render(snapshot, registry));
            }
            out.flush();
            List<PoolState> failed = snapshot.failedPools();
            if (!failed.isEmpty()) {
                spec.commandLine().getErr().println("error: " + failed.size() + " of " + snapshot.pools().size()
                        + " pools failed: " + String.join("; ", failed.stream()
                                .map(p -> p.id() + ": " + p.failure()).toList()));
                return Main.EXIT_CHAIN;
            }
            return 0;
        }
    }

    static final class BlockSelectorConverter implements CommandLine.ITypeConverter<BlockSelector> {
        @Override
        public BlockSelector convert(String value) {
            try {
                return BlockSelector.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
