package io.lsttracker.chain;

import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.BlockSelector;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
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
        if (block.getNumber() == null || block.getHash() == null || block.getTimestamp() == null) {
            throw new ChainReadException("the node answered eth_getBlockByNumber(" + selector
                    + ") with a block that lacks its number, hash or timestamp");
        }
        return new BlockRef(block.getNumber().longValueExact(), block.getHash(),
                Instant.ofEpochSecond(block.getTimestamp().longValueExact()));
    }

    @Override
    public List<CallResult> aggregate(BlockRef block, List<ContractCall> calls) {
        if (calls.isEmpty()) {
            return List.of();
        }
        Transaction tx = Transaction.createEthCallTransaction(
                null, multicall3.toString(), Numeric.toHexString(Multicall3Codec.encodeAggregate3(calls)));
        Request<?, EthCall> request = new Request<>("eth_call",
                List.of(tx, Map.of("blockHash", block.hash(), "requireCanonical", true)),
                rpc.service(), EthCall.class);
        String what = "eth_call to Multicall3 at block " + block.number() + " (" + block.hash() + ")";
        EthCall answer = send(what, request);
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
        } catch (RuntimeException e) {
            // web3j raises runtime exceptions for answers its JSON mapping cannot read
            throw new ChainReadException(rpc.url() + " answered " + what + " with something that is not JSON-RPC: "
                    + e.getMessage(), e);
        }
        if (response == null) {
            throw new ChainReadException(rpc.url() + " gave no answer to " + what);
        }
        if (response.hasError()) {
            Response.Error error = response.getError();
            throw new ChainReadException(what + " failed at " + rpc.url() + ": " + error.getMessage()
                    + " (code " + error.getCode() + ")");
        }
        return response;
    }
}
