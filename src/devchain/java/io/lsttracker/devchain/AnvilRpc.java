package io.lsttracker.devchain;

import io.lsttracker.chain.RpcConnection;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * The JSON-RPC calls that set up the devchain: anvil's own methods (anvil_setCode, anvil_mine,
 * evm_setNextBlockTimestamp, evm_setIntervalMining) and plain transactions from an unlocked dev account.
 */
final class AnvilRpc {
    private final RpcConnection rpc;

    AnvilRpc(RpcConnection rpc) {
        this.rpc = rpc;
    }

    /** Any JSON-RPC answer, kept as the raw JSON value. */
    static final class RawResponse extends Response<Object> {
    }

    Object call(String method, Object... params) {
        Request<?, RawResponse> request = new Request<>(method, List.of(params), rpc.service(), RawResponse.class);
        RawResponse response;
        try {
            response = request.send();
        } catch (IOException e) {
            throw new DevchainException(method + " failed: " + e.getMessage(), e);
        }
        if (response.hasError()) {
            throw new DevchainException(method + " failed: " + response.getError().getMessage());
        }
        return response.getResult();
    }

    void setCode(String address, String runtimeBytecode) {
        call("anvil_setCode", address, runtimeBytecode);
    }

    void setNextBlockTimestamp(long timestamp) {
        call("evm_setNextBlockTimestamp", timestamp);
    }

    /** Mines {@code blocks} empty blocks, {@code intervalSeconds} apart. */
    void mine(long blocks, long intervalSeconds) {
        if (blocks > 0) {
            call("anvil_mine", Numeric.encodeQuantity(BigInteger.valueOf(blocks)),
                    Numeric.encodeQuantity(BigInteger.valueOf(intervalSeconds)));
        }
    }

    void setAutomine(boolean on) {
        call("evm_setAutomine", on);
    }

    /** Mines one block now (at the timestamp set by evm_setNextBlockTimestamp, if any). */
    void mineOne() {
        call("evm_mine");
    }

    /** Sends a transaction without waiting for it (automine off: it waits in the pool for the next block). */
    String submit(String from, String to, byte[] data) {
        return call("eth_sendTransaction",
                Map.of("from", from, "to", to, "data", Numeric.toHexString(data), "gas", "0x1e8480")).toString();
    }

    /** Fails unless the transaction was mined and succeeded. */
    void requireSuccess(String hash, String what) {
        TransactionReceipt receipt = awaitReceipt(hash, what);
        if (!receipt.isStatusOK()) {
            throw new DevchainException(what + ": transaction " + hash + " reverted");
        }
    }

    /** Lets transactions be sent from {@code address} without its key (anvil_impersonateAccount). */
    void impersonate(String address) {
        call("anvil_impersonateAccount", address);
    }

    void setBalance(String address, BigInteger wei) {
        call("anvil_setBalance", address, Numeric.encodeQuantity(wei));
    }

    /**
     * Sends a transaction with {@code valueWei} from an impersonated or unlocked account and fails if it
     * reverted; {@code gas} is its gas limit (at most the block's 30M).
     */
    void transactWithValue(String from, String to, byte[] data, BigInteger valueWei, long gas, String what) {
        Object hash = call("eth_sendTransaction", Map.of("from", from, "to", to, "data", Numeric.toHexString(data),
                "value", Numeric.encodeQuantity(valueWei), "gas", Numeric.encodeQuantity(BigInteger.valueOf(gas))));
        requireSuccess(hash.toString(), what);
    }

    /** Sends a transaction with value and gas limit without waiting for it (automine off). */
    String submitWithValue(String from, String to, byte[] data, BigInteger valueWei, long gas) {
        return call("eth_sendTransaction", Map.of("from", from, "to", to, "data", Numeric.toHexString(data),
                "value", Numeric.encodeQuantity(valueWei), "gas", Numeric.encodeQuantity(BigInteger.valueOf(gas))))
                .toString();
    }

    void setIntervalMining(long seconds) {
        call("evm_setIntervalMining", seconds);
    }

    @SuppressWarnings("unchecked")
    String firstAccount() {
        List<String> accounts = (List<String>) call("eth_accounts");
        if (accounts.isEmpty()) {
            throw new DevchainException("anvil has no unlocked account");
        }
        return accounts.get(0);
    }

    /** Sends a transaction (mined at once: anvil automines) and fails if it reverted. */
    void transact(String from, String to, byte[] data, String what) {
        Object hash = call("eth_sendTransaction",
                Map.of("from", from, "to", to, "data", Numeric.toHexString(data), "gas", "0x1e8480"));
        TransactionReceipt receipt = awaitReceipt(hash.toString(), what);
        if (!receipt.isStatusOK()) {
            throw new DevchainException(what + ": transaction " + hash + " reverted");
        }
    }

    /** anvil answers eth_sendTransaction before the automined block is sealed: poll briefly for it. */
    private TransactionReceipt awaitReceipt(String hash, String what) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        try {
            while (true) {
                var receipt = rpc.web3j().ethGetTransactionReceipt(hash).send().getTransactionReceipt();
                if (receipt.isPresent()) {
                    return receipt.get();
                }
                if (System.nanoTime() > deadline) {
                    throw new DevchainException(what + ": transaction " + hash + " was not mined within 10 s");
                }
                Thread.sleep(5);
            }
        } catch (IOException e) {
            throw new DevchainException(what + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevchainException(what + ": interrupted");
        }
    }

    EthBlock.Block latestBlock() {
        try {
            return rpc.web3j().ethGetBlockByNumber(
                    org.web3j.protocol.core.DefaultBlockParameterName.LATEST, false).send().getBlock();
        } catch (IOException e) {
            throw new DevchainException("eth_getBlockByNumber failed: " + e.getMessage(), e);
        }
    }
}
