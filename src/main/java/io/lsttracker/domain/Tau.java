package io.lsttracker.domain;

/**
 * The thresholds of the tau-index (docs/CONCENTRATION.md): 1/3 (an entity above it can stop finality), 1/2 (can
 * censor; the Nakamoto coefficient), 2/3 (can finalize what it likes). Shared by the pools' concentration and the
 * entities' so both count the same way.
 */
public enum Tau {
    THIRD(1, 3, "1/3"), HALF(1, 2, "1/2"), TWO_THIRDS(2, 3, "2/3");

    private final int numerator;
    private final int denominator;
    private final String label;

    Tau(int numerator, int denominator, String label) {
        this.numerator = numerator;
        this.denominator = denominator;
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether {@code part / whole > tau}, exactly: part x den > num x whole. */
    public boolean exceededBy(java.math.BigInteger part, java.math.BigInteger whole) {
        return part.multiply(java.math.BigInteger.valueOf(denominator))
                .compareTo(whole.multiply(java.math.BigInteger.valueOf(numerator))) > 0;
    }
}
