package io.lsttracker.rewards;

import io.lsttracker.chain.EventLog;
import io.lsttracker.db.StoreException;
import io.lsttracker.domain.PoolId;
import io.lsttracker.rewards.RewardTables.RateReadingRepository;
import io.lsttracker.rewards.RewardTables.RateReadingRow;
import io.lsttracker.rewards.RewardTables.RewardCursorRepository;
import io.lsttracker.rewards.RewardTables.RewardCursorRow;
import io.lsttracker.rewards.RewardTables.RewardEventRepository;
import io.lsttracker.rewards.RewardTables.RewardEventRow;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;

/** {@link RewardStore} over the repositories of {@link RewardTables}, in transactions of the framework. */
@Singleton
public final class JdbcRewardStore implements RewardStore {
    private final RewardEventRepository events;
    private final RewardCursorRepository cursors;
    private final RateReadingRepository rates;
    private final TransactionOperations<Connection> transactions;

    JdbcRewardStore(RewardEventRepository events, RewardCursorRepository cursors, RateReadingRepository rates,
            TransactionOperations<Connection> transactions) {
        this.events = events;
        this.cursors = cursors;
        this.rates = rates;
        this.transactions = transactions;
    }

    @Override
    public Optional<Long> cursor(PoolId pool, String event) {
        return StoreException.attempt("read the event cursor of " + pool + " " + event,
                () -> cursors.findById(new RewardCursorRow.Key(pool.value(), event)).map(RewardCursorRow::lastBlock));
    }

    @Override
    public Optional<Long> indexedFrom(PoolId pool, String event) {
        return StoreException.attempt("read where the " + event + " logs of " + pool + " were first read from",
                () -> cursors.findById(new RewardCursorRow.Key(pool.value(), event)).map(RewardCursorRow::firstBlock));
    }

    @Override
    public void savePage(PoolId pool, String event, List<EventLog> logs, long indexedFrom, long toBlock) {
        // A page is only ever stored once (the cursor moves with it), so plain inserts suffice; a duplicate
        // key means two indexers raced, and the transaction rolls back without harm.
        StoreException.attempt("store " + pool + " " + event + " logs up to block " + toBlock,
                () -> transactions.executeWrite(status -> {
                    if (!logs.isEmpty()) {
                        events.saveAll(logs.stream().map(log -> RewardEventRow.of(pool, event, log)).toList());
                    }
                    RewardCursorRow.Key key = new RewardCursorRow.Key(pool.value(), event);
                    Optional<RewardCursorRow> stored = cursors.findById(key);
                    if (stored.isPresent()) {
                        // Where the reading began stays; a cursor from before it was recorded keeps none.
                        return cursors.update(new RewardCursorRow(key, toBlock, stored.get().firstBlock()));
                    }
                    return cursors.save(new RewardCursorRow(key, toBlock, indexedFrom));
                }));
    }

    @Override
    public List<EventLog> events(PoolId pool, String event) {
        return StoreException.attempt("read the " + event + " logs of " + pool, () -> events
                .findByKeyPoolIdAndKeyEventName(pool.value(), event, RewardEventRow.CHAIN_ORDER).stream()
                .map(RewardEventRow::log).toList());
    }

    @Override
    public void rewindTo(long block) {
        StoreException.attempt("forget reward events from block " + block, () -> transactions.executeWrite(status -> {
            events.deleteByKeyBlockNumberGreaterThanEquals(block);
            cursors.rewindTo(block - 1);
            return null;
        }));
    }

    @Override
    public List<SnapshotSteps.Reading> rateChanges(PoolId pool) {
        return StoreException.attempt("read the rate changes of " + pool,
                () -> rates.rateChanges(pool.value()).stream().map(RateReadingRow::reading).toList());
    }
}
