package io.lsttracker.liquidity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lsttracker.chain.AbiFunction;
import io.lsttracker.chain.CallFailedException;
import io.lsttracker.chain.CallResult;
import io.lsttracker.chain.ContractAbi;
import io.lsttracker.chain.ContractCall;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.web3j.abi.datatypes.Address;
import org.web3j.utils.Numeric;

/**
 * The new fragments (abi/SOURCES.md, "Liquidity") encode the selectors computed as keccak-256 of each signature, the
 * calls are encoded word by word as the ABI specification lays them out, and the one struct answer read by hand
 * (Lido's getWithdrawalStatus) is read from the right word, refusing a malformed one.
 */
class LiquidityCallsTest {
    private static final Address TARGET = new Address("0x889edC2eDab5f40e902b864aD4d7AdE8E412F9B1");
    private static final AbiFunction STATUS = ContractAbi.load("LidoWithdrawalQueueERC721").function("getWithdrawalStatus");

    private static String word(long value) {
        return String.format("%064x", value);
    }

    @ParameterizedTest
    @CsvSource({
        "CurveStableSwap, get_dy, 0x5e0d443f",
        "CurveCryptoSwap, get_dy, 0x556d6e9f",
        "LidoWithdrawalQueueERC721, unfinalizedStETH, 0xd0fb84e8",
        "LidoWithdrawalQueueERC721, getLastRequestId, 0x19c2b4c3",
        "LidoWithdrawalQueueERC721, getLastFinalizedRequestId, 0x4f069a13",
        "LidoWithdrawalQueueERC721, getWithdrawalStatus, 0xb8c4b85a",
        "RocketTokenRETH, getTotalCollateral, 0xd6eb5910",
        "EtherFiLiquidityPool, totalValueInLp, 0x7c90fbf0",
    })
    void selectorsAreTheSignaturesHashes(String contract, String function, String selector) {
        AbiFunction f = ContractAbi.load(contract).function(function);
        Object[] args = switch (function) {
            case "get_dy" -> new Object[] {BigInteger.ONE, BigInteger.ZERO, BigInteger.TEN};
            case "getWithdrawalStatus" -> new Object[] {List.of(BigInteger.ONE)};
            default -> new Object[0];
        };
        assertEquals(selector, Numeric.toHexString(f.call(TARGET, args).callData()).substring(0, 10));
    }

    @Test
    void getDyIsEncodedWithTheIndexesAndTheSizeInBaseUnits() {
        ContractCall call = ContractAbi.load("CurveStableSwap").function("get_dy").call(TARGET, BigInteger.ONE,
                BigInteger.ZERO, new BigInteger("100000000000000000000"));
        // i = 1, j = 0 (int128 words are the same as uint256 words for non-negative values), dx = 100e18 = 0x56bc75e2d63100000
        assertEquals("0x5e0d443f" + word(1) + word(0) + "0".repeat(64 - 17) + "56bc75e2d63100000",
                Numeric.toHexString(call.callData()));
    }

    @Test
    void totalValueInLpIsAUint128() {
        AbiFunction inLp = ContractAbi.load("EtherFiLiquidityPool").function("totalValueInLp");
        ContractCall call = inLp.call(TARGET);
        // 2^128 - 1 is the largest uint128
        BigInteger largest = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
        assertEquals(largest, inLp.decodeUint(call, new CallResult(true, Numeric.toBytesPadded(largest, 32))));
    }

    @Test
    void theStatusOfOneRequestIsAskedAsAnArrayOfOne() {
        ContractCall call = STATUS.call(TARGET, List.of(BigInteger.valueOf(501)));
        // offset of the array (32), its length (1), request 501 (0x1f5)
        assertEquals("0xb8c4b85a" + word(32) + word(1) + word(501), Numeric.toHexString(call.callData()));
    }

    @Test
    void theCreationTimeIsTheStructsFourthWord() {
        ContractCall call = STATUS.call(TARGET, List.of(BigInteger.valueOf(501)));
        // offset 32, length 1, then amountOfStETH, amountOfShares, owner, timestamp 1,700,000,000, isFinalized, isClaimed
        String answer = word(32) + word(1) + word(5) + word(4) + word(0xbeef) + word(1_700_000_000L) + word(0) + word(0);
        assertEquals(1_700_000_000L, LiquidityReader.creationTime(call,
                new CallResult(true, Numeric.hexStringToByteArray(answer))));
    }

    @Test
    void aMalformedStatusIsAFailedCallNamingIt() {
        ContractCall call = STATUS.call(TARGET, List.of(BigInteger.valueOf(501)));
        String twoStatuses = word(32) + word(2) + word(5) + word(4) + word(0xbeef) + word(1_700_000_000L) + word(0)
                + word(0);
        CallFailedException e = assertThrows(CallFailedException.class, () -> LiquidityReader.creationTime(call,
                new CallResult(true, Numeric.hexStringToByteArray(twoStatuses))));
        assertEquals("LidoWithdrawalQueueERC721.getWithdrawalStatus at 0x889edC2eDab5f40e902b864aD4d7AdE8E412F9B1 "
                + "returned 256 bytes, not one WithdrawalRequestStatus (offset 32, length 1, six words)", e.getMessage());
        assertThrows(CallFailedException.class, () -> LiquidityReader.creationTime(call,
                new CallResult(true, Numeric.hexStringToByteArray(word(32) + word(1)))), "too short");
        String noTime = word(32) + word(1) + word(5) + word(4) + word(0xbeef) + word(0) + word(0) + word(0);
        assertThrows(CallFailedException.class, () -> LiquidityReader.creationTime(call,
                new CallResult(true, Numeric.hexStringToByteArray(noTime))), "a request made at time 0");
        assertThrows(CallFailedException.class, () -> LiquidityReader.creationTime(call, new CallResult(false,
                new byte[0])), "a revert");
    }
}
