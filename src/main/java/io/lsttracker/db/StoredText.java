package io.lsttracker.db;

/**
 * Text from outside (a failure reason quoting a node's answer, an operator's on-chain name) cut to the column it is
 * stored in. An answer as long as it likes must not make the row, and with it the whole snapshot, fail to store:
 * the start of a reason says what went wrong, and the cut is marked with how much was left out.
 */
public final class StoredText {
    private StoredText() {
    }

    /** {@code text} if it has at most {@code max} characters, else its start and "… (N more characters)". */
    public static String fit(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        // The marker's own length depends on the count it shows; the count is at most text.length() digits.
        String marker = "… (" + text.length() + " characters, cut)";
        int keep = Math.max(0, max - marker.length());
        if (Character.isHighSurrogate(text.charAt(Math.max(0, keep - 1))) && keep > 0) {
            keep--; // never split a surrogate pair
        }
        return text.substring(0, keep) + marker;
    }
}
