package io.lsttracker.entity;

import io.lsttracker.chain.TransactionLogReader;
import io.lsttracker.chain.TransactionLogReader.TransactionLog;
import io.lsttracker.chain.TransactionReader;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.abi.datatypes.Address;

/**
 * The deposit index (rule 2, docs/ENTITIES.md): the deposit contract's DepositEvent logs from its first block, in
 * pages of {@code page-blocks}, each log's transaction sender and target read in batches of
 * {@code transactions-per-batch} (eth_getTransactionByHash, one JSON-RPC batch each), every page stored with its
 * cursor in one transaction: resumable, nothing read twice. At most {@code pages-per-cycle} pages a call, so the
 * first backfill of mainnet's two million deposits spreads over many cycles instead of holding one up. A reorg
 * rewinds it ({@link EntityStore#rewindTo}) like the reward events.
 */
@Singleton
public final class DepositIndexer {
    private static final Logger LOG = LoggerFactory.getLogger(DepositIndexer.class);

    private final TransactionLogReader logs;
    private final TransactionReader transactions;
    private final EntityStore store;
    private final Address contract;
    private final long firstBlock;
    private final long pageBlocks;
    private final int batch;
    private final int pagesPerCall;

    public DepositIndexer(TransactionLogReader logs, TransactionReader transactions, EntityStore store,
            EntityChainSettings settings) {
        this.logs = logs;
        this.transactions = transactions;
        this.store = store;
        this.contract = new Address(settings.depositContract());
        this.firstBlock = settings.depositFirstBlock();
        this.pageBlocks = settings.pageBlocks();
        this.batch = settings.transactionsPerBatch();
        this.pagesPerCall = settings.pagesPerCycle();
    }

    /** The last block indexed, if any. */
    public java.util.Optional<Long> indexedTo() {
        return store.cursor(EntityStore.DEPOSITS);
    }

    /**
     * Indexes up to {@code pages-per-cycle} pages toward {@code confirmed}.
     *
     * @return whether the index now reaches {@code confirmed}
     */
    public synchronized boolean indexToward(long confirmed) {
        long from = store.cursor(EntityStore.DEPOSITS).map(last -> last + 1).orElse(firstBlock);
        int pages = 0;
        int stored = 0;
        while (from <= confirmed && pages < pagesPerCall) {
            long end = Math.min(confirmed, from + pageBlocks - 1);
            List<Deposit> page = page(from, end);
            store.saveDeposits(page, end);
            stored += page.size();
            pages++;
            from = end + 1;
        }
        if (stored > 0) {
            LOG.info("deposit index: {} deposit(s) stored, now at block {} (target {})", stored, from - 1, confirmed);
        }
        return from > confirmed;
    }

    private List<Deposit> page(long from, long to) {
        List<TransactionLog> found = logs.logsWithTransactions(contract, DepositEvents.TOPIC0, from, to);
        List<String> hashes = found.stream().map(TransactionLog::transactionHash).distinct().toList();
        Map<String, TransactionReader.Parties> parties = new HashMap<>();
        for (int i = 0; i < hashes.size(); i += batch) {
            for (TransactionReader.Parties p : transactions.parties(hashes.subList(i, Math.min(hashes.size(),
                    i + batch)))) {
                parties.put(p.hash(), p);
            }
        }
        List<Deposit> deposits = new ArrayList<>(found.size());
        for (TransactionLog log : found) {
            TransactionReader.Parties p = parties.get(log.transactionHash());
            deposits.add(DepositEvents.decode(log.log(), log.transactionHash(), p.from(), p.to()));
        }
        return deposits;
    }
}
