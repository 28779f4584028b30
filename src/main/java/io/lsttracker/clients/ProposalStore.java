package io.lsttracker.clients;

import io.lsttracker.clients.ClientsTables.CountRow;
import io.lsttracker.clients.ClientsTables.CursorRepository;
import io.lsttracker.clients.ClientsTables.CursorRow;
import io.lsttracker.clients.ClientsTables.ProposalRepository;
import io.lsttracker.clients.ClientsTables.ProposalRow;
import io.lsttracker.db.StoreException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;

/**
 * The client-diversity storage (db/migration V80): one row per slot read and the cursor. A run of slots is stored
 * with the cursor in one transaction, so the cursor never passes a slot that is not stored.
 */
@Singleton
public class ProposalStore {
    static final String CURSOR = "proposals";

    private final ProposalRepository proposals;
    private final CursorRepository cursors;
    private final TransactionOperations<Connection> transactions;

    ProposalStore(ProposalRepository proposals, CursorRepository cursors,
            TransactionOperations<Connection> transactions) {
        this.proposals = proposals;
        this.cursors = cursors;
        this.transactions = transactions;
    }

    /** The last slot stored; every slot from the first one read up to it is stored. */
    public Optional<Long> lastSlot() {
        return StoreException.attempt("read the proposals cursor",
                () -> cursors.findById(CURSOR).map(CursorRow::lastSlot));
    }

    /** Stores a run of slots (each slot once) and moves the cursor to {@code toSlot}, in one transaction. */
    public void save(List<ProposalRow> run, long toSlot) {
        StoreException.attempt("store proposals up to slot " + toSlot, () -> transactions.executeWrite(status -> {
            proposals.saveAll(run);
            CursorRow row = new CursorRow(CURSOR, toSlot);
            if (cursors.existsById(CURSOR)) {
                cursors.update(row);
            } else {
                cursors.save(row);
            }
            return null;
        }));
    }

    /** Blocks per entity and pair of clients in [from, to]. */
    List<CountRow> counts(long from, long to) {
        return StoreException.attempt("count proposals of slots " + from + ".." + to,
                () -> proposals.counts(from, to));
    }

    /** Blocks per day of slots and pair of clients in [from, to], of one entity or (empty) of all. */
    List<ClientsTables.BucketRow> daily(long from, long to, Optional<String> entity) {
        return StoreException.attempt("count proposals per day of slots " + from + ".." + to,
                () -> entity.isPresent() ? proposals.dailyOf(from, to, entity.get()) : proposals.daily(from, to));
    }

    /** Slots without a block in [from, to]. */
    long missed(long from, long to) {
        return StoreException.attempt("count missed slots " + from + ".." + to, () -> proposals.missed(from, to));
    }

    /** Slots stored in [from, to], blocks and missed ones. */
    long slots(long from, long to) {
        return StoreException.attempt("count slots " + from + ".." + to, () -> proposals.slots(from, to));
    }
}
