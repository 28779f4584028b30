package io.lsttracker.chain;

import java.util.List;
import org.web3j.abi.datatypes.Address;

/** Reads event logs (eth_getLogs) with the hash of the transaction that emitted each. */
public interface TransactionLogReader {

    /** A log and the hash of its transaction. */
    record TransactionLog(EventLog log, String transactionHash) {
    }

    List<TransactionLog> logsWithTransactions(Address address, String topic0, long fromBlock, long toBlock);
}
