package io.lsttracker.chain;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import org.web3j.utils.Numeric;

/**
 * One log as eth_getLogs returns it: where it was emitted (address, block, index in the block) and its raw
 * topics and data, kept raw so that any figure derived from it can be re-derived from what the chain said.
 */
public record EventLog(String address, long blockNumber, String blockHash, long logIndex, List<String> topics,
        String data) {
    public EventLog {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(blockHash, "blockHash");
        topics = List.copyOf(topics);
        Objects.requireNonNull(data, "data");
    }

    /** The data as 32-byte words (each an unsigned integer); refuses data that is not whole words. */
    public List<BigInteger> words() {
        String digits = Numeric.cleanHexPrefix(data);
        if (digits.length() % 64 != 0 || !digits.matches("[0-9a-fA-F]*")) {
            throw new ChainReadException("the log at block " + blockNumber + " index " + logIndex
                    + " has data that is not whole 32-byte words: " + data);
        }
        return java.util.stream.IntStream.range(0, digits.length() / 64)
                .mapToObj(i -> new BigInteger(digits.substring(i * 64, i * 64 + 64), 16)).toList();
    }

    /** An indexed uint256 topic. */
    public BigInteger topicUint(int index) {
        if (topics.size() <= index) {
            throw new ChainReadException("the log at block " + blockNumber + " index " + logIndex + " has "
                    + topics.size() + " topics, expected at least " + (index + 1));
        }
        return Numeric.toBigInt(topics.get(index));
    }
}
