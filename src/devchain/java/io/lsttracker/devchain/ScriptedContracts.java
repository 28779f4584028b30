package io.lsttracker.devchain;

import java.util.List;
import java.util.Map;

/**
 * Contracts the devchain places at real mainnet addresses and moves through the history by a script of daily
 * events: a protocol's pool ({@link SimulatedPool}), the markets its token trades on, an exit queue.
 */
public interface ScriptedContracts {

    /** Contracts to install: address, and the contract's name in src/devchain/contracts/artifacts.json. */
    Map<String, String> contracts();

    /** Writes the initial state once the contracts are installed and claimed by the operator. */
    void install(ChainWriter chain);

    /** The events on one UTC day, each at an offset from midnight. */
    List<SimulatedPool.DailyEvent> day(SimulatedPool.HistoryDay day);
}
