package io.lsttracker.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.DynamicStruct;
import org.web3j.abi.datatypes.Function;
import org.web3j.utils.Numeric;

class Multicall3CodecTest {
    private static final Address STETH = new Address("0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84");

    /** One call of getTotalPooledEther() (0x37cfdaca), laid out word by word from the ABI specification. */
    @Test
    void encodesOneCallAsTheAbiSpecificationLaysItOut() {
        ContractCall call = new ContractCall(STETH, Numeric.hexStringToByteArray("0x37cfdaca"), "getTotalPooledEther");
        String expected = "0x82ad56cb"
                + word("20") // offset of the array
                + word("1") // its length
                + word("20") // offset of element 0, from after the length
                + word("ae7ab96520de3a18e5e111b5eaab095312d7fe84") // target
                + word("1") // allowFailure
                + word("60") // offset of callData within the tuple
                + word("4") // callData length
                + "37cfdaca" + "0".repeat(56); // callData, right-padded
        assertEquals(expected, Numeric.toHexString(Multicall3Codec.encodeAggregate3(List.of(call))));
    }

    @Test
    void encodesLikeWeb3jsGenericEncoderForSeveralCalls() {
        List<ContractCall> calls = List.of(
                new ContractCall(STETH, Numeric.hexStringToByteArray("0x7a28fb88" + word("de0b6b3a7640000")), "a"),
                new ContractCall(new Address("0x1d8f8f00cfa6758d7bE78336684788Fb0ee0Fa46"), new byte[0], "b"),
                new ContractCall(STETH, Numeric.hexStringToByteArray("0x" + "ab".repeat(37)), "c"));
        List<DynamicStruct> structs = calls.stream()
                .map(c -> new DynamicStruct(c.target(), new Bool(true), new DynamicBytes(c.callData())))
                .toList();
        String web3j = FunctionEncoder.encode(new Function("aggregate3",
                List.of(new DynamicArray<>(DynamicStruct.class, structs)), List.of()));
        assertEquals(web3j, Numeric.toHexString(Multicall3Codec.encodeAggregate3(calls)));
    }

    @Test
    void decodesAHandBuiltAnswer() {
        // two results: (true, 32 bytes of 5) and (false, empty)
        String answer = word("20") + word("2") + word("40") + word("c0")
                + word("1") + word("40") + word("20") + word("5")
                + word("0") + word("40") + word("0");
        List<CallResult> results = Multicall3Codec.decodeAggregate3(Numeric.hexStringToByteArray(answer), 2);
        assertEquals(2, results.size());
        assertTrue(results.get(0).success());
        assertArrayEquals(Numeric.hexStringToByteArray(word("5")), results.get(0).returnData());
        assertFalse(results.get(1).success());
        assertEquals(0, results.get(1).length());
    }

    @Test
    void rejectsMalformedAnswersWithAMessageThatSaysWhere() {
        String good = word("20") + word("1") + word("20") + word("1") + word("40") + word("20") + word("5");
        assertMalformed(good, 2, "holds 1 results for 2 calls");
        assertMalformed(good.substring(0, good.length() - 64), 1, "data of result 0");
        assertMalformed(word("20") + word("1") + word("ffff"), 1, "offset of result 0");
        assertMalformed(word("20") + word("1") + word("20") + word("2") + word("40") + word("0"), 1,
                "success flag of result 0 is 2");
        assertMalformed("", 1, "offset of the result array");
    }

    private static void assertMalformed(String hex, int expected, String fragment) {
        ChainReadException e = assertThrows(ChainReadException.class,
                () -> Multicall3Codec.decodeAggregate3(Numeric.hexStringToByteArray(hex), expected));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        assertTrue(e.getMessage().startsWith("malformed Multicall3.aggregate3 answer"), e.getMessage());
    }

    static String word(String hex) {
        return "0".repeat(64 - hex.length()) + hex;
    }
}
