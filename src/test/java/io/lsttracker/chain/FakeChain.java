package io.lsttracker.chain;

import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.BlockSelector;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.web3j.abi.datatypes.Address;
import org.web3j.utils.Numeric;

/**
 * The one test double of the chain (our {@link ChainReader} and {@link LogReader}) for tests that script what
 * the chain says instead of running the devchain: blocks up to a head (block n at 12 s x n after a genesis
 * time, its hash set by the test where a reorg needs another one), the answer of each call of a multicall at
 * each block, the logs of the chain, and failures. It records what it was asked (pins, multicalls with their
 * block, log ranges), so a test can check how the chain was read, or that it was not read at all.
 */
public final class FakeChain implements ChainReader, LogReader {
    /** What one multicall asked: the block it was pinned to and its calls, in order. */
    public record Multicall(BlockRef block, List<ContractCall> calls) {
    }

    /** One eth_getLogs asked: the contract, the event's topic0 and the block range. */
    public record LogRange(Address address, String topic0, long fromBlock, long toBlock) {
    }

    private static final long BLOCK_SECONDS = 12;

    private final Instant genesis;
    private final Map<Long, String> hashes = new HashMap<>();
    private final List<Multicall> multicalls = new ArrayList<>();
    private final List<LogRange> logRanges = new ArrayList<>();
    private final List<EventLog> logs = new ArrayList<>();
    private long head;
    private int pins;
    private BiFunction<BlockRef, ContractCall, CallResult> answers = (block, call) -> {
        throw new AssertionError("no answer scripted for " + call + " at block " + block.number());
    };
    private String down;
    private Long failLogsFrom;
    private String logsFailure;

    /** A chain whose block n has the timestamp {@code genesis} + 12 s x n. */
    public FakeChain(Instant genesis) {
        this.genesis = genesis;
    }

    /** The newest block, which "latest" (and every tag) pins. */
    public synchronized FakeChain head(long number) {
        this.head = number;
        return this;
    }

    /** Block {@code number} is now the block {@code hash}: another branch after a reorg. */
    public synchronized FakeChain replace(long number, String hash) {
        hashes.put(number, hash);
        return this;
    }

    /** Answers each call of a multicall at any block. */
    public synchronized FakeChain answer(Function<ContractCall, CallResult> answer) {
        return answerAt((block, call) -> answer.apply(call));
    }

    /** Answers each call of a multicall by the block it is read at. */
    public synchronized FakeChain answerAt(BiFunction<BlockRef, ContractCall, CallResult> answer) {
        this.answers = Objects.requireNonNull(answer);
        return this;
    }

    /** Adds logs that eth_getLogs finds (by address, topic0 and block). */
    public synchronized FakeChain log(EventLog log) {
        logs.add(log);
        return this;
    }

    /** Every read fails with {@code message}, as reads of an unreachable node do, until {@link #up()}. */
    public synchronized FakeChain down(String message) {
        this.down = message;
        return this;
    }

    public synchronized FakeChain up() {
        this.down = null;
        return this;
    }

    /** The eth_getLogs of a range starting at {@code fromBlock} fails with {@code message} (null: none fails). */
    public synchronized FakeChain failLogsFrom(Long fromBlock, String message) {
        this.failLogsFrom = fromBlock;
        this.logsFailure = message;
        return this;
    }

    /** The block as this chain has it now. */
    public synchronized BlockRef block(long number) {
        return new BlockRef(number, hashes.getOrDefault(number, hash(number, "a")),
                genesis.plusSeconds(BLOCK_SECONDS * number));
    }

    /** A block hash of branch {@code fork} (one hex letter): the same number on two branches has two hashes. */
    public static String hash(long number, String fork) {
        return "0x" + fork.repeat(48) + String.format("%016x", number);
    }

    public synchronized int pins() {
        return pins;
    }

    public synchronized List<Multicall> multicalls() {
        return List.copyOf(multicalls);
    }

    public synchronized List<LogRange> logRanges() {
        return List.copyOf(logRanges);
    }

    /** Forgets what was asked so far (the chain's state stays). */
    public synchronized void clearRecords() {
        multicalls.clear();
        logRanges.clear();
        pins = 0;
    }

    @Override
    public long chainId() {
        return 1;
    }

    @Override
    public synchronized BlockRef pin(BlockSelector selector) {
        failIfDown();
        pins++;
        return block(selector instanceof BlockSelector.Number n ? n.value()
                : selector.equals(BlockSelector.EARLIEST) ? 0 : head);
    }

    @Override
    public synchronized List<CallResult> aggregate(BlockRef block, List<ContractCall> calls) {
        failIfDown();
        multicalls.add(new Multicall(block, List.copyOf(calls)));
        return calls.stream().map(call -> answers.apply(block, call)).toList();
    }

    @Override
    public synchronized List<EventLog> logs(Address address, String topic0, long fromBlock, long toBlock) {
        failIfDown();
        if (failLogsFrom != null && failLogsFrom == fromBlock) {
            throw new ChainReadException(logsFailure);
        }
        logRanges.add(new LogRange(address, topic0, fromBlock, toBlock));
        return logs.stream().filter(log -> log.address().equalsIgnoreCase(address.toString())
                && log.topics().get(0).equals(topic0) && log.blockNumber() >= fromBlock && log.blockNumber() <= toBlock)
                .toList();
    }

    private void failIfDown() {
        if (down != null) {
            throw new ChainReadException(down);
        }
    }

    /** A call that succeeded and returned these 32-byte words. */
    public static CallResult words(BigInteger... values) {
        StringBuilder hex = new StringBuilder();
        for (BigInteger value : values) {
            hex.append(Numeric.toHexStringNoPrefixZeroPadded(value, 64));
        }
        return new CallResult(true, Numeric.hexStringToByteArray(hex.toString()));
    }

    /** A call that reverted without data. */
    public static CallResult reverted() {
        return new CallResult(false, new byte[0]);
    }
}
