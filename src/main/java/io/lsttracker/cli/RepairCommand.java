package io.lsttracker.cli;

import io.lsttracker.rewards.EventIndexer;
import io.lsttracker.snapshot.SnapshotRepair;
import io.lsttracker.snapshot.SnapshotStore;
import io.micronaut.context.ApplicationContext;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code repair}: replaces the stored snapshots of a block range that a reorg deeper than the depth orphaned. */
@Command(name = "repair", mixinStandardHelpOptions = true,
        description = {"Compare every snapshot stored from --from-block to --to-block with the canonical chain and",
                "replace the orphaned ones (a reorg deeper than tracker.reorg-depth, which the live cycle does not",
                "look below): each is read again at its block number and all are replaced in one transaction.",
                "Database: as for serve (LST_DB_URL); safe to run while serve runs."})
final class RepairCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--from-block", required = true, paramLabel = "N", description = "First block of the range.")
    long fromBlock;

    @Option(names = "--to-block", required = true, paramLabel = "N",
            description = "Last block of the range (inclusive), at most the chain's head.")
    long toBlock;

    @CommandLine.Mixin
    ChainOptions chain;

    @Override
    public Integer call() {
        SnapshotRepair.checkRange(fromBlock, toBlock); // before anything starts
        PrintWriter out = spec.commandLine().getOut();
        try (ApplicationContext context = Contexts.startWithDatabase(chain.overrides())) {
            SnapshotRepair.Report report = context.getBean(SnapshotRepair.class).repair(fromBlock, toBlock);
            if (!report.replaced().isEmpty()) {
                // The report events were forgotten from the first orphaned block on and read again up to the last
                // replaced one; those above it, up to the stored head, are read again now (serve would at its next
                // cycle), so the reward windows are whole when the command ends.
                context.getBean(SnapshotStore.class).head()
                        .ifPresent(head -> context.getBean(EventIndexer.class).indexUpTo(head));
            }
            out.println(report.summary());
            out.flush();
        }
        return 0;
    }
}
