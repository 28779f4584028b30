package io.lsttracker.pool;

import io.lsttracker.chain.CallResult;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.web3j.utils.Numeric;

/** Builds ABI-encoded answers by hand, word by word, for decoding tests. */
final class AnswersFixture {
    private AnswersFixture() {
    }

    static CallResult words(BigInteger... values) {
        StringBuilder hex = new StringBuilder();
        for (BigInteger value : values) {
            String digits = value.toString(16);
            hex.append("0".repeat(64 - digits.length())).append(digits);
        }
        return new CallResult(true, Numeric.hexStringToByteArray(hex.toString()));
    }

    static CallResult words(String... decimals) {
        List<BigInteger> values = new ArrayList<>();
        for (String d : decimals) {
            values.add(new BigInteger(d));
        }
        return words(values.toArray(BigInteger[]::new));
    }

    static CallResult address(String address) {
        return words(new BigInteger(address.substring(2), 16));
    }

    static CallResult reverted() {
        return new CallResult(false, new byte[0]);
    }

    static CallResult empty() {
        return new CallResult(true, new byte[0]);
    }
}
