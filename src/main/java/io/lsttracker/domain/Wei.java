package io.lsttracker.domain;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Conversions between wei (18-decimal base units) and whole ETH or tokens, exact both ways. */
public final class Wei {
    public static final BigInteger ONE_ETHER = BigInteger.TEN.pow(18);
    public static final int SCALE = 18;

    private Wei() {
    }

    /** Whole units with all 18 decimals kept: exact, never rounded. */
    public static BigDecimal toEther(BigInteger wei) {
        return new BigDecimal(wei, SCALE);
    }

    /** Wei of a decimal amount of whole units; rejects more than 18 decimals rather than rounding. */
    public static BigInteger fromEther(String ether) {
        return new BigDecimal(ether).movePointRight(SCALE).toBigIntegerExact();
    }
}
