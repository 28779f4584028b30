package io.lsttracker.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Writes a details record's figures as text and reads them back. Each record writes and reads its own names side
 * by side ({@code figures()} and {@code read}), so a name cannot drift between the two.
 */
final class DetailFigures {
    private final Map<String, String> text = new LinkedHashMap<>();

    /** An amount in wei, written in whole ETH (or tokens) with all 18 decimals. */
    DetailFigures amount(String name, BigInteger wei) {
        text.put(name, Wei.toEther(wei).toPlainString());
        return this;
    }

    /** A count (or a block number, or a raw integer the contract answers), written as an integer. */
    DetailFigures count(String name, BigInteger count) {
        text.put(name, count.toString());
        return this;
    }

    Map<String, String> text() {
        return Collections.unmodifiableMap(text);
    }

    /** The first shape that reads every one of the figures and finds none missing. */
    static PoolDetails readFirstFitting(Map<String, String> figures, List<Function<Reader, PoolDetails>> shapes) {
        for (Function<Reader, PoolDetails> shape : shapes) {
            Optional<PoolDetails> read = new Reader(figures).readWhole(shape);
            if (read.isPresent()) {
                return read.get();
            }
        }
        throw new IllegalArgumentException("details " + figures.keySet() + " are no pool's details");
    }

    /** Reads one record's figures by name; a figure that is not there ends the attempt ({@link Missing}). */
    static final class Reader {
        private final Map<String, String> text;
        private final Set<String> read = new HashSet<>();

        private Reader(Map<String, String> text) {
            this.text = text;
        }

        BigInteger amount(String name) {
            try {
                return decimal(name).movePointRight(Wei.SCALE).toBigIntegerExact();
            } catch (ArithmeticException e) {
                throw malformed(name, "an amount with at most 18 decimals");
            }
        }

        BigInteger count(String name) {
            try {
                return decimal(name).toBigIntegerExact();
            } catch (ArithmeticException e) {
                throw malformed(name, "an integer");
            }
        }

        boolean has(String name) {
            return text.containsKey(name);
        }

        private Optional<PoolDetails> readWhole(Function<Reader, PoolDetails> shape) {
            try {
                PoolDetails details = shape.apply(this);
                return read.equals(text.keySet()) ? Optional.of(details) : Optional.empty();
            } catch (Missing e) {
                return Optional.empty();
            }
        }

        private BigDecimal decimal(String name) {
            String value = text.get(name);
            if (value == null) {
                throw new Missing();
            }
            read.add(name);
            try {
                return new BigDecimal(value);
            } catch (NumberFormatException e) {
                throw malformed(name, "a decimal");
            }
        }

        private IllegalArgumentException malformed(String name, String expected) {
            return new IllegalArgumentException("details figure " + name + " = \"" + text.get(name) + "\" is not "
                    + expected);
        }
    }

    /** A figure the shape being tried has and the text has not: not this shape. */
    private static final class Missing extends RuntimeException {
        Missing() {
            super(null, null, false, false);
        }
    }
}
