package io.lsttracker.snapshot;

import io.lsttracker.db.StoreException;
import io.lsttracker.snapshot.SnapshotTables.SnapshotRepository;
import io.lsttracker.snapshot.SnapshotTables.SnapshotRow;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/** Which blocks already have a snapshot, so a backfill skips them without reading the chain again. */
@Singleton
public class StoredBlocks {
    private final SnapshotRepository snapshots;

    StoredBlocks(SnapshotRepository snapshots) {
        this.snapshots = snapshots;
    }

    /** Hash of every stored snapshot with a block number in [from, to]. */
    public Map<Long, String> hashesBetween(long from, long to) {
        return StoreException.attempt("read which blocks are stored", () -> snapshots.findByBlockNumberBetween(from, to)
                .stream().collect(Collectors.toMap(SnapshotRow::blockNumber, SnapshotRow::blockHash)));
    }

    /** Hash of each of {@code blockNumbers} that has a stored snapshot. */
    public Map<Long, String> hashesOf(Collection<Long> blockNumbers) {
        return StoreException.attempt("read the hashes of stored blocks", () -> snapshots
                .findByBlockNumberIn(blockNumbers).stream()
                .collect(Collectors.toMap(SnapshotRow::blockNumber, SnapshotRow::blockHash)));
    }
}
