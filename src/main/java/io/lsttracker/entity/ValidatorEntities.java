package io.lsttracker.entity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The entity of every validator as one reading attributed it, by validator index: what lets a proposed block be
 * counted for the entity whose validator proposed it. Compact (an int per validator: some 4.4 MB for mainnet's 1.1
 * million), built while the validators stream by, immutable once built.
 *
 * @see EntityTally
 */
public final class ValidatorEntities {
    private final long epoch;
    private final List<String> entities;
    private final int[] byIndex;
    private final int size;

    private ValidatorEntities(long epoch, List<String> entities, int[] byIndex, int size) {
        this.epoch = epoch;
        this.entities = entities;
        this.byIndex = byIndex;
        this.size = size;
    }

    /** The epoch of the reading that attributed them. */
    public long epoch() {
        return epoch;
    }

    /** How many validator indices it knows: 0 up to this, exclusive. */
    public int validators() {
        return size;
    }

    /** The entity of validator {@code index}; empty for a validator the reading did not list (newer than it). */
    public Optional<String> entityOf(long index) {
        if (index < 0 || index >= size || byIndex[(int) index] < 0) {
            return Optional.empty();
        }
        return Optional.of(entities.get(byIndex[(int) index]));
    }

    /** Gathers validators in any order; indices never listed stay unknown. */
    public static final class Builder {
        private final Map<String, Integer> ids = new HashMap<>();
        private final List<String> entities = new ArrayList<>();
        private int[] byIndex = new int[1024];
        private int size;

        public Builder() {
            Arrays.fill(byIndex, -1);
        }

        public void put(long index, String entity) {
            if (index < 0 || index >= Integer.MAX_VALUE) {
                throw new IllegalArgumentException("validator index " + index + " is out of range");
            }
            int i = (int) index;
            if (i >= byIndex.length) {
                int length = Math.max(i + 1, byIndex.length * 2);
                int old = byIndex.length;
                byIndex = Arrays.copyOf(byIndex, length);
                Arrays.fill(byIndex, old, length, -1);
            }
            byIndex[i] = ids.computeIfAbsent(entity, e -> {
                entities.add(e);
                return entities.size() - 1;
            });
            size = Math.max(size, i + 1);
        }

        public ValidatorEntities build(long epoch) {
            return new ValidatorEntities(epoch, List.copyOf(entities), Arrays.copyOf(byIndex, size), size);
        }
    }
}
