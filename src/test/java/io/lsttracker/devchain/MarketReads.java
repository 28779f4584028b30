package io.lsttracker.devchain;

import io.lsttracker.chain.RpcConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.utils.Numeric;

/**
 * Raw eth_calls for the devchain's market and exit tests: call data built from a function's signature (its selector
 * is the first 4 bytes of the signature's keccak256, as the contracts on mainnet are called) and 32-byte words.
 */
final class MarketReads {
    private final RpcConnection rpc;

    MarketReads(RpcConnection rpc) {
        this.rpc = rpc;
    }

    /** The 4-byte selector of {@code signature}, e.g. "get_dy(int128,int128,uint256)", as 0x-hex. */
    static String selector(String signature) {
        return Hash.sha3String(signature).substring(0, 10);
    }

    /** Call data: the selector, then each argument as one 32-byte word (unsigned, or an address). */
    static String callData(String signature, Object... words) {
        StringBuilder data = new StringBuilder(selector(signature));
        for (Object word : words) {
            BigInteger value = word instanceof String address ? Numeric.toBigInt(address)
                    : word instanceof BigInteger i ? i : BigInteger.valueOf(((Number) word).longValue());
            data.append(Numeric.toHexStringNoPrefixZeroPadded(value, 64));
        }
        return data.toString();
    }

    /** The raw answer of a call at {@code block} (null: the latest); fails on a revert. */
    String call(String to, String data, Long block) {
        EthCall answer = send(to, data, block);
        if (answer.hasError() || answer.isReverted()) {
            throw new AssertionError(data.substring(0, 10) + " on " + to + " reverted: "
                    + (answer.hasError() ? answer.getError().getMessage() : answer.getRevertReason()));
        }
        return answer.getValue();
    }

    /** True if the call reverts (an error answer). */
    boolean reverts(String to, String data, Long block) {
        EthCall answer = send(to, data, block);
        return answer.hasError() || answer.isReverted();
    }

    private EthCall send(String to, String data, Long block) {
        DefaultBlockParameter at = block == null ? org.web3j.protocol.core.DefaultBlockParameterName.LATEST
                : DefaultBlockParameter.valueOf(BigInteger.valueOf(block));
        try {
            return rpc.web3j().ethCall(Transaction.createEthCallTransaction(null, to, data), at).send();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The answer's first word, unsigned. */
    BigInteger uint(String to, String data, Long block) {
        return words(to, data, block).get(0);
    }

    List<BigInteger> words(String to, String data, Long block) {
        return TestDevchain.words(call(to, data, block));
    }

    /** An address answer, lower case 0x-hex. */
    String address(String to, String data, Long block) {
        return "0x" + Numeric.toHexStringNoPrefixZeroPadded(uint(to, data, block), 40);
    }

    /** get_dy(1, 0, dx) of a market of either kind: the ETH paid for dx of its token. */
    BigInteger sellToken(String pool, boolean uint256Index, BigInteger dx, Long block) {
        String signature = uint256Index ? "get_dy(uint256,uint256,uint256)" : "get_dy(int128,int128,uint256)";
        return uint(pool, callData(signature, 1, 0, dx), block);
    }

    /** (ethOut / (tokens x redemption / 1e18) - 1) x 10,000: the discount (negative) or premium in bps, scale 2. */
    static BigDecimal discountBps(BigInteger ethOut, BigInteger tokens, BigInteger redemptionWei) {
        BigDecimal value = new BigDecimal(tokens).multiply(new BigDecimal(redemptionWei)).movePointLeft(18);
        return new BigDecimal(ethOut).divide(value, 30, RoundingMode.HALF_EVEN).subtract(BigDecimal.ONE)
                .movePointRight(4).setScale(2, RoundingMode.HALF_EVEN);
    }
}
