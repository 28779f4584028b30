package io.lsttracker.chain;

import java.util.List;
import org.web3j.abi.datatypes.Address;

/** Reads event logs (eth_getLogs) of one contract and one event over a closed block range. */
public interface LogReader {
    List<EventLog> logs(Address address, String topic0, long fromBlock, long toBlock);
}
