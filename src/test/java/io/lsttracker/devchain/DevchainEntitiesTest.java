package io.lsttracker.devchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.chain.RpcConnection;
import io.lsttracker.chain.Web3jChainReader;
import io.lsttracker.devchain.beacon.EntityTruth;
import io.lsttracker.devchain.beacon.ValidatorSet;
import io.lsttracker.db.TestDatabases;
import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.BlockSelector;
import io.lsttracker.entity.EntityReading;
import io.lsttracker.entity.EntityReadings;
import io.lsttracker.entity.EntityStore;
import io.lsttracker.entity.Rule;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Address;

/**
 * The tracker's attribution (entity/EntityReadings: rule 1 on chain, the deposit index, the streamed validator
 * set) of the devchain's beacon chain, against what the devchain placed there (Devchain.entityTruth): every
 * entity's validators, active validators and active stake to the gwei, before and after the validators' changes
 * (exits, slashings, activations, 0x00 to 0x01 credentials) and the deposits made during the history (validators
 * that appear at the change, top-ups of compounding ones).
 */
class DevchainEntitiesTest {
    private static final List<String> RULE_ONE = List.of("lido", "rocketpool", "stakewise", "etherfi", "stader",
            "swell", "mantle", "frax");

    @Test
    void everyEntitysFiguresAreWhatTheDevchainPlaced() {
        Devchain devchain = TestDevchain.shared();
        try (TestDatabases.TestDatabase db = TestDatabases.h2();
                ApplicationContext context = TestDevchain.trackerContext(devchain, db.jdbcUrl(), Map.of());
                RpcConnection rpc = RpcConnection.open(devchain.url(), Duration.ofSeconds(30))) {
            Web3jChainReader chain = new Web3jChainReader(rpc, new Address(SimulatedContracts.MULTICALL3));
            BlockRef head = chain.pin(BlockSelector.LATEST);
            // A block a day before the change (exits, slashings, activations, 0x00 to 0x01), then the head.
            long before = SimulatedBeacon.slotStart(devchain.validators().changeSlot()).getEpochSecond() - 86_400;
            long low = devchain.depositContractFirstBlock();
            long high = head.number();
            while (low < high) {
                long mid = (low + high + 1) / 2;
                if (chain.pin(new BlockSelector.Number(mid)).timestamp().getEpochSecond() <= before) {
                    low = mid;
                } else {
                    high = mid - 1;
                }
            }
            // The validators deposited during the history are mined between the two readings.
            long[] lateBlocks = devchain.lateDepositBlocks();
            assertTrue(low < lateBlocks[0] && lateBlocks[1] < head.number(), low + " " + lateBlocks[1]);
            ValidatorSet set = devchain.validators();
            EntityReadings readings = context.getBean(EntityReadings.class);
            EntityStore store = context.getBean(EntityStore.class);
            for (BlockRef block : List.of(chain.pin(new BlockSelector.Number(low)), head)) {
                EntityReadings.Outcome outcome;
                do {
                    outcome = readings.readFor(block);
                } while (outcome == EntityReadings.Outcome.WAITING);
                assertEquals(EntityReadings.Outcome.READ, outcome, readings.status().message().orElse(""));
                EntityReading reading = store.latest().orElseThrow().reading();
                assertEquals(block == head ? set.size() + set.lateSize() : set.size(), reading.validators());
                Map<String, EntityTruth> found = new TreeMap<>();
                reading.entities().forEach(r -> found.put(r.entity(),
                        new EntityTruth(r.validators(), r.activeValidators(), r.activeStakeGwei())));
                EntityReading.Row u = reading.unidentified();
                found.put(ValidatorSet.UNIDENTIFIED, new EntityTruth(u.validators(), u.activeValidators(),
                        u.activeStakeGwei()));
                found.values().removeIf(t -> t.validators() == 0);
                assertEquals(new TreeMap<>(devchain.entityTruth(reading.slot())), found, "slot " + reading.slot());
                // The pools that name their credentials deposit from addresses of the model's own: every one of
                // their validators is found by rule 1, read from their own contracts.
                for (String pool : RULE_ONE) {
                    EntityReading.Row row = reading.entities().stream().filter(r -> r.entity().equals(pool))
                            .findFirst().orElseThrow(() -> new AssertionError(pool + " has no row"));
                    assertEquals(Map.of(Rule.CREDENTIALS, row.validators()), row.byRule(), pool);
                }
            }
        }
    }
}
