package io.lsttracker.domain;

import java.util.Map;

/** The details of a pool whose adapter reads nothing beyond the rate and the totals ({@link PoolDetails#NONE}). */
public record NoDetails() implements PoolDetails {
    @Override
    public Map<String, String> figures() {
        return Map.of();
    }
}
