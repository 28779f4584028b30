package io.lsttracker.chain;

import static io.lsttracker.chain.Multicall3CodecTest.word;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.web3j.abi.datatypes.Address;
import org.web3j.utils.Numeric;

/** The fragments in abi/ encode the selectors listed in the reference (keccak-256 of each signature). */
class ContractAbiTest {
    private static final Address TARGET = new Address("0xae78736Cd615f374D3085123A210448E74Fc6393");

    @ParameterizedTest
    @CsvSource({
        "LidoStETH, getPooledEthByShares, 0x7a28fb88",
        "LidoStETH, getTotalPooledEther, 0x37cfdaca",
        "LidoStETH, getTotalShares, 0xd5002f2e",
        "LidoStETH, getBeaconStat, 0xae2e3538",
        "LidoStETH, totalSupply, 0x18160ddd",
        "LidoWstETH, stEthPerToken, 0x035faf82",
        "RocketTokenRETH, getExchangeRate, 0xe6aa216c",
        "RocketNetworkBalances, getTotalETHBalance, 0x964d042c",
        "RocketNetworkBalances, getTotalRETHSupply, 0xc4c8d0ad",
        "RocketStorage, getAddress, 0x21f8a721",
        "LidoStETH, getWithdrawalCredentials, 0x56396715",
        "RocketMinipoolManager, getMinipoolAt, 0xeff7319f",
    })
    void selectorsMatchTheReference(String contract, String function, String selector) {
        AbiFunction f = ContractAbi.load(contract).function(function);
        Object[] args = function.equals("getPooledEthByShares") || function.equals("getMinipoolAt")
                ? new Object[] {BigInteger.ONE}
                : function.equals("getAddress") ? new Object[] {new byte[32]} : new Object[0];
        assertEquals(selector, Numeric.toHexString(f.call(TARGET, args).callData()).substring(0, 10));
    }

    @Test
    void multicallSelectorOfTheCodecMatchesTheFragment() {
        assertEquals("0x82ad56cb", Numeric.toHexString(Multicall3Codec.AGGREGATE3_SELECTOR));
    }

    @Test
    void decodesAUintAndRejectsUnusableAnswers() {
        AbiFunction rate = ContractAbi.load("RocketTokenRETH").function("getExchangeRate");
        ContractCall call = rate.call(TARGET);
        // 1.098284517740008249 ETH per rETH, the on-chain rate at unix time 1708004591 (reference)
        BigInteger expected = new BigInteger("1098284517740008249");
        assertEquals(expected, rate.decodeUint(call, ok(word(expected.toString(16)))));

        assertFails(rate, call, new CallResult(true, new byte[0]), "returned no data (is there a contract at 0xae78736Cd615f374D3085123A210448E74Fc6393?)");
        assertFails(rate, call, new CallResult(true, new byte[31]), "returned 31 bytes, expected 32");
        assertFails(rate, call, new CallResult(false, new byte[0]), "reverted without a reason");
        String errorString = "08c379a0" + word("20") + word("b") + "6e6f7420616c6c6f776564" + "0".repeat(42);
        assertFails(rate, call, new CallResult(false, Numeric.hexStringToByteArray(errorString)), "reverted: not allowed");
        assertFails(rate, call, new CallResult(false, Numeric.hexStringToByteArray("4e487b71" + word("12"))),
                "reverted with Panic(0x12): division or modulo by zero");
    }

    @Test
    void rejectsAnAddressWithDirtyUpperBytes() {
        AbiFunction getAddress = ContractAbi.load("RocketStorage").function("getAddress");
        ContractCall call = getAddress.call(TARGET, (Object) new byte[32]);
        assertFails(getAddress, call, ok("ff" + word("1").substring(2)), "not an address");
    }

    private static CallResult ok(String hex) {
        return new CallResult(true, Numeric.hexStringToByteArray(hex));
    }

    private static void assertFails(AbiFunction f, ContractCall call, CallResult result, String fragment) {
        CallFailedException e = assertThrows(CallFailedException.class, () -> f.decode(call, result));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        assertTrue(e.getMessage().startsWith(call.label() + " at 0x"), e.getMessage());
    }
}
