package io.lsttracker.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lsttracker.chain.CallResult;
import io.lsttracker.chain.ContractCall;
import io.lsttracker.chain.EventLog;
import io.lsttracker.chain.FakeChain;
import io.lsttracker.db.TestDatabases;
import io.lsttracker.domain.BlockRef;
import io.lsttracker.pool.PoolRegistry;
import io.lsttracker.pool.PoolRegistryLoader;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.utils.Numeric;

/**
 * Rule 1's sources of ether.fi, Stader, Swell, Mantle and Frax together, as an entity reading asks for them: every
 * address named with its source, the logs' progress as one waiting message, and a single address that changes
 * (Mantle's wallet) kept, so the validators made with the earlier one stay attributed.
 */
class CredentialIndexerTest {
    private static final Instant GENESIS = Instant.ofEpochSecond(1_606_824_023L);
    private static final PoolRegistry POOLS = PoolRegistryLoader.load(Path.of(System.getenv()
            .getOrDefault("LST_PROJECT_DIR", ".")).resolve("config/pools.yml").toString());
    private static final EntityRegistry REGISTRY = EntityRegistryLoader.parse("test.yml", """
            entities:
              etherfi: {name: ether.fi, category: restaking, pool: etherfi, credentials: etherfi}
              stader: {name: Stader, category: liquid-staking, pool: stader, credentials: stader}
              swell: {name: Swell, category: restaking, pool: swell, credentials: swell}
              mantle: {name: Mantle, category: liquid-staking, pool: mantle, credentials: mantle}
              frax: {name: Frax, category: liquid-staking, pool: frax, credentials: frax}
            """, POOLS);
    private static final String STAKING_MANAGER = "0x25e821b7197b146f7713c3b89b6a4d83516b912d";
    private static final String MINTER = "0xbafa44efe7901e04e39dad13167d089c559c1138";

    private TestDatabases.TestDatabase db;
    private FakeChain chain;
    private final Map<String, Function<ContractCall, CallResult>> answers = new HashMap<>();

    private static String address(String twoHex) {
        return "0x" + twoHex.repeat(20);
    }

    private static String pool(String id, String role) {
        return POOLS.find(new io.lsttracker.domain.PoolId(id)).orElseThrow().address(role).getValue().toLowerCase();
    }

    private void answer(String target, String selector, String address) {
        answers.put(target + " " + selector, c -> FakeChain.words(Numeric.toBigInt(address)));
    }

    @BeforeEach
    void start() {
        db = TestDatabases.h2();
        chain = new FakeChain(GENESIS).answer(call -> {
            String key = call.target().getValue().toLowerCase() + " "
                    + Numeric.toHexString(call.callData()).substring(0, 10);
            Function<ContractCall, CallResult> answer = answers.get(key);
            if (answer == null) {
                throw new AssertionError("unexpected call " + key);
            }
            return answer.apply(call);
        });
        // Stader: a config naming one registry with one validator, no permissioned registry.
        answer(pool("stader", "manager"), "0x490ffa35", address("4a"));
        answer(address("4a"), "0x360374a4", address("4f"));
        answer(address("4a"), "0x5edc686e", address("00"));
        answers.put(address("4f") + " 0xf7c09189", c -> FakeChain.words(BigInteger.TWO));
        answers.put(address("4f") + " 0x5a1239c1", c -> FakeChain.words(BigInteger.valueOf(4), BigInteger.valueOf(256),
                BigInteger.valueOf(288), BigInteger.valueOf(320), Numeric.toBigInt(address("5a")), BigInteger.ONE,
                BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO));
        // Swell: swETH -> AccessControlManager -> DepositManager -> its credentials.
        answer(pool("swell", "sweth"), "0x902340a1", address("ac"));
        answer(address("ac"), "0xf712312c", address("d3"));
        answers.put(address("d3") + " 0x56396715", c -> new CallResult(true, Numeric.hexStringToByteArray(
                String.format("%064x%064x", 32, 32) + "01" + "00".repeat(11) + "d3".repeat(20))));
        answer(pool("mantle", "staking"), "0x4a7d80b3", address("1a"));
        // ether.fi: one node (its pod) at block 5; Frax: one deposit at block 25.
        answer(address("e1"), "0xbcbb073a", address("e2"));
        chain.log(new EventLog(STAKING_MANAGER, 5, FakeChain.hash(5, "a"), 0, List.of(PoolCredentials.NODE_DEPLOYED,
                "0x" + "0".repeat(24) + "e1".repeat(20)), "0x"));
        chain.log(new EventLog(MINTER, 25, FakeChain.hash(25, "a"), 0, List.of(PoolCredentials.DEPOSIT_SENT,
                "0x" + "77".repeat(32)), "0x" + String.format("%064x%064x", 32, 32) + "01" + "00".repeat(11)
                + "f1".repeat(20)));
    }

    @AfterEach
    void stop() {
        db.close();
    }

    private CredentialIndexer indexer() {
        // page-blocks 10, one page a call; every log from block 0.
        EntityChainSettings settings = new EntityChainSettings("0x00000000219ab540356cBB839Cbe05303d7705Fa", 0L,
                "0x3a0008a588772446f6e656133C2D5029CC4FC20E", 0L, 10L, 2, 1, 500,
                "0x25e821b7197B146F7713C3b89B6A4D83516B912d", 0L, "0xbAFA44EFE7901E04E39Dad13167D089C559c1138", 0L);
        return new CredentialIndexer(REGISTRY, POOLS, chain, chain, db.bean(EntityStore.class), settings);
    }

    private static BlockRef block(long number) {
        return new BlockRef(number, FakeChain.hash(number, "a"), GENESIS.plusSeconds(number * 12));
    }

    @Test
    void everyPoolsAddressesComeWithTheirSourceOnceTheLogsReachTheBlock() {
        CredentialIndexer indexer = indexer();
        CredentialIndexer.Named first = indexer.readAt(block(30));
        assertEquals(Optional.of("ether.fi's EtherFiNodeDeployed logs are read to block 9 of 30; Frax's DepositSent "
                + "logs are read to block 9 of 30"), first.waiting());
        // One page of 10 blocks a reading: 0..9, 10..19, 20..29, then 30.
        indexer.readAt(block(30));
        assertEquals(Optional.of("ether.fi's EtherFiNodeDeployed logs are read to block 29 of 30; Frax's DepositSent "
                + "logs are read to block 29 of 30"), indexer.readAt(block(30)).waiting());
        CredentialIndexer.Named all = indexer.readAt(block(30));
        assertEquals(Optional.empty(), all.waiting());
        assertEquals(Map.of(address("e1"), CredentialSource.ETHERFI, address("e2"), CredentialSource.ETHERFI,
                address("5a"), CredentialSource.STADER, address("d3"), CredentialSource.SWELL,
                address("1a"), CredentialSource.MANTLE, address("f1"), CredentialSource.FRAX), all.addresses());

        // Mantle sets a new withdrawal wallet: both name Mantle's validators from now on.
        answer(pool("mantle", "staking"), "0x4a7d80b3", address("1b"));
        CredentialIndexer.Named after = indexer.readAt(block(40));
        assertEquals(CredentialSource.MANTLE, after.addresses().get(address("1a")));
        assertEquals(CredentialSource.MANTLE, after.addresses().get(address("1b")));
        assertEquals(7, after.addresses().size());
    }
}
