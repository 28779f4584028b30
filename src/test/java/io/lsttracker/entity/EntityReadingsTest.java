package io.lsttracker.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.lsttracker.beacon.BeaconClient;
import io.lsttracker.chain.EventLog;
import io.lsttracker.chain.FakeChain;
import io.lsttracker.chain.TransactionLogReader;
import io.lsttracker.chain.TransactionReader;
import io.lsttracker.db.TestDatabases;
import io.lsttracker.domain.BlockRef;
import io.lsttracker.pool.PoolRegistry;
import io.lsttracker.pool.PoolRegistryLoader;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Address;
import org.web3j.utils.Numeric;

/**
 * Readings end to end against a small beacon node (a JDK HTTP server) and a fake chain: rule 1 read on chain,
 * deposits indexed in pages with their transactions batched, at most one reading an epoch, a garbage answer failing
 * only its epoch.
 */
class EntityReadingsTest {
    private static final Instant GENESIS = Instant.ofEpochSecond(1_606_824_023L);
    private static final String VAULT = "0x" + "b9".repeat(20);
    private static final String MANAGER = "0x" + "77".repeat(20);
    private static final String MINIPOOL = "0x" + "33".repeat(20);
    private static final String KRAKEN = "0x" + "11".repeat(20);
    private static final String DEPOSIT_CONTRACT = "0x00000000219ab540356cbb839cbe05303d7705fa";
    private static final PoolRegistry POOLS = PoolRegistryLoader.load(Path.of(System.getenv()
            .getOrDefault("LST_PROJECT_DIR", ".")).resolve("config/pools.yml").toString());
    private static final EntityRegistry REGISTRY = EntityRegistryLoader.parse("test.yml", """
            entities:
              lido: {name: Lido, category: liquid-staking, pool: lido, credentials: lido}
              rocketpool: {name: Rocket Pool, category: liquid-staking, pool: rocketpool, credentials: rocketpool}
              kraken:
                name: Kraken
                category: exchange
                depositors: [{address: "%s", source: test}]
            """.formatted(KRAKEN), POOLS);

    private HttpServer server;
    private final Map<String, String> states = new ConcurrentHashMap<>();
    private final List<String> requested = new CopyOnWriteArrayList<>();
    private TestDatabases.TestDatabase db;
    private EntityStore store;
    private FakeChain chain;
    private final Deposits deposits = new Deposits();

    /** DepositEvent logs and their transactions, with what was asked. */
    static final class Deposits implements TransactionLogReader, TransactionReader {
        final List<TransactionLog> logs = new ArrayList<>();
        final Map<String, Parties> txs = new ConcurrentHashMap<>();
        final List<List<Long>> ranges = new CopyOnWriteArrayList<>();
        final List<Integer> batches = new CopyOnWriteArrayList<>();

        void add(long block, long index, String pubkey, String from) {
            String tx = "0x" + String.format("%064x", block * 1000 + index);
            logs.add(new TransactionLog(new EventLog(DEPOSIT_CONTRACT, block, FakeChain.hash(block, "a"), index,
                    List.of(DepositEvents.TOPIC0), DepositEventsTest.encode(pubkey, "0x00" + "ab".repeat(31),
                            32_000_000_000L, block)), tx));
            txs.put(tx, new Parties(tx, from, DEPOSIT_CONTRACT));
        }

        @Override
        public List<TransactionLog> logsWithTransactions(Address address, String topic0, long from, long to) {
            assertEquals(DEPOSIT_CONTRACT, address.getValue().toLowerCase());
            assertEquals(DepositEvents.TOPIC0, topic0);
            ranges.add(List.of(from, to));
            return logs.stream().filter(l -> l.log().blockNumber() >= from && l.log().blockNumber() <= to).toList();
        }

        @Override
        public List<Parties> parties(List<String> hashes) {
            batches.add(hashes.size());
            return hashes.stream().map(txs::get).toList();
        }
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/eth/v1/beacon/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requested.add(path);
            String body = path.endsWith("/genesis") ? "{\"data\":{\"genesis_time\":\"" + GENESIS.getEpochSecond() + "\"}}"
                    : states.get(path.replace("/eth/v1/beacon/states/", "").replace("/validators", ""));
            byte[] bytes = (body == null ? "{\"code\":404}" : body).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        db = TestDatabases.h2();
        store = db.bean(EntityStore.class);
        chain = new FakeChain(GENESIS).answer(call -> {
            String selector = Numeric.toHexString(call.callData()).substring(0, 10);
            return switch (selector) {
                case "0x56396715" -> FakeChain.words(Numeric.toBigInt("0x01" + "00".repeat(11) + VAULT.substring(2)));
                case "0x21f8a721" -> FakeChain.words(Numeric.toBigInt(MANAGER));
                case "0xae4d0bed" -> FakeChain.words(BigInteger.ONE);
                case "0xeff7319f" -> FakeChain.words(Numeric.toBigInt(MINIPOOL));
                default -> throw new AssertionError("unexpected call " + call);
            };
        });
    }

