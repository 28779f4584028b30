package io.lsttracker.chain;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.web3j.abi.datatypes.Address;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;

/** {@link LogReader} over web3j: one eth_getLogs per call; the caller pages the block range. */
public final class Web3jLogReader implements LogReader, TransactionLogReader {
    private final RpcConnection rpc;

    public Web3jLogReader(RpcConnection rpc) {
        this.rpc = rpc;
    }

    @Override
    public List<EventLog> logs(Address address, String topic0, long fromBlock, long toBlock) {
        return read(address, topic0, fromBlock, toBlock).stream().map(TransactionLog::log).toList();
    }

    @Override
    public List<TransactionLog> logsWithTransactions(Address address, String topic0, long fromBlock, long toBlock) {
        return read(address, topic0, fromBlock, toBlock);
    }

    private List<TransactionLog> read(Address address, String topic0, long fromBlock, long toBlock) {
        if (fromBlock > toBlock) {
            throw new IllegalArgumentException("block range " + fromBlock + ".." + toBlock + " is empty");
        }
        EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.valueOf(fromBlock)),
                DefaultBlockParameter.valueOf(BigInteger.valueOf(toBlock)), address.toString());
        filter.addSingleTopic(topic0);
        String what = "eth_getLogs(" + address + ", " + topic0.substring(0, 10) + "..., blocks " + fromBlock + ".."
                + toBlock + ")";
        EthLog answer;
        try {
            answer = rpc.web3j().ethGetLogs(filter).send();
        } catch (IOException e) {
            throw rpc.unreachable(what, e);
        } catch (WrongChainException e) {
            throw e; // raised by the failover: it says which endpoint serves which chain
        } catch (RuntimeException e) {
            throw new ChainReadException(rpc.url() + " answered " + what + " with something that is not JSON-RPC: "
                    + e.getMessage(), e);
        }
        if (answer.hasError()) {
            throw new ChainReadException(what + " failed at " + rpc.url() + ": " + answer.getError().getMessage()
                    + " (code " + answer.getError().getCode() + "); a smaller tracker.rewards.page-blocks may help");
        }
        List<TransactionLog> logs = new ArrayList<>();
        for (EthLog.LogResult<?> result : answer.getLogs()) {
            if (!(result instanceof EthLog.LogObject object)) {
                throw new ChainReadException(what + " returned log hashes instead of log objects");
            }
            logs.add(toEventLog(object, what));
        }
        return logs;
    }

    private static TransactionLog toEventLog(Log log, String what) {
        if (log.isRemoved()) {
            throw new ChainReadException(what + " returned a removed log at block " + log.getBlockNumberRaw()
                    + ": the range is not confirmed");
        }
        if (log.getBlockNumberRaw() == null || log.getBlockHash() == null || log.getLogIndexRaw() == null
                || log.getTopics() == null || log.getData() == null) {
            throw new ChainReadException(what + " returned a log without its block, index, topics or data");
        }
        if (log.getTransactionHash() == null) {
            throw new ChainReadException(what + " returned a log without its transaction hash");
        }
        return new TransactionLog(new EventLog(log.getAddress(), log.getBlockNumber().longValueExact(),
                log.getBlockHash(), log.getLogIndex().longValueExact(), log.getTopics(), log.getData()),
                log.getTransactionHash());
    }
}
