package io.lsttracker.domain;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The protocol-specific figures an adapter reads at the snapshot's block besides the rate and the totals: one
 * record per protocol that has any. Code reads their fields; the text form ({@link #figures}) is what the API
 * shows under {@code details} and what pool_state.details keeps, and is only ever written, or read back whole
 * by {@link #fromFigures}.
 */
public sealed interface PoolDetails
        permits NoDetails, LidoDetails, RocketPoolDetails, EtherFiDetails, StakeWiseDetails, SwellDetails, AnkrDetails {

    /** A pool with nothing to add to its rate and totals. */
    NoDetails NONE = new NoDetails();

    /**
     * The figures as decimal strings under their stable names, in the record's order: amounts in whole ETH (or
     * tokens) with all 18 decimals, counts as integers. Stored as they are, so the names never change.
     */
    Map<String, String> figures();

    /**
     * The details whose {@link #figures} these are, as stored in pool_state.details. The row has no protocol, so
     * the record is the one whose names these are, all of them and no others; Rocket Pool's node and minipool
     * counts may be absent (rows stored before they were read).
     *
     * @throws IllegalArgumentException no pool's details have these names, or a figure is not a decimal of its kind
     */
    static PoolDetails fromFigures(Map<String, String> figures) {
        List<Function<DetailFigures.Reader, PoolDetails>> shapes = List.of(r -> NONE, LidoDetails::read,
                RocketPoolDetails::read, EtherFiDetails::read, StakeWiseDetails::read, SwellDetails::read,
                AnkrDetails::read);
        return DetailFigures.readFirstFitting(figures, shapes);
    }
}
