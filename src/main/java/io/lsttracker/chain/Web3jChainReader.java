package io.lsttracker.chain;

import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.BlockSelector;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        return decode(block, calls, send(what(block), callRequest(block, calls)));
    }

    /** Every multicall in ONE JSON-RPC batch request (each still addressed by its block's hash). */
    @Override
    public List<List<CallResult>> aggregateAll(List<BlockCalls> reads) {
        List<BlockCalls> nonEmpty = reads.stream().filter(r -> !r.calls().isEmpty()).toList();
        List<Request<?, EthCall>> requests = new ArrayList<>();
        nonEmpty.forEach(r -> requests.add(callRequest(r.block(), r.calls())));
        List<EthCall> answers = JsonRpcBatch.send(rpc, "eth_call to Multicall3 at " + nonEmpty.size() + " blocks",
                requests,
                i -> what(nonEmpty.get(i).block()));
        List<List<CallResult>> results = new ArrayList<>(reads.size());
        int next = 0;
        for (BlockCalls read : reads) {
            results.add(read.calls().isEmpty() ? List.of() : decode(read.block(), read.calls(), answers.get(next++)));
        }
        return results;
    }

    private Request<?, EthCall> callRequest(BlockRef block, List<ContractCall> calls) {
        Transaction tx = Transaction.createEthCallTransaction(
                null, multicall3.toString(), Numeric.toHexString(Multicall3Codec.encodeAggregate3(calls)));
        return new Request<>("eth_call", List.of(tx, Map.of("blockHash", block.hash(), "requireCanonical", true)),
                rpc.service(), EthCall.class);
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
        if (response.hasError()) {
            throw JsonRpcBatch.failure(rpc, what, response.getError());
        }
        return response;
    }
}
