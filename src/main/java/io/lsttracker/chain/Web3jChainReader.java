package io.lsttracker.chain;

import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.BlockSelector;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.abi.datatypes.Address;
import org.web3j.crypto.Keys;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.utils.Numeric;

/**
 * {@link ChainReader} over web3j's JSON-RPC client. A snapshot costs two requests: eth_getBlockByNumber to
 * pin the block, then one eth_call to Multicall3 addressed by block hash (EIP-1898), so a reorg between the
 * two makes the call fail instead of reading another block than the one reported. When the connection checks the
 * chain id, every read's request is a JSON-RPC batch that asks eth_chainId with it (still one request): an answer
 * from another chain fails the read ({@link WrongChainException}).
 *
 * <p>Some nodes and gateways refuse the hash form (ganache 7 answers -32700 "Cannot wrap a object"). The first
 * read that fails tells: if an empty multicall at the head answers by number but not by hash, this reader
 * addresses blocks by number from then on, with the block's hash checked before and after each read
 * ({@link Addressing#NUMBER_CHECKED}); a hash that changed in between is a reorg, reported as
 * {@link BlockReplacedException} so that the caller pins and reads again. The mode in use is logged once.
 */
public final class Web3jChainReader implements ChainReader {
    private static final Logger LOG = LoggerFactory.getLogger(Web3jChainReader.class);
    private final RpcConnection rpc;
    private final Address multicall3;
    private volatile Long chainId;
    private volatile Addressing addressing;

    public Web3jChainReader(RpcConnection rpc, Address multicall3) {
        this.rpc = rpc;
        this.multicall3 = multicall3;
    }

    @Override
    public long chainId() {
        Long known = chainId;
        if (known == null) {
            known = send("eth_chainId", rpc.web3j().ethChainId()).getChainId().longValueExact();
            chainId = known;
        }
        return known;
    }

    @Override
    public BlockRef pin(BlockSelector selector) {
        DefaultBlockParameter parameter = selector instanceof BlockSelector.Number number
                ? DefaultBlockParameter.valueOf(BigInteger.valueOf(number.value()))
                : DefaultBlockParameterName.fromString(((BlockSelector.Tag) selector).name());
        EthBlock.Block block = send("eth_getBlockByNumber(" + selector + ")",
                rpc.web3j().ethGetBlockByNumber(parameter, false)).getBlock();
        if (block == null) {
            if (selector instanceof BlockSelector.Number number) {
                BigInteger head = send("eth_blockNumber", rpc.web3j().ethBlockNumber()).getBlockNumber();
                if (BigInteger.valueOf(number.value()).compareTo(head) > 0) {
                    throw new ChainReadException("block " + number.value() + " is past the chain head (block " + head
                            + ")");
                }
                throw new ChainReadException("the node does not serve block " + number.value() + " (its head is block "
                        + head + "): its history starts later, or it has pruned that block");
            }
            throw new ChainReadException("the node has no '" + selector + "' block");
        }
        return blockRef(selector.toString(), block);
    }

    private static BlockRef blockRef(String selector, EthBlock.Block block) {
        if (block.getNumber() == null || block.getHash() == null || block.getTimestamp() == null) {
            throw new ChainReadException("the node answered eth_getBlockByNumber(" + selector
                    + ") with a block that lacks its number, hash or timestamp");
        }
        return new BlockRef(block.getNumber().longValueExact(), block.getHash(),
                Instant.ofEpochSecond(block.getTimestamp().longValueExact()));
    }

