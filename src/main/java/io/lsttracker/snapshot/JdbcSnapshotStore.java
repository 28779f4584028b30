package io.lsttracker.snapshot;

import io.lsttracker.db.StoreException;
import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.PoolId;
import io.lsttracker.domain.Snapshot;
import io.lsttracker.snapshot.SnapshotTables.HistoryRepository;
import io.lsttracker.snapshot.SnapshotTables.HistoryRow;
import io.lsttracker.snapshot.SnapshotTables.PoolStateRepository;
import io.lsttracker.snapshot.SnapshotTables.PoolStateRow;
import io.lsttracker.snapshot.SnapshotTables.SnapshotRepository;
import io.lsttracker.snapshot.SnapshotTables.SnapshotRow;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@link SnapshotStore} over the repositories of {@link SnapshotTables}, in transactions of the framework. Times
 * are unix seconds in BIGINT columns so that bucketing is integer division on H2 and PostgreSQL alike.
 */
@Singleton
public final class JdbcSnapshotStore implements SnapshotStore {
    private final SnapshotRepository snapshots;
    private final PoolStateRepository pools;
    private final HistoryRepository history;
    private final TransactionOperations<Connection> transactions;
    private final ConnectionOperations<Connection> connections;

    JdbcSnapshotStore(SnapshotRepository snapshots, PoolStateRepository pools, HistoryRepository history,
            TransactionOperations<Connection> transactions, ConnectionOperations<Connection> connections) {
        this.snapshots = snapshots;
        this.pools = pools;
        this.history = history;
        this.transactions = transactions;
        this.connections = connections;
    }

    @Override
    public SaveOutcome save(Snapshot snapshot, List<SnapshotFigures.Prepared> figures) {
        BlockRef block = snapshot.block();
        return StoreException.attempt("store the snapshot of block " + block.number(), () -> {
            try {
                return transactions.executeWrite(status -> storeOrReplace(snapshot, figures));
            } catch (DataAccessException e) {
                if (StoreException.isConstraintViolation(e) && snapshots.findBlockHashByBlockNumber(block.number())
                        .map(block.hash()::equals).orElse(false)) {
                    return SaveOutcome.ALREADY_STORED; // a concurrent cycle stored the same block first
                }
                throw e;
            }
        });
    }

    @Override
    public List<SaveOutcome> saveTogether(List<Snapshot> snapshots, List<List<SnapshotFigures.Prepared>> figures) {
        return StoreException.attempt("store the snapshots of " + snapshots.size() + " blocks together",
                () -> transactions.executeWrite(status -> {
                    List<SaveOutcome> outcomes = new java.util.ArrayList<>();
                    for (int i = 0; i < snapshots.size(); i++) {
                        outcomes.add(storeOrReplace(snapshots.get(i), figures.get(i)));
                    }
                    return outcomes;
                }));
    }

    /** Inside the transaction: the snapshot, its pools and the derived figures, or nothing if already stored. */
    private SaveOutcome storeOrReplace(Snapshot snapshot, List<SnapshotFigures.Prepared> figures) {
        BlockRef block = snapshot.block();
        SaveOutcome outcome = SaveOutcome.STORED;
        Optional<String> storedHash = snapshots.findBlockHashByBlockNumber(block.number());
        if (storedHash.isPresent()) {
            if (storedHash.get().equals(block.hash())) {
                return SaveOutcome.ALREADY_STORED;
            }
            snapshots.deleteByBlockNumber(block.number());
            outcome = SaveOutcome.REPLACED;
        }
        snapshots.save(SnapshotRow.of(snapshot, System.currentTimeMillis()));
        if (!snapshot.pools().isEmpty()) {
            pools.saveAll(snapshot.pools().stream().map(pool -> PoolStateRow.of(block, pool)).toList());
        }
        figures.forEach(SnapshotFigures.Prepared::store);
        return outcome;
    }

    @Override
    public Optional<BlockRef> head() {
        return StoreException.attempt("read the stored head",
                () -> snapshots.findFirstOrderByBlockNumberDesc().map(SnapshotRow::block));
    }

    @Override
    public Optional<Snapshot> latest() {
        return StoreException.attempt("read the latest snapshot", () -> transactions.executeRead(status ->
                snapshots.findFirstOrderByBlockNumberDesc().map(row -> new Snapshot(row.chainId(), row.block(),
                        pools.findByKeyBlockNumber(row.blockNumber()).stream().map(PoolStateRow::poolState)
                                .toList()))));
    }

    @Override
    public List<HistoryPoint> history(PoolId pool, Instant from, Instant to, Duration interval) {
        long bucket = interval.getSeconds();
        if (bucket < 1) {
            throw new IllegalArgumentException("interval must be at least one second");
        }
        // The most buckets [from, to) can touch: the query's cap (see HistoryRepository.lastPerBucket).
        long buckets = Math.max(1, (to.getEpochSecond() - 1) / bucket - from.getEpochSecond() / bucket + 1);
        return StoreException.attempt("read the history of " + pool, () -> history.lastPerBucket(pool.value(),
                from.getEpochSecond(), to.getEpochSecond(), bucket, buckets).stream().map(HistoryRow::historyPoint)
                .toList());
    }

    @Override
    public boolean isReachable() {
        try {
            return connections.executeRead(status -> {
                try {
                    return status.getConnection().isValid(2);
                } catch (SQLException e) {
                    return false;
                }
            });
        } catch (RuntimeException e) {
            return false;
        }
    }
}
