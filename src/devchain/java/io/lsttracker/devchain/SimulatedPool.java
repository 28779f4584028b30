package io.lsttracker.devchain;

import java.util.List;
import java.util.Map;

/**
 * One protocol on the devchain: the contracts it places (at the protocol's real mainnet addresses) and
 * what happens to its state each day of the history (oracle reports, deposits and withdrawals). The
 * devchain runs every pool's events of a day in time order; a pool keeps an exact model of the state it
 * wrote, so tests know what the chain must answer.
 */
public interface SimulatedPool extends ScriptedContracts {

    /** The pool id of config/pools.yml this simulation stands for (e.g. "lido"). */
    String poolId();

    /** Contracts to install: address, and the contract's name in src/devchain/contracts/artifacts.json. */
    Map<String, String> contracts();

    /** Writes the initial state once the contracts are installed and claimed by the operator. */
    void install(ChainWriter chain);

    /** The pool's events on one UTC day, each at an offset from midnight. */
    List<DailyEvent> day(HistoryDay day);

    /**
     * What the pool's contracts answer at a head with this timestamp, as the tracker must read them: the
     * pool's ethPerToken, totalEth and tokenSupply in wei (see each adapter for their definitions).
     */
    Expected expectedAt(long headTimestamp);

    /** The figures a snapshot of this pool must show, in wei. */
    record Expected(java.math.BigInteger ethPerToken, java.math.BigInteger totalEth, java.math.BigInteger tokenSupply) {
    }

    /** One event of a day: at {@code secondsAfterMidnight}, {@code action} writes to the chain. */
    record DailyEvent(long secondsAfterMidnight, String description, java.util.function.Consumer<ChainWriter> action) {
    }

    /**
     * One day of the history.
     *
     * @param index     0 for the first day
     * @param midnight  unix time of the day's 00:00 UTC
     * @param negative  the day the pools lose value (a negative rebase)
     * @param skipped   the day on which an oracle that can miss a report misses it
     */
    record HistoryDay(int index, long midnight, boolean negative, boolean skipped) {
    }
}
