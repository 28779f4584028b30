package io.lsttracker.chain;

import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.BlockSelector;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * two makes the call fail instead of reading another block than the one reported.
 */
public final class Web3jChainReader implements ChainReader {
    private static final Logger LOG = LoggerFactory.getLogger(Web3jChainReader.class);
    private final RpcConnection rpc;
    private final Address multicall3;
    private volatile Long chainId;

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
                throw new ChainReadException("block " + number.value() + " is past the chain head (block " + head + ")");
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

    @Override
    public List<CallResult> aggregate(BlockRef block, List<ContractCall> calls) {
        if (calls.isEmpty()) {
            return List.of();
        }
        EthCall answer = sendKeepingError(what(block), callRequest(block, calls));
        return answered(block, calls, answer);
    }

    /** Every multicall in ONE JSON-RPC batch request (each still addressed by its block's hash). */
    @Override
    public List<List<CallResult>> aggregateAll(List<BlockCalls> reads) {
        List<BlockCalls> nonEmpty = reads.stream().filter(r -> !r.calls().isEmpty()).toList();
        List<Request<?, EthCall>> requests = new ArrayList<>();
        nonEmpty.forEach(r -> requests.add(callRequest(r.block(), r.calls())));
        List<EthCall> answers = JsonRpcBatch.sendKeepingErrors(rpc,
                "eth_call to Multicall3 at " + nonEmpty.size() + " blocks", requests, i -> what(nonEmpty.get(i).block()));
        List<List<CallResult>> results = new ArrayList<>(reads.size());
        int next = 0;
        for (BlockCalls read : reads) {
            results.add(read.calls().isEmpty() ? List.of() : answered(read.block(), read.calls(), answers.get(next++)));
        }
        return results;
    }

    /**
     * The results of one multicall from its answer. Multicall3's aggregate3 gives each sub-call all the gas left,
     * so one contract that burns it all (an endless loop, an invalid opcode) fails the whole eth_call, or leaves
     * the calls after it too little gas to run. Either way the calls concerned are read again, each alone, in one
     * batch: the offender fails alone and the others answer as they would have. In the normal case (every call
     * answers) this costs nothing more than the one eth_call.
     */
    private List<CallResult> answered(BlockRef block, List<ContractCall> calls, EthCall answer) {
        if (answer.hasError()) {
            ChainReadException whole = JsonRpcBatch.failure(rpc, what(block), answer.getError());
            if (whole instanceof ArchiveNodeRequiredException) {
                throw whole; // the node lacks the block's state: no call can answer
            }
            List<Integer> all = java.util.stream.IntStream.range(0, calls.size()).boxed().toList();
            List<CallResult> alone = alone(block, calls, all, whole);
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
            again = alone(block, calls, starved, null);
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
            ChainReadException whole) {
        List<Request<?, EthCall>> requests = new ArrayList<>(indexes.size());
        for (int i : indexes) {
            ContractCall call = calls.get(i);
            Transaction tx = Transaction.createEthCallTransaction(multicall3.toString(), call.target().toString(),
                    Numeric.toHexString(call.callData()));
            requests.add(new Request<>("eth_call", List.of(tx, blockParameter(block)), rpc.service(), EthCall.class));
        }
        List<EthCall> answers = JsonRpcBatch.sendKeepingErrors(rpc,
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

    private Request<?, EthCall> callRequest(BlockRef block, List<ContractCall> calls) {
        Transaction tx = Transaction.createEthCallTransaction(
                null, multicall3.toString(), Numeric.toHexString(Multicall3Codec.encodeAggregate3(calls)));
        return new Request<>("eth_call", List.of(tx, blockParameter(block)), rpc.service(), EthCall.class);
    }

    /** The block an eth_call reads: by hash (EIP-1898), so a reorg makes it fail rather than read another block. */
    private static Object blockParameter(BlockRef block) {
        return Map.of("blockHash", block.hash(), "requireCanonical", true);
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
