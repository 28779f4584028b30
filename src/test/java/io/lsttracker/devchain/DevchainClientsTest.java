package io.lsttracker.devchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.chain.RpcConnection;
import io.lsttracker.chain.Web3jChainReader;
import io.lsttracker.clients.ClientDiversity;
import io.lsttracker.clients.ClientWindows;
import io.lsttracker.clients.ProposalIndexer;
import io.lsttracker.db.TestDatabases;
import io.lsttracker.devchain.beacon.Proposals;
import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.BlockSelector;
import io.lsttracker.entity.EntityReadings;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Address;

/**
 * Client diversity read by the tracker (clients/ProposalIndexer over the devchain's beacon node, proposers attributed
 * by an entity reading) against what the devchain's blocks say by construction (Devchain.proposalTruth): per
 * entity, the blocks and each consensus and execution client's blocks over the last day, the missed slots, and the
 * majority flags.
 */
class DevchainClientsTest {

    @Test
    void everyEntitysClientFiguresAreWhatTheDevchainsBlocksSay() {
        Devchain devchain = TestDevchain.shared();
        try (TestDatabases.TestDatabase db = TestDatabases.h2();
                ApplicationContext context = TestDevchain.trackerContext(devchain, db.jdbcUrl(), Map.of(
                        "tracker.clients.lookback-days", 1, "tracker.clients.slots-per-cycle", 8_000));
                RpcConnection rpc = RpcConnection.open(devchain.url(), Duration.ofSeconds(30))) {
            Web3jChainReader chain = new Web3jChainReader(rpc, new Address(SimulatedContracts.MULTICALL3));
            BlockRef head = chain.pin(BlockSelector.LATEST);
            EntityReadings readings = context.getBean(EntityReadings.class);
            EntityReadings.Outcome read;
            do {
                read = readings.readFor(head);
            } while (read == EntityReadings.Outcome.WAITING);
            assertEquals(EntityReadings.Outcome.READ, read, readings.status().message().orElse(""));

            ProposalIndexer indexer = context.getBean(ProposalIndexer.class);
            ProposalIndexer.Outcome outcome = indexer.runOnce();
            assertEquals(ProposalIndexer.Outcome.READ, outcome, indexer.status().message().orElse(""));
            ClientWindows.Report day = context.getBean(ClientWindows.class).report(ClientWindows.Window.D1)
                    .orElseThrow();
            assertTrue(day.complete(), "the first run reads the whole day: " + day);

            long[] missed = {0};
            Map<String, Map<Proposals.Said, Long>> truth = devchain.proposalTruth(day.fromSlot(), day.toSlot(),
                    day.toSlot(), missed);
            assertTrue(truth.size() >= 10 && day.network().blocks() > 6_000, "a day of blocks of every entity: " + truth.keySet());
            assertEquals(missed[0], day.missed());
            assertEquals(new TreeMap<>(expected(truth)), new TreeMap<>(found(day)));
            // Coinbase's mix is dominated by Prysm: its flag comes out of the counts, as the truth's does.
            Map<String, Long> coinbase = perClient(truth.get("coinbase"), true);
            long identified = coinbase.values().stream().mapToLong(Long::longValue).sum();
            long top = coinbase.values().stream().mapToLong(Long::longValue).max().orElseThrow();
            ClientDiversity.Figures cb = day.entities().get("coinbase");
            assertEquals(3 * top > 2 * identified, cb.consensus().majorityAboveTwoThirds());
            assertTrue(cb.consensus().majorityAboveTwoThirds(), "the devchain gives Coinbase 75% Prysm of 85% named");

            // The packaged alert rules judge these figures (kept in memory) at the next snapshot: Coinbase's Prysm is
            // above 2/3 of its named blocks, and "unidentified" is never a subject.
            context.getBean(io.lsttracker.snapshot.SnapshotCycle.class).runOnce();
            Map<io.lsttracker.alert.AlertRepository.Key, io.lsttracker.alert.AlertState> states =
                    context.getBean(io.lsttracker.alert.AlertRepository.class).states();
            io.lsttracker.alert.AlertState coinbaseAlert = states.get(new io.lsttracker.alert.AlertRepository.Key(
                    "consensus-client-over-two-thirds", "coinbase"));
            assertTrue(coinbaseAlert != null && coinbaseAlert.firing(), "alert states: " + states.keySet());
            assertTrue(states.keySet().stream().noneMatch(k -> k.subject().equals("unidentified")
                    && k.ruleId().contains("client")), states.keySet().toString());
        }
    }

    /** Entity -> "blocks", "cl:<id>" and "el:<id>" counts, from the devchain's truth. */
    private static Map<String, Map<String, Long>> expected(Map<String, Map<Proposals.Said, Long>> truth) {
        Map<String, Map<String, Long>> expected = new HashMap<>();
        truth.forEach((entity, said) -> {
            Map<String, Long> counts = new TreeMap<>();
            counts.put("blocks", said.values().stream().mapToLong(Long::longValue).sum());
            perClient(said, true).forEach((c, n) -> counts.put("cl:" + c, n));
            perClient(said, false).forEach((c, n) -> counts.put("el:" + c, n));
            expected.put(entity, counts);
        });
        return expected;
    }

    private static Map<String, Long> perClient(Map<Proposals.Said, Long> said, boolean consensus) {
        Map<String, Long> counts = new TreeMap<>();
        said.forEach((s, n) -> (consensus ? s.consensus() : s.execution()).ifPresent(c -> counts.merge(c, n,
                Long::sum)));
        return counts;
    }

    private static Map<String, Map<String, Long>> found(ClientWindows.Report day) {
        Map<String, Map<String, Long>> found = new HashMap<>();
        day.entities().forEach((entity, f) -> {
            Map<String, Long> counts = new TreeMap<>();
            counts.put("blocks", f.blocks());
            f.consensus().clients().forEach(c -> counts.put("cl:" + c.client().id(), c.blocks()));
            f.execution().clients().forEach(c -> counts.put("el:" + c.client().id(), c.blocks()));
            found.put(entity, counts);
        });
        return found;
    }
}
