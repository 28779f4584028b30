package io.lsttracker.beacon;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Parses one answer of GET /eth/v1/beacon/states/{slot}/validators as a stream of {@link Validator}s, checking
 * every field. The answer's shape (ethereum/beacon-APIs): {@code {"execution_optimistic":..,"finalized":..,
 * "data":[{"index":"1","balance":"32000000000","status":"active_ongoing","validator":{"pubkey":"0x..",
 * "withdrawal_credentials":"0x..","effective_balance":"32000000000","slashed":false,...}}, ...]}}; numbers are
 * uint64 written as decimal strings. Fields the tracker does not use (epochs) are skipped; unknown fields too, so a
 * node that adds some still reads.
 */
final class ValidatorStream {
    private static final int PUBKEY_HEX = 96;
    private static final int CREDENTIALS_HEX = 64;

    private final String request;

    /** @param request the request as errors name it ("beacon node http://host:5052 GET /eth/v1/...") */
    ValidatorStream(String request) {
        this.request = request;
    }

    /** Streams every validator to {@code each}; returns how many there were. */
    long read(InputStream body, Consumer<Validator> each) throws IOException {
        long count = 0;
        boolean sawData = false;
        try (JsonParser p = BeaconClient.JSON_FACTORY.createParser(body)) {
            expect(p.nextToken() == JsonToken.START_OBJECT, "the answer is not a JSON object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (!"data".equals(field)) {
                    p.skipChildren();
                    continue;
                }
                expect(value == JsonToken.START_ARRAY, "the answer has no data array");
                sawData = true;
                long previous = -1;
                JsonToken item;
                while ((item = p.nextToken()) != JsonToken.END_ARRAY) {
                    expect(item == JsonToken.START_OBJECT, "data[" + count + "] is not a JSON object");
                    Validator validator = validator(p, count, previous);
                    previous = validator.index();
                    each.accept(validator);
                    count++;
                }
            }
        }
        expect(sawData, "the answer has no data array");
        return count;
    }

    /** One element of data, the parser on its START_OBJECT. */
    private Validator validator(JsonParser p, long position, long previous) throws IOException {
        String index = null;
        String balance = null;
        String status = null;
        String pubkey = null;
        String credentials = null;
        String effective = null;
        Boolean slashed = null;
        boolean sawValidator = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken token = p.nextToken();
            switch (name) {
                case "index" -> index = scalar(p, token);
                case "balance" -> balance = scalar(p, token);
                case "status" -> status = scalar(p, token);
                case "validator" -> {
                    expect(token == JsonToken.START_OBJECT, "data[" + position + "].validator is not a JSON object");
                    sawValidator = true;
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String inner = p.currentName();
                        JsonToken innerToken = p.nextToken();
                        switch (inner) {
                            case "pubkey" -> pubkey = scalar(p, innerToken);
                            case "withdrawal_credentials" -> credentials = scalar(p, innerToken);
                            case "effective_balance" -> effective = scalar(p, innerToken);
                            case "slashed" -> slashed = innerToken == JsonToken.VALUE_TRUE ? Boolean.TRUE
                                    : innerToken == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
                            default -> p.skipChildren();
                        }
                    }
                }
                default -> p.skipChildren();
            }
        }
        long i = uint64(index, "data[" + position + "]", "index");
        String who = "validator " + index;
        if (i <= previous) {
            throw bad(who + " follows validator " + previous + ": indices must increase");
        }
        long balanceGwei = uint64(balance, who, "balance");
        if (status == null || !Validator.STATUSES.contains(status)) {
            throw bad(who + ": status " + shown(status) + " is not a validator status of the standard API");
        }
        if (!sawValidator) {
            throw bad(who + ": has no validator object");
        }
        String key = hex(pubkey, PUBKEY_HEX, who, "pubkey");
        String wc = hex(credentials, CREDENTIALS_HEX, who, "withdrawal_credentials");
        long effectiveGwei = uint64(effective, who, "effective_balance");
        if (slashed == null) {
            throw bad(who + ": slashed is missing or not true/false");
        }
        return new Validator(i, key, wc, status, balanceGwei, effectiveGwei, slashed);
    }

    /** A string or a number's text; null for anything else (an object, a list, null, a boolean). */
    private static String scalar(JsonParser p, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NUMBER_INT
                || token == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getText();
        }
        p.skipChildren();
        return null;
    }

    /** A uint64 that fits a Java long (gwei: all ETH ever issued is under 2^63 gwei), as decimal digits. */
    private long uint64(String text, String who, String field) {
        if (text != null && !text.isEmpty() && text.length() <= 19) {
            boolean digits = true;
            for (int k = 0; k < text.length() && digits; k++) {
                char c = text.charAt(k);
                digits = c >= '0' && c <= '9';
            }
            if (digits) {
                try {
                    return Long.parseLong(text);
                } catch (NumberFormatException e) {
                    // over 2^63 - 1: reported below
                }
            }
        }
        throw bad(who + ": " + field + " " + shown(text) + " is not a whole number from 0 to " + Long.MAX_VALUE);
    }

    /** 0x and exactly {@code digits} hex digits, returned in lower case. */
    private String hex(String text, int digits, String who, String field) {
        boolean ok = text != null && text.length() == digits + 2 && text.charAt(0) == '0'
                && (text.charAt(1) == 'x' || text.charAt(1) == 'X');
        boolean lower = true;
        for (int k = 2; ok && k < text.length(); k++) {
            char c = text.charAt(k);
            boolean digit = c >= '0' && c <= '9' || c >= 'a' && c <= 'f';
            boolean upper = c >= 'A' && c <= 'F';
            ok = digit || upper;
            lower &= !upper;
        }
        if (!ok) {
            throw bad(who + ": " + field + " " + shown(text) + " is not 0x and " + digits + " hex digits ("
                    + digits / 2 + " bytes)");
        }
        return lower && text.charAt(1) == 'x' ? text : "0x" + text.substring(2).toLowerCase(java.util.Locale.ROOT);
    }

    private static String shown(String text) {
        if (text == null) {
            return "(missing)";
        }
        return "'" + (text.length() > 120 ? text.substring(0, 120) + "..." : text) + "'";
    }

    private void expect(boolean condition, String problem) {
        if (!condition) {
            throw bad(problem);
        }
    }

    private BeaconReadException bad(String problem) {
        return new BeaconReadException(request + ": " + problem);
    }
}
