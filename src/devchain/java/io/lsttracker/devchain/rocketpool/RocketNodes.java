package io.lsttracker.devchain.rocketpool;

import io.lsttracker.devchain.ChainWriter;
import io.lsttracker.devchain.RocketNodeCounts;
import io.lsttracker.devchain.SimulatedPool.DailyEvent;
import io.lsttracker.devchain.SimulatedPool.HistoryDay;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.web3j.abi.datatypes.Address;
import org.web3j.crypto.Hash;

/**
 * Rocket Pool's RocketNodeManager and RocketMinipoolManager on the devchain, part of {@link SimulatedRocketPool}
 * and registered in its RocketStorage. Counts shaped like mainnet's in 2025 (made up, not data): 4,012 nodes and
 * 35,210 minipools, 6,930 finalised and 28,050 staking. Each day at 09:00 UTC 2 nodes join and 6 minipools are
 * created and staking; on odd days 4 staking minipools are also finalised (exited and withdrawn).
 */
final class RocketNodes {
    /** Addresses of the devchain's own choosing: mainnet's move with upgrades and are found through RocketStorage. */
    static final String NODE_MANAGER = "0x00000000000000000000000000000000d3bA1a12";
    static final String MINIPOOL_MANAGER = "0x00000000000000000000000000000000d3bA1a13";
    private static final long DAY_OFFSET = 9 * 3600;

    private RocketNodeCounts counts = new RocketNodeCounts(4_012, 35_210, 6_930, 28_050);

    void install(ChainWriter chain, String rocketStorage) {
        register(chain, rocketStorage, "rocketNodeManager", NODE_MANAGER);
        register(chain, rocketStorage, "rocketMinipoolManager", MINIPOOL_MANAGER);
        write(chain);
    }

    List<DailyEvent> day(HistoryDay day) {
        return List.of(new DailyEvent(DAY_OFFSET, "Rocket Pool nodes and minipools", chain -> {
            long exits = day.index() % 2 == 1 ? 4 : 0;
            counts = new RocketNodeCounts(counts.nodes() + 2, counts.minipools() + 6, counts.finalised() + exits,
                    counts.staking() + 6 - exits);
            write(chain);
        }));
    }

    /** Stores a network contract's address in RocketStorage, under keccak256("contract.address" + name). */
    static void register(ChainWriter chain, String rocketStorage, String name, String address) {
        byte[] key = Hash.sha3(("contract.address" + name).getBytes(StandardCharsets.US_ASCII));
        chain.call("register " + name, rocketStorage, "simSetAddress", key, new Address(address));
    }

    private void write(ChainWriter chain) {
        chain.call("Rocket Pool nodes", NODE_MANAGER, "simSetNodeCount", counts.nodes());
        chain.call("Rocket Pool minipools", MINIPOOL_MANAGER, "simSetCounts", counts.minipools(), counts.finalised(),
                counts.staking());
    }

    RocketNodeCounts counts() {
        return counts;
    }
}
