package io.lsttracker.domain;

import java.util.regex.Pattern;

/** A pool's stable identifier, as named in config/pools.yml and used in the API (e.g. "lido"). */
public record PoolId(String value) implements Comparable<PoolId> {
    private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    public PoolId {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "a pool id is 1-40 lowercase letters, digits or dashes, starting with a letter; got '" + value + "'");
        }
    }

    @Override
    public int compareTo(PoolId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
