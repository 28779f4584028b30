package io.lsttracker.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.alert.AlertEvent;
import io.lsttracker.alert.AlertRepository;
import io.lsttracker.alert.AlertService;
import io.lsttracker.alert.AlertTransition;
import io.lsttracker.cli.Commands;
import io.lsttracker.db.TestDatabases;
import io.lsttracker.devchain.Devchain;
import io.lsttracker.snapshot.SnapshotCycle;
import io.lsttracker.snapshot.SnapshotStore;
import io.micronaut.context.ApplicationContext;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.http.HttpService;

/**
 * A reorg deeper than tracker.reorg-depth on anvil (anvil_reorg of the last four stored blocks, depth 2): the cycle
 * replaces what the depth covers and leaves the oldest orphaned snapshot, the alert rule reorg-too-deep fires from
 * the cycle's counter, and `lst-tracker repair` (a child JVM, as a user runs it, on the same PostgreSQL database)
 * finds the orphaned snapshot, reads it again from the canonical chain and replaces it: every stored row of the range
 * then matches the chain, cbETH's rate included. Bad ranges are refused with a message naming what is wrong.
 */
class DeepReorgRepairTest {
    /** cbETH on the devchain (SimulatedCoinbase): its exchangeRate() is cbETH's ETH per token, 18 decimals. */
    private static final String CBETH = "0xBe9895146f7AF43049ca1c1AE358B0541Ea49704";

    static final class Raw extends Response<Object> {
    }