    @AfterEach
    void stop() {
        server.stop(0);
        db.close();
    }

    private EntityReadings readings(EntityChainSettings settings, boolean withBeacon) {
        CredentialIndexer credentials = new CredentialIndexer(REGISTRY, POOLS, chain, chain, store, settings);
        DepositIndexer indexer = new DepositIndexer(deposits, deposits, store, settings);
        BeaconClient beacon = withBeacon ? new BeaconClient("http://127.0.0.1:" + server.getAddress().getPort(),
                Duration.ofSeconds(5)) : null;
        return new EntityReadings(REGISTRY, credentials, indexer, store, beacon,
                Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC));
    }

    private static EntityChainSettings settings(int pagesPerCycle) {
        // page-blocks 10, 2 transactions per batch, deposits and vaults from block 0
        return new EntityChainSettings(DEPOSIT_CONTRACT, 0L, "0x3a0008a588772446f6e656133C2D5029CC4FC20E", 0L, 10L, 2,
                pagesPerCycle, 500, "0x25e821b7197B146F7713C3b89B6A4D83516B912d", 0L,
                "0xbAFA44EFE7901E04E39Dad13167D089C559c1138", 0L);
    }

    private static BlockRef blockAtSlot(long number, long slot) {
        return new BlockRef(number, FakeChain.hash(number, "a"), GENESIS.plusSeconds(slot * 12));
    }

    private static String validators(String... entries) {
        return "{\"execution_optimistic\":false,\"finalized\":true,\"data\":[" + String.join(",", entries) + "]}";
    }

    private static String validator(long index, String pubkey, String credentials, String balance) {
        return io.lsttracker.beacon.BeaconClientTestShapes.validator(index, "active_ongoing", balance, pubkey,
                credentials, "32000000000", "false");
    }

    private static String key(int i) {
        return "0x" + String.format("%096x", i);
    }

    @Test
    void readsOnceAnEpochAndAGarbageAnswerFailsOnlyItsEpoch() {
        deposits.add(3, 0, key(2), KRAKEN);
        deposits.add(12, 0, key(3), "0x" + "99".repeat(20));
        deposits.add(12, 1, key(2), "0x" + "99".repeat(20)); // a top-up by someone else: not the first deposit
        deposits.add(30, 0, key(4), KRAKEN);
        states.put("3200", validators(
                validator(0, key(0), "0x01" + "00".repeat(11) + VAULT.substring(2), "32000000000"),
                validator(1, key(1), "0x01" + "00".repeat(11) + MINIPOOL.substring(2), "32000000000"),
                validator(2, key(2), "0x00" + "ab".repeat(31), "32000000000"),
                validator(3, key(3), "0x00" + "ab".repeat(31), "16000000000")));
        EntityReadings readings = readings(settings(2), true);
        BlockRef block = blockAtSlot(35, 3200); // epoch 100

        // Pages of 10 blocks, 2 a call: 0..9, 10..19, then 20..29, 30..35.
        assertEquals(EntityReadings.Outcome.WAITING, readings.readFor(block));
        assertTrue(readings.status().message().orElseThrow().contains("deposit index is at block 19 of 35"),
                readings.status().toString());
        assertEquals(EntityReadings.Outcome.READ, readings.readFor(block));
        assertEquals(List.of(List.of(0L, 9L), List.of(10L, 19L), List.of(20L, 29L), List.of(30L, 35L)),
                deposits.ranges);
        assertEquals(List.of(1, 2, 1), deposits.batches); // block 12's two transactions in one batch

        EntityReading r = store.latest().orElseThrow().reading();
        assertEquals(100, r.epoch());
        assertEquals(3200, r.slot());
        // The reading's time is its slot's, genesis + 12 s x 3200, not the (fixed, 2026-12-01) clock.
        assertEquals(GENESIS.plusSeconds(12 * 3200), r.readAt());
        // Lido by its vault, Rocket Pool by its minipool (both read on chain), Kraken by the first deposit of key 2;
        // key 3 was deposited by nobody labelled: 16 ETH unidentified. All staked: 112 ETH.
        assertEquals(BigInteger.valueOf(112_000_000_000L), r.activeStakeGwei());
        assertEquals(Map.of("kraken", 32_000_000_000L, "lido", 32_000_000_000L, "rocketpool", 32_000_000_000L),
                Map.of(r.entities().get(0).entity(), r.entities().get(0).activeStakeGwei().longValue(),
                        r.entities().get(1).entity(), r.entities().get(1).activeStakeGwei().longValue(),
                        r.entities().get(2).entity(), r.entities().get(2).activeStakeGwei().longValue()));
        assertEquals(BigInteger.valueOf(16_000_000_000L), r.unidentified().activeStakeGwei());
        assertEquals(Map.of(Rule.DEPOSIT_SENDER, 1L), r.row("kraken").orElseThrow().byRule());

        // The next snapshot in the same epoch reuses the reading: the validator set is not read again.
        long reads = requested.stream().filter(p -> p.endsWith("/validators")).count();
        assertEquals(EntityReadings.Outcome.REUSED, readings.readFor(blockAtSlot(36, 3231)));
        assertEquals(reads, requested.stream().filter(p -> p.endsWith("/validators")).count());

        // The next epoch's answer is garbage: that epoch fails, named; the reading of epoch 100 stays.
        states.put("3232", validators(validator(0, key(0), "0x01" + "00".repeat(11) + VAULT.substring(2), "-1")));
        assertEquals(EntityReadings.Outcome.FAILED, readings.readFor(blockAtSlot(37, 3232)));
        assertTrue(readings.status().message().orElseThrow().contains("validator 0: balance '-1'"),
                readings.status().toString());
        assertEquals(100, store.latest().orElseThrow().reading().epoch());
        assertEquals(false, store.hasReading(101));
        // Failed, epoch 101 is not tried again by the next snapshot in it; epoch 102 is.
        long before = requested.size();
        assertEquals(EntityReadings.Outcome.FAILED, readings.readFor(blockAtSlot(38, 3240)));
        assertEquals(before, requested.size());
        states.put("3264", states.get("3200"));
        assertEquals(EntityReadings.Outcome.READ, readings.readFor(blockAtSlot(39, 3264)));
        assertEquals(102, store.latest().orElseThrow().reading().epoch());
    }

    @Test
    void withoutABeaconNodeTheStatusSaysHowToConfigureOne() {
        EntityReadings readings = readings(settings(2), false);
        assertEquals(EntityReadings.Outcome.NOT_CONFIGURED, readings.readFor(blockAtSlot(1, 32)));
        assertTrue(readings.status().message().orElseThrow().contains("LST_BEACON_URL"));
        assertEquals(Optional.empty(), store.latest());
    }

    @Test
    void stakeWiseVaultsAreFollowedByTheirLogsWithinThePageBudget() {
        String vault = "0x" + "5e".repeat(20);
        String registry = "0x3a0008a588772446f6e656133C2D5029CC4FC20E";
        chain.log(new EventLog(registry, 25, FakeChain.hash(25, "a"), 0, List.of(CredentialIndexer.VAULT_ADDED,
                "0x" + "00".repeat(12) + "ca".repeat(20), "0x" + "00".repeat(12) + vault.substring(2)), "0x"));
        EntityRegistry withVaults = EntityRegistryLoader.parse("test.yml", """
                entities:
                  stakewise: {name: StakeWise, category: liquid-staking, pool: stakewise, credentials: stakewise}
                """, POOLS);
        EntityChainSettings settings = settings(2);
        EntityReadings readings = new EntityReadings(withVaults, new CredentialIndexer(withVaults, POOLS, chain, chain,
                store, settings), new DepositIndexer(deposits, deposits, store, settings), store,
                new BeaconClient("http://127.0.0.1:" + server.getAddress().getPort(), Duration.ofSeconds(5)),
                Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC));
        states.put("3200", validators(validator(0, key(0), "0x01" + "00".repeat(11) + vault.substring(2),
                "32000000000")));
        // Pages of 10 blocks, 2 a call, toward block 35: the vault logs reach 19, then 35.
        assertEquals(EntityReadings.Outcome.WAITING, readings.readFor(blockAtSlot(35, 3200)));
        assertTrue(readings.status().message().orElseThrow().contains("vault logs are read to block 19 of 35"),
                readings.status().toString());
        assertEquals(EntityReadings.Outcome.READ, readings.readFor(blockAtSlot(35, 3200)));
        assertEquals(Map.of(vault, CredentialSource.STAKEWISE), store.credentials());
        EntityReading r = store.latest().orElseThrow().reading();
        assertEquals(BigInteger.valueOf(32_000_000_000L), r.row("stakewise").orElseThrow().activeStakeGwei());
        assertEquals(0, r.unidentified().validators());
    }
}
