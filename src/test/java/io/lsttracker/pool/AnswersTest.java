package io.lsttracker.pool;

import static io.lsttracker.pool.AnswersFixture.words;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.chain.AbiFunction;
import io.lsttracker.chain.ContractAbi;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Address;

/** Typed calls: answers found by their call's handle, outputs by their names in the ABI fragment. */
class AnswersTest {
    private static final Address STETH = new Address("0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84");
    private static final ContractAbi LIDO = ContractAbi.load("LidoStETH");
    private static final AbiFunction TOTAL_SHARES = LIDO.function("getTotalShares");
    private static final AbiFunction BEACON_STAT = LIDO.function("getBeaconStat");

    @Test
    void eachHandleReadsItsOwnAnswerWhateverTheOrder() {
        CallList calls = new CallList();
        Call<BigInteger> supply = calls.add(Call.uint(LIDO.function("totalSupply"), STETH));
        Call<BigInteger> shares = calls.add(Call.uint(TOTAL_SHARES, STETH));
        Call<BigInteger> beaconBalance = calls.add(Call.reading(o -> o.uint("beaconBalance"), BEACON_STAT, STETH));
        Reading<List<BigInteger>> reading = calls.then(a -> List.of(a.get(beaconBalance), a.get(shares), a.get(supply)));
        assertEquals(List.of(BigInteger.valueOf(30), BigInteger.valueOf(2), BigInteger.valueOf(1)),
                reading.result(List.of(words("1"), words("2"), words("10", "20", "30"))));
    }

    @Test
    void aHandleOfAnotherReadingIsAProgrammingError() {
        Call<BigInteger> elsewhere = Call.uint(TOTAL_SHARES, STETH);
        CallList calls = new CallList();
        calls.add(Call.uint(TOTAL_SHARES, STETH));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> calls.then(a -> a.get(elsewhere)).result(List.of(words("1"))));
        assertTrue(e.getMessage().startsWith("LidoStETH.getTotalShares at 0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84 "
                + "is not one of the calls"), e.getMessage());
    }

    @Test
    void answersMustMatchTheCallsInNumber() {
        CallList calls = new CallList();
        calls.add(Call.uint(TOTAL_SHARES, STETH));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> calls.then(a -> 0).result(List.of(words("1"), words("2"))));
        assertEquals("1 calls but 2 results", e.getMessage());
    }

    @Test
    void anOutputNameTheFragmentDoesNotHaveIsAProgrammingErrorNamingTheOutputs() {
        CallList calls = new CallList();
        Call<BigInteger> wrong = calls.add(Call.reading(o -> o.uint("clValidators"), BEACON_STAT, STETH));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> calls.then(a -> a.get(wrong)).result(List.of(words("1", "2", "3"))));
        assertTrue(e.getMessage().endsWith("has no output named clValidators (outputs [depositedValidators, "
                + "beaconValidators, beaconBalance])"), e.getMessage());
    }
}