    @Test
    void aReorgDeeperThanTheDepthFiresTheAlertAndRepairReplacesTheOrphanedSnapshots() throws Exception {
        Devchain devchain = ReliabilityDevchain.shared();
        Path rules = Files.createTempFile(Files.createDirectories(Path.of("target")), "deep-reorg-", ".yml");
        Files.writeString(rules, "rules:\n  reorg-too-deep:\n    metric: reorg-too-deep\n    threshold: 0\n");
        HttpService anvil = new HttpService(devchain.url());
        Web3j web3j = Web3j.build(anvil);
        try (TestDatabases.TestDatabase db = TestDatabases.postgres();
                ApplicationContext context = ApplicationContext.builder().environments("server")
                        .deduceEnvironment(false)
                        .properties(Map.of("tracker.chain.rpc-url", devchain.url(),
                                "tracker.confirmations", 0,
                                "tracker.reorg-depth", 2,
                                "tracker.beacon.url", devchain.beaconUrl(),
                                "tracker.alerts.file", rules.toString(),
                                "datasources.default.url", db.jdbcUrl(),
                                "datasources.default.username", db.user()))
                        .start()) {
            SnapshotCycle cycle = context.getBean(SnapshotCycle.class);
            SnapshotStore store = context.getBean(SnapshotStore.class);
            List<Long> blocks = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                if (i > 0) {
                    send(anvil, "evm_mine", List.of());
                }
                assertEquals(SnapshotCycle.Outcome.STORED, cycle.runOnce());
                blocks.add(store.latest().orElseThrow().block().number());
            }
            long first = blocks.get(0);
            long last = blocks.get(3);
            assertEquals(List.of(first, first + 1, first + 2, first + 3), blocks, "four consecutive blocks stored");
            String orphanedHash = hash(db, first);

            // Replace the four stored blocks; the new branch's first block sets cbETH's rate to 1.2345 ETH.
            BigInteger newRate = new BigInteger("1234500000000000000");
            String from = web3j.ethAccounts().send().getAccounts().get(0);
            String data = FunctionEncoder.encode(new Function("simUpdateExchangeRate", List.of(new Uint256(newRate)),
                    List.of()));
            send(anvil, "anvil_reorg", List.of(4, List.of(List.of(Map.of("from", from, "to", CBETH, "data", data,
                    "gas", "0x1e8480"), 0))));
            assertEquals(SnapshotCycle.Outcome.REPLACED, cycle.runOnce());
            assertEquals(1, cycle.reorgsTooDeep(), "deeper than the depth: counted");
            assertEquals(orphanedHash, hash(db, first), "below the depth, the orphaned snapshot stayed");
            assertNotEquals(canonical(web3j, first), orphanedHash);

            AlertService alerts = context.getBean(AlertService.class);
            alerts.checkDeepReorgs(cycle.reorgsTooDeep(), Instant.now());
            List<AlertEvent> events = context.getBean(AlertRepository.class)
                    .events(Optional.of(AlertTransition.Kind.FIRING), 10);
            assertEquals(1, events.size(), events.toString());
            assertEquals("reorg-too-deep", events.get(0).ruleId());
            assertEquals(0, events.get(0).value().compareTo(java.math.BigDecimal.ONE), "one deep reorg found");
            alerts.checkDeepReorgs(cycle.reorgsTooDeep(), Instant.now());
            assertEquals(1, context.getBean(AlertRepository.class).events(Optional.of(AlertTransition.Kind.FIRING), 10)
                    .size(), "fired once for the one reorg");

            // Bad ranges are refused before anything is read or written.
            Commands.Result backwards = Commands.run("repair", "--from-block", "9", "--to-block", "3");
            assertEquals(2, backwards.exit(), backwards.err());
            assertTrue(backwards.err().contains("error: --from-block 9 is after --to-block 3"), backwards.err());
            Commands.Result negative = Commands.run("repair", "--from-block", "-1", "--to-block", "3");
            assertEquals(2, negative.exit(), negative.err());
            assertTrue(negative.err().contains("at least 0; got -1 and 3"), negative.err());

            Map<String, String> env = new HashMap<>();
            env.put("LST_DB_URL", db.jdbcUrl());
            env.put("LST_DB_USER", db.user());
            env.put("LST_RPC_URL", devchain.url());
            String pastHead = runChild(env, 2, "repair", "--from-block", Long.toString(last + 1000),
                    "--to-block", Long.toString(last + 2000));
            assertTrue(pastHead.contains("error: --to-block " + (last + 2000) + " is past the chain's head"), pastHead);
            String nothing = runChild(env, 2, "repair", "--from-block", "1", "--to-block", "2");
            assertTrue(nothing.contains("error: no snapshot is stored from block 1 to block 2: nothing to repair"),
                    nothing);

            String repaired = runChild(env, 0, "repair", "--from-block", Long.toString(first - 5),
                    "--to-block", Long.toString(last));
            assertTrue(repaired.contains("blocks " + (first - 5) + " to " + last + ": 4 stored snapshot(s), 1 orphaned, "
                    + "read again from the canonical chain and replaced: [" + first + "]"), repaired);

            for (long block : blocks) {
                assertEquals(canonical(web3j, block), hash(db, block), "block " + block + " matches the chain");
                assertEquals(1, count(db, "SELECT COUNT(*) FROM snapshot WHERE block_number = " + block));
                assertEquals(1, count(db, "SELECT COUNT(*) FROM concentration WHERE block_number = " + block));
            }
            assertEquals(newRate.toString(), query(db, "SELECT eth_per_token FROM pool_state WHERE block_number = "
                    + first + " AND pool_id = 'coinbase'"), "read again from the new branch, not copied");
            assertEquals(count(db, "SELECT COUNT(*) FROM pool_state WHERE block_number = " + (first + 1)),
                    count(db, "SELECT COUNT(*) FROM pool_state WHERE block_number = " + first), "whole: every pool");
        } finally {
            web3j.shutdown();
        }
    }

    /** `java io.lsttracker.cli.Main ARGS` in a child JVM, as a user runs it; its output, once it exited with {@code exit}. */
    private static String runChild(Map<String, String> env, int exit, String... args) throws Exception {
        try (ChildTracker child = ChildTracker.start(env, List.of(), List.of(args))) {
            assertTrue(child.process.waitFor(120, TimeUnit.SECONDS), "the command ended");
            String output = child.output();
            assertEquals(exit, child.process.exitValue(), output);
            return output;
        }
    }

    private static void send(HttpService anvil, String method, List<?> params) throws Exception {
        Raw answer = new Request<>(method, params, anvil, Raw.class).send();
        assertTrue(!answer.hasError(), () -> method + ": " + answer.getError().getMessage());
    }

    private static String canonical(Web3j web3j, long number) throws Exception {
        return web3j.ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(number)), false).send()
                .getBlock().getHash();
    }

    private static String hash(TestDatabases.TestDatabase db, long block) throws Exception {
        return query(db, "SELECT block_hash FROM snapshot WHERE block_number = " + block);
    }

    private static String query(TestDatabases.TestDatabase db, String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            assertTrue(r.next(), "a row for " + sql);
            return r.getString(1);
        }
    }

    private static long count(TestDatabases.TestDatabase db, String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
