package io.lsttracker.devchain;

import static io.lsttracker.devchain.TestDevchain.assertBetween;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lsttracker.cli.Main;
import io.lsttracker.domain.Wei;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole path, chain to terminal: `snapshot` against the devchain gives exactly what it simulated. */
class DevchainSnapshotTest {
    private static Devchain devchain;

    @BeforeAll
    static void start() {
        devchain = TestDevchain.shared();
    }

    @Test
    void jsonSnapshotHoldsTheSimulatedStateExactly() throws Exception {
        Run run = run("snapshot", "--rpc", devchain.url(), "--format", "json");
        assertEquals(0, run.exit, run.err);
        JsonNode json = new ObjectMapper().readTree(run.out);
        assertEquals(1, json.get("chainId").asLong());
        assertEquals(devchain.headTimestamp(), Instant.parse(json.get("block").get("timestamp").asText()).getEpochSecond());
        assertTrue(json.get("block").get("hash").asText().matches("0x[0-9a-f]{64}"));

        JsonNode lido = json.get("pools").get(0);
        assertEquals("lido", lido.get("id").asText());
        assertEquals("ok", lido.get("status").asText());
        assertEquals("rebasing", lido.get("tokenKind").asText());
        assertEquals(ether(devchain.lidoShareRate()), lido.get("ethPerToken").asText());
        assertEquals(ether(devchain.lidoPooledEther()), lido.get("totalEth").asText());
        assertEquals(ether(devchain.lidoPooledEther()), lido.get("tokenSupply").asText());
        assertEquals(ether(devchain.lidoShares()), lido.get("details").get("totalShares").asText());

        JsonNode rocketpool = json.get("pools").get(1);
        assertEquals("rocketpool", rocketpool.get("id").asText());
        assertEquals("value-accruing", rocketpool.get("tokenKind").asText());
        assertEquals(ether(devchain.rocketPoolExchangeRate()), rocketpool.get("ethPerToken").asText());
        assertEquals(ether(devchain.rocketPoolTotalEth()), rocketpool.get("totalEth").asText());
        assertEquals(ether(devchain.rethSupply()), rocketpool.get("tokenSupply").asText());
    }

    @Test
    void everySimulatedPoolReadsExactlyWhatTheDevchainWrote() throws Exception {
        Run run = run("snapshot", "--rpc", devchain.url(), "--format", "json");
        assertEquals(0, run.exit, run.err);
        JsonNode pools = new ObjectMapper().readTree(run.out).get("pools");
        java.util.List<String> ids = new java.util.ArrayList<>();
        pools.forEach(pool -> ids.add(pool.get("id").asText()));
        assertEquals(devchain.poolIds(), ids, "config/pools.yml and the devchain cover the same pools, in order");
        for (JsonNode pool : pools) {
            String id = pool.get("id").asText();
            SimulatedPool.Expected expected = devchain.expected(id);
            assertEquals("ok", pool.get("status").asText(), id + ": " + pool);
            assertEquals(ether(expected.ethPerToken()), pool.get("ethPerToken").asText(), id + " ethPerToken");
            assertEquals(ether(expected.totalEth()), pool.get("totalEth").asText(), id + " totalEth");
            assertEquals(ether(expected.tokenSupply()), pool.get("tokenSupply").asText(), id + " tokenSupply");
        }
    }

    @Test
    void aSnapshotIsOneEthCallAndOneBlockRequest() {
        try (io.lsttracker.chain.RpcConnection rpc = io.lsttracker.chain.RpcConnection.open(devchain.url(),
                java.time.Duration.ofSeconds(10));
                io.micronaut.context.ApplicationContext context = io.micronaut.context.ApplicationContext.builder()
                        .deduceEnvironment(false).start()) {
            io.lsttracker.snapshot.SnapshotService service = new io.lsttracker.snapshot.SnapshotService(
                    new io.lsttracker.chain.Web3jChainReader(rpc,
                            new org.web3j.abi.datatypes.Address("0xcA11bde05977b3631167028862bE2a173976CA11")),
                    context.getBean(io.lsttracker.pool.PoolRegistry.class),
                    context.getBean(io.lsttracker.pool.PoolAdapters.class));
            service.take(io.lsttracker.domain.BlockSelector.LATEST); // resolves and caches addresses
            long http = rpc.httpRequests();
            java.util.Map<String, Long> before = rpc.callsByMethod();
            service.take(io.lsttracker.domain.BlockSelector.LATEST);
            assertEquals(2, rpc.httpRequests() - http);
            assertEquals(before.getOrDefault("eth_call", 0L) + 1, rpc.calls("eth_call"));
            assertEquals(before.getOrDefault("eth_getBlockByNumber", 0L) + 1, rpc.calls("eth_getBlockByNumber"));
        }
    }

    @Test
    void theHeadLooksLikeTodaysMainnet() {
        // Lido ~9.3M ETH at a share rate near 1.225, Rocket Pool ~600k ETH at near 1.145 (orders of magnitude)
        assertBetween(devchain.lidoPooledEther(), "9000000", "9600000");
        assertBetween(devchain.lidoShareRate(), "1.2", "1.25");
        assertBetween(devchain.rocketPoolTotalEth(), "550000", "650000");
        assertBetween(devchain.rocketPoolExchangeRate(), "1.12", "1.17");
    }

    @Test
    void tableSnapshotShowsEveryPool() {
        Run run = run("snapshot", "--rpc", devchain.url());
        assertEquals(0, run.exit, run.err);
        String[] lines = run.out.split("\\R");
        assertTrue(lines[0].startsWith("block "), run.out);
        assertTrue(lines[0].endsWith("chain 1"), run.out);
        assertTrue(lines[1].startsWith("POOL"), run.out);
        assertTrue(lines[2].startsWith("lido ") && lines[2].contains(Wei.toEther(devchain.lidoShareRate()).toPlainString())
                && lines[2].endsWith("ok"), lines[2]);
        assertTrue(lines[3].startsWith("rocketpool ") && lines[3].endsWith("ok"), lines[3]);
    }

    @Test
    void anEarlierBlockGivesThatBlocksState() throws Exception {
        Run latest = run("snapshot", "--rpc", devchain.url(), "--format", "json");
        long middle = new ObjectMapper().readTree(latest.out).get("block").get("number").asLong() / 2;
        Run run = run("snapshot", "--rpc", devchain.url(), "--format", "json", "--block", Long.toString(middle));
        assertEquals(0, run.exit, run.err);
        JsonNode json = new ObjectMapper().readTree(run.out);
        assertEquals(middle, json.get("block").get("number").asLong());
        String earlyRate = json.get("pools").get(0).get("ethPerToken").asText();
        assertTrue(new java.math.BigDecimal(earlyRate).compareTo(Wei.toEther(devchain.lidoShareRate())) < 0,
                "the share rate grew since block " + middle + ": " + earlyRate);
    }

    @Test
    void aBlockPastTheHeadIsOneLineAndANonZeroExit() {
        Run run = run("snapshot", "--rpc", devchain.url(), "--block", "99999999");
        assertEquals(Main.EXIT_CHAIN, run.exit);
        assertTrue(run.err.matches("error: block 99999999 is past the chain head \\(block \\d+\\)\\R"), run.err);
        assertEquals("", run.out);
    }

    private static String ether(BigInteger wei) {
        return Wei.toEther(wei).toPlainString();
    }

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }
}
