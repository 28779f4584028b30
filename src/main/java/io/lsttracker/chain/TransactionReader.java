package io.lsttracker.chain;

import java.util.List;

/** Reads the sender and target of transactions by hash (eth_getTransactionByHash). */
public interface TransactionReader {

    /** A transaction's sender and target, lower-case hex; {@code to} is null for a contract creation. */
    record Parties(String hash, String from, String to) {
    }

    /**
     * The parties of each transaction, in the order asked. Implementations may send them all in one request
     * (JSON-RPC batch); the caller bounds how many it asks at once. A transaction the node does not know fails the
     * whole call.
     */
    List<Parties> parties(List<String> hashes);
}
