package io.lsttracker.devchain;

import io.lsttracker.devchain.ankr.SimulatedAnkr;
import io.lsttracker.devchain.etherfi.SimulatedEtherFi;
import io.lsttracker.devchain.frax.SimulatedFrax;
import io.lsttracker.devchain.lido.SimulatedLido;
import io.lsttracker.devchain.mantle.SimulatedMantle;
import io.lsttracker.devchain.rocketpool.SimulatedRocketPool;
import io.lsttracker.devchain.stader.SimulatedStader;
import io.lsttracker.devchain.stakedtoken.SimulatedStakedToken;
import io.lsttracker.devchain.stakewise.SimulatedStakeWise;
import io.lsttracker.devchain.swell.SimulatedSwell;
import java.util.List;

/** Every protocol the devchain simulates, in the order of config/pools.yml. */
final class SimulatedPools {
    private SimulatedPools() {
    }

    static List<AccruingPool> all(DevchainParameters parameters, long firstMidnight) {
        return List.of(
                new SimulatedLido(parameters, firstMidnight),
                new SimulatedRocketPool(parameters),
                SimulatedStakedToken.coinbase(parameters),
                SimulatedStakedToken.binance(parameters),
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