    /** All headers in ONE JSON-RPC batch request. */
    @Override
    public List<BlockRef> headers(List<Long> numbers) {
        List<Request<?, EthBlock>> requests = new ArrayList<>();
        for (long n : numbers) {
            requests.add(rpc.web3j().ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(n)), false));
        }
        List<EthBlock> answers = JsonRpcBatch.send(rpc, "eth_getBlockByNumber of " + numbers.size() + " blocks",
                requests, i -> "eth_getBlockByNumber(" + numbers.get(i) + ")");
        List<BlockRef> headers = new ArrayList<>(numbers.size());
        for (int i = 0; i < numbers.size(); i++) {
            EthBlock.Block block = answers.get(i).getBlock();
            if (block == null) {
                throw new ChainReadException("block " + numbers.get(i) + " is past the chain head (eth_getBlockByNumber "
                        + "answered null)");
            }
            headers.add(blockRef(Long.toString(numbers.get(i)), block));
        }
        return headers;
    }

    /** How reads address their block: by hash (EIP-1898), or by number with the hash checked around the read. */
    public enum Addressing {
        HASH,
        NUMBER_CHECKED
    }

    /** The addressing in use: empty until the first read has told. */
    public Optional<Addressing> addressing() {
        return Optional.ofNullable(addressing);
    }

    @Override
    public List<CallResult> aggregate(BlockRef block, List<ContractCall> calls) {
        if (calls.isEmpty()) {
            return List.of();
        }
        if (addressing != Addressing.NUMBER_CHECKED) {
            EthCall answer = read(block, calls, Addressing.HASH);
            if (!answer.hasError()) {
                settle(Addressing.HASH);
            }
            if (!answer.hasError() || !refusesHashes()) {
                return answered(block, calls, answer, Addressing.HASH);
            }
        }
        requireCanonical(List.of(block), "before");
        EthCall answer = read(block, calls, Addressing.NUMBER_CHECKED);
        List<CallResult> results = answered(block, calls, answer, Addressing.NUMBER_CHECKED);
        requireCanonical(List.of(block), "after");
        return results;
    }

    /**
     * Every multicall in ONE JSON-RPC batch request, each addressed by its block's hash (or, on a node that refuses
     * hashes, by number between two batches of headers that check the hashes).
     */
    @Override
    public List<List<CallResult>> aggregateAll(List<BlockCalls> reads) {
        List<BlockCalls> nonEmpty = reads.stream().filter(r -> !r.calls().isEmpty()).toList();
        if (nonEmpty.isEmpty()) {
            return reads.stream().map(r -> List.<CallResult>of()).toList();
        }
        if (addressing != Addressing.NUMBER_CHECKED) {
            List<EthCall> answers = callAll(nonEmpty, Addressing.HASH);
            if (answers.stream().anyMatch(a -> !a.hasError())) {
                settle(Addressing.HASH);
            }
            if (answers.stream().noneMatch(EthCall::hasError) || !refusesHashes()) {
                return results(reads, answers, Addressing.HASH);
            }
        }
        List<BlockRef> blocks = nonEmpty.stream().map(BlockCalls::block).toList();
        requireCanonical(blocks, "before");
        List<List<CallResult>> results = results(reads, callAll(nonEmpty, Addressing.NUMBER_CHECKED),
                Addressing.NUMBER_CHECKED);
        requireCanonical(blocks, "after");
        return results;
    }

    /**
     * One multicall: with a chain id to check, batched with eth_chainId (one HTTP request still), so an endpoint
     * switched to another chain fails the read instead of handing over that chain's state.
     */
    private EthCall read(BlockRef block, List<ContractCall> calls, Addressing mode) {
        Request<?, EthCall> request = callRequest(block, calls, mode);
        if (rpc.expectedChainId().isEmpty()) {
            return sendKeepingError(what(block), request);
        }
        return JsonRpcBatch.sendReads(rpc, what(block), List.of(request), i -> what(block)).get(0);
    }

    private List<EthCall> callAll(List<BlockCalls> reads, Addressing mode) {
        List<Request<?, EthCall>> requests = new ArrayList<>();
        reads.forEach(r -> requests.add(callRequest(r.block(), r.calls(), mode)));
        return JsonRpcBatch.sendReads(rpc, "eth_call to Multicall3 at " + reads.size() + " blocks", requests,
                i -> what(reads.get(i).block()));
    }

    private List<List<CallResult>> results(List<BlockCalls> reads, List<EthCall> answers, Addressing mode) {
        List<List<CallResult>> results = new ArrayList<>(reads.size());
        int next = 0;
        for (BlockCalls read : reads) {
            results.add(read.calls().isEmpty() ? List.of()
                    : answered(read.block(), read.calls(), answers.get(next++), mode));
        }
        return results;
    }

    /**
     * Whether a multicall that failed did so because the node refuses blocks addressed by hash: decided once, on the
     * first failure before any read by hash succeeded, by an empty multicall at the head asked both ways. An answer
     * by number and none by hash means the node cannot take the hash form; anything else leaves the failure to be
     * judged as any other (and the question open, if the probe could not be made).
     */
    private boolean refusesHashes() {
        if (addressing != null) {
            return addressing == Addressing.NUMBER_CHECKED;
        }
        synchronized (this) {
            if (addressing != null) {
                return addressing == Addressing.NUMBER_CHECKED;
            }
            BlockRef head;
            EthCall byHash;
            EthCall byNumber;
            try {
                head = pin(BlockSelector.LATEST);
                byHash = sendKeepingError("eth_call to Multicall3 by block hash",
                        callRequest(head, List.of(), Addressing.HASH));
                byNumber = sendKeepingError("eth_call to Multicall3 by block number",
                        callRequest(head, List.of(), Addressing.NUMBER_CHECKED));
            } catch (ChainReadException e) {
                return false;
            }
            if (!byHash.hasError()) {
                settle(Addressing.HASH);
                return false;
            }
            if (byNumber.hasError()) {
                return false;
            }
            LOG.warn("{} refuses blocks addressed by hash (EIP-1898: \"{}\"); reading by block number instead, with "
                    + "the block's hash checked before and after each read (two more requests per read)",
                    rpc.url(), byHash.getError().getMessage());
            addressing = Addressing.NUMBER_CHECKED;
            return true;
        }
    }

    private void settle(Addressing mode) {
        if (addressing == null) {
            synchronized (this) {
                if (addressing == null) {
                    addressing = mode;
                    LOG.info("{} takes blocks addressed by hash (EIP-1898): every read names its pinned block's hash",
                            rpc.url());
                }
            }
        }
    }

    /**
     * Fails with {@link BlockReplacedException} unless each block's number still names its hash: read by number,
     * a block replaced by a reorg before or after the read means the read may hold another block's state.
     */
    private void requireCanonical(List<BlockRef> blocks, String when) {
        List<BlockRef> now = headers(blocks.stream().map(BlockRef::number).toList());
        for (int i = 0; i < blocks.size(); i++) {
            if (!now.get(i).hash().equals(blocks.get(i).hash())) {
                throw new BlockReplacedException("block " + blocks.get(i).number() + " was " + blocks.get(i).hash()
                        + " but is " + now.get(i).hash() + " " + when + " the read by number: a reorg replaced it");
            }
        }
    }

    /**
     * The results of one multicall from its answer. Multicall3's aggregate3 gives each sub-call all the gas left,
     * so one contract that burns it all (an endless loop, an invalid opcode) fails the whole eth_call, or leaves
     * the calls after it too little gas to run. Either way the calls concerned are read again, each alone, in one
     * batch: the offender fails alone and the others answer as they would have. In the normal case (every call
     * answers) this costs nothing more than the one eth_call.
     */
    private List<CallResult> answered(BlockRef block, List<ContractCall> calls, EthCall answer, Addressing mode) {
        if (answer.hasError()) {
            ChainReadException whole = JsonRpcBatch.failure(rpc, what(block), answer.getError());
            if (whole instanceof ArchiveNodeRequiredException) {
                throw whole; // the node lacks the block's state: no call can answer
            }
            List<Integer> all = java.util.stream.IntStream.range(0, calls.size()).boxed().toList();
            List<CallResult> alone = alone(block, calls, all, whole, mode);
            LOG.warn("{} failed as a whole ({}); read its {} calls one by one: {}", what(block),
                    answer.getError().getMessage(), calls.size(), describeFailures(calls, alone));
            return alone;
        }
        List<CallResult> results = decode(block, calls, answer);
        // A sub-call that failed with no data at all may have been starved of gas by one before it; one that
        // reverted with a reason has spoken for itself.
        List<Integer> starved = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            if (!results.get(i).success() && results.get(i).length() == 0) {
                starved.add(i);
            }
        }
        if (starved.isEmpty()) {
            return results;
        }
        List<CallResult> again;
        try {
            again = alone(block, calls, starved, null, mode);
        } catch (ChainReadException e) {
            return results; // the second look failed as a whole: the multicall's own answer stands
        }
        List<CallResult> merged = new ArrayList<>(results);
        for (int k = 0; k < starved.size(); k++) {
            merged.set(starved.get(k), again.get(k));
        }
        return merged;
    }

    /**
     * The calls at {@code indexes}, each as its own eth_call from Multicall3 (so each sees the same caller as inside
     * the multicall) at the same block, in one JSON-RPC batch; results in the order of {@code indexes}. A call the
     * node reverts keeps its revert data; one it cannot run gets the node's message. If no call answers at all the
     * trouble is the node's or the block's, not a pool's: {@code whole} (or the first call's error) is thrown.
     */
    private List<CallResult> alone(BlockRef block, List<ContractCall> calls, List<Integer> indexes,
            ChainReadException whole, Addressing mode) {
        List<Request<?, EthCall>> requests = new ArrayList<>(indexes.size());
        for (int i : indexes) {
            ContractCall call = calls.get(i);
            Transaction tx = Transaction.createEthCallTransaction(multicall3.toString(), call.target().toString(),
                    Numeric.toHexString(call.callData()));
            requests.add(new Request<>("eth_call", List.of(tx, blockParameter(block, mode)), rpc.service(),
                    EthCall.class));
        }
        List<EthCall> answers = JsonRpcBatch.sendReads(rpc,
                "eth_call of " + indexes.size() + " calls one by one at block " + block.number(), requests,
                k -> calls.get(indexes.get(k)) + " at block " + block.number());
        List<CallResult> results = new ArrayList<>(indexes.size());
        ChainReadException firstError = null;
        boolean anyAnswered = false;
        for (int k = 0; k < answers.size(); k++) {
            EthCall answer = answers.get(k);
            if (!answer.hasError()) {
                anyAnswered = true;
                results.add(new CallResult(true, hex(answer.getValue(), calls.get(indexes.get(k)), block)));
                continue;
            }
            Response.Error error = answer.getError();
            ChainReadException failure = JsonRpcBatch.failure(rpc, calls.get(indexes.get(k)) + " at block "
                    + block.number(), error);
            if (failure instanceof ArchiveNodeRequiredException) {
                throw failure;
            }
            byte[] revertData = revertData(error);
            if (revertData != null) {
                anyAnswered = true;
                results.add(new CallResult(false, revertData));
            } else {
                firstError = firstError == null ? failure : firstError;
                results.add(CallResult.failed(error.getMessage() + " (code " + error.getCode() + ")"));
            }
        }
        if (!anyAnswered && firstError != null) {
            throw whole != null ? whole : firstError;
        }
        return results;
    }

    /** The revert data of an eth_call the node answered "execution reverted" (code 3), or null if it did not. */
    private static byte[] revertData(Response.Error error) {
        String message = error.getMessage() == null ? "" : error.getMessage().toLowerCase(java.util.Locale.ROOT);
        if (error.getCode() != 3 && !message.startsWith("execution reverted")) {
            return null;
        }
        Object data = error.getData();
        String text = data == null ? "" : data.toString().replace("\"", "");
        return text.matches("0x([0-9a-fA-F]{2})*") ? Numeric.hexStringToByteArray(text) : new byte[0];
    }

    private byte[] hex(String value, ContractCall call, BlockRef block) {
        try {
            return value == null ? new byte[0] : Numeric.hexStringToByteArray(value);
        } catch (RuntimeException e) {
            throw new ChainReadException("eth_call of " + call + " at block " + block.number()
                    + " returned a value that is not hex");
        }
    }

    private static String describeFailures(List<ContractCall> calls, List<CallResult> results) {
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).error() != null) {
                failed.add(calls.get(i) + ": " + results.get(i).error());
            }
        }
        return failed.isEmpty() ? "every call answered alone" : String.join("; ", failed);
    }

    private Request<?, EthCall> callRequest(BlockRef block, List<ContractCall> calls, Addressing mode) {
        Transaction tx = Transaction.createEthCallTransaction(
                null, multicall3.toString(), Numeric.toHexString(Multicall3Codec.encodeAggregate3(calls)));
        return new Request<>("eth_call", List.of(tx, blockParameter(block, mode)), rpc.service(), EthCall.class);
    }

    /**
     * The block an eth_call reads: by hash (EIP-1898), so a reorg makes it fail rather than read another block; or by
     * number, with the caller checking the hash around the read.
     */
    private static Object blockParameter(BlockRef block, Addressing mode) {
        return mode == Addressing.HASH
                ? Map.of("blockHash", block.hash(), "requireCanonical", true)
                : Numeric.encodeQuantity(BigInteger.valueOf(block.number()));
    }

    private static String what(BlockRef block) {
        return "eth_call to Multicall3 at block " + block.number() + " (" + block.hash() + ")";
    }

    private List<CallResult> decode(BlockRef block, List<ContractCall> calls, EthCall answer) {
        String what = what(block);
        String value = answer.getValue();
        if (value == null || value.equals("0x")) {
            throw new ChainReadException("no Multicall3 contract answers at "
                    + Keys.toChecksumAddress(multicall3.toString()) + " at block "
                    + block.number() + ": the eth_call returned no data");
        }
        byte[] raw;
        try {
            raw = Numeric.hexStringToByteArray(value);
        } catch (RuntimeException e) {
            throw new ChainReadException(what + " returned a value that is not hex");
        }
        try {
            return Multicall3Codec.decodeAggregate3(raw, calls.size());
        } catch (ChainReadException e) {
            throw new ChainReadException(e.getMessage() + " (" + what + ")", e);
        }
    }

    private <T extends Response<?>> T send(String what, Request<?, T> request) {
        T response = sendKeepingError(what, request);
        if (response.hasError()) {
            throw JsonRpcBatch.failure(rpc, what, response.getError());
        }
        return response;
    }

    /** {@link #send}, but a JSON-RPC error answer is returned for the caller to judge. */
    private <T extends Response<?>> T sendKeepingError(String what, Request<?, T> request) {
        T response;
        try {
            response = request.send();
        } catch (IOException e) {
            throw rpc.unreachable(what, e);
        } catch (WrongChainException e) {
            throw e; // raised by the failover: it says which endpoint serves which chain
        } catch (RuntimeException e) {
            // web3j raises runtime exceptions for answers its JSON mapping cannot read
            throw new ChainReadException(rpc.url() + " answered " + what + " with something that is not JSON-RPC: "
                    + e.getMessage(), e);
        }
        if (response == null) {
            throw new ChainReadException(rpc.url() + " gave no answer to " + what);
        }
        return response;
    }
}
