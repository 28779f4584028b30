package io.lsttracker.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lsttracker.api.RewardsJson;
import io.lsttracker.api.SnapshotView;
import io.lsttracker.rewards.LiveRewards;
import io.lsttracker.rewards.RewardService;
import io.lsttracker.pool.PoolRegistry;
import io.lsttracker.domain.BlockSelector;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Snapshot;
import io.lsttracker.snapshot.SnapshotService;
import io.micronaut.context.ApplicationContext;
import java.io.PrintWriter;
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

    @CommandLine.Mixin
    ChainOptions chain;

    @Option(names = "--block", paramLabel = "latest|safe|finalized|NUMBER", defaultValue = "latest",
            converter = BlockSelectorConverter.class, description = "The block to read at (default: ${DEFAULT-VALUE}).")
    BlockSelector block;

    @Option(names = "--format", paramLabel = "table|json", defaultValue = "table",
            description = "Output: a readable table or JSON (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--rewards", description = {"Also print reward rates (APR, APY) over the last report, 1, 7, 30 days",
            "and since the events read: Lido and Rocket Pool from report events read live (eth_getLogs),",
            "other pools from the rate at the block 1, 7, 30 days back (needs an archive node)."})
    boolean rewards;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> overrides = chain.overrides();
        try (ApplicationContext context = Contexts.start(overrides)) {
            Snapshot snapshot = context.getBean(SnapshotService.class).take(block);
            PoolRegistry registry = context.getBean(PoolRegistry.class);
            PrintWriter out = spec.commandLine().getOut();
            List<RewardService.PoolRewards> rates = rewards ? context.getBean(LiveRewards.class).rewards(snapshot) : null;
            if (format == Format.JSON) {
                ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
                ObjectNode view = json.valueToTree(SnapshotView.of(snapshot, registry));
                if (rates != null) {
                    view.set("rewards", json.valueToTree(RewardsJson.of(rates)));
                }
                out.println(json.writeValueAsString(view));
            } else {
                out.print(SnapshotTable.render(snapshot, registry));
                if (rates != null) {
                    out.print(RewardsTable.render(rates));
                }
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
