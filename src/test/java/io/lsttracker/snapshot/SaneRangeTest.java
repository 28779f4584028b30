package io.lsttracker.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.lsttracker.domain.PoolId;
import io.lsttracker.domain.PoolState;
import java.math.BigInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SaneRangeTest {
    @ParameterizedTest
    @CsvSource({
        "500000000000000000, true",   // 0.5 exactly: still plausible
        "499999999999999999, false",  // one wei below
        "2000000000000000000, true",  // 2 exactly
        "2000000000000000001, false", // one wei above
        "1157209899495068171, true",  // wstETH, 15 Feb 2024
        "0, false",
    })
    void ratesOutsideHalfToTwoFailWithTheValue(String rate, boolean plausible) {
        PoolState state = PoolState.ok(new PoolId("x"), new BigInteger(rate), BigInteger.TEN, BigInteger.TEN);
        PoolState checked = SaneRange.check(state);
        if (plausible) {
            assertSame(state, checked);
        } else {
            assertFalse(checked.isOk());
            assertEquals("implausible exchange rate " + new java.math.BigDecimal(new BigInteger(rate), 18).toPlainString()
                    + " ETH per token (outside 0.5 to 2)", checked.failure());
        }
    }
}
