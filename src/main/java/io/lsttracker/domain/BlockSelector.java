package io.lsttracker.domain;

import java.util.Locale;

/**
 * Which block to pin: a tag the node resolves (latest, safe, finalized) or an exact number.
 * Parsed from user input, so a bad value is rejected with a message that says what is accepted.
 */
public sealed interface BlockSelector {

    record Tag(String name) implements BlockSelector {
        @Override
        public String toString() {
            return name;
        }
    }

    record Number(long value) implements BlockSelector {
        @Override
        public String toString() {
            return Long.toString(value);
        }
    }

    BlockSelector LATEST = new Tag("latest");
    BlockSelector SAFE = new Tag("safe");
    BlockSelector FINALIZED = new Tag("finalized");
    /**
     * The first block the node serves: block 0 on mainnet, later on a chain started at a given height (the devchain's
     * --genesis-block). Not accepted from users, who name blocks by number.
     */
    BlockSelector EARLIEST = new Tag("earliest");

    static BlockSelector parse(String text) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        switch (value) {
            case "latest":
                return LATEST;
            case "safe":
                return SAFE;
            case "finalized":
                return FINALIZED;
            default:
                break;
        }
        try {
            long number = value.startsWith("0x") ? Long.parseLong(value.substring(2), 16) : Long.parseLong(value);
            if (number < 0) {
                throw new NumberFormatException();
            }
            return new Number(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "expected latest, safe, finalized or a block number, got '" + text + "'");
        }
    }
}
