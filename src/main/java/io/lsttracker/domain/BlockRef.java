package io.lsttracker.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The one block a snapshot is read at. Every read of a cycle takes the same BlockRef, so all figures of a
 * snapshot describe the same chain state (the idiom of Lido's oracle, which passes a BlockStamp everywhere).
 */
public record BlockRef(long number, String hash, Instant timestamp) {
    public BlockRef {
        if (number < 0) {
            throw new IllegalArgumentException("block number must not be negative: " + number);
        }
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(timestamp, "timestamp");
    }
}
