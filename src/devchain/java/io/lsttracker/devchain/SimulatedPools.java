package io.lsttracker.devchain;

import java.util.List;

/** Every protocol the devchain simulates, in the order of config/pools.yml. */
final class SimulatedPools {
    private SimulatedPools() {
    }

    static List<SimulatedPool> all(DevchainParameters parameters, long firstMidnight) {
        return List.of(
                new SimulatedLido(parameters, firstMidnight),
                new SimulatedRocketPool(parameters),
                new SimulatedCoinbase(parameters),
                new SimulatedBinance(parameters),
                new SimulatedFrax(parameters),
                new SimulatedMantle(parameters, firstMidnight),
                new SimulatedStakeWise(parameters),
                new SimulatedEtherFi(parameters, firstMidnight),
                new SimulatedStader(parameters, firstMidnight),
                new SimulatedSwell(parameters),
                new SimulatedAnkr(parameters));
    }

    /** Pool ids with a simulation, for validating --apr. */
    static List<String> ids() {
        return all(DevchainParameters.defaults(0), 0).stream().map(SimulatedPool::poolId).toList();
    }
}
