package io.lsttracker.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.chain.CallResult;
import io.lsttracker.chain.ChainReadException;
import io.lsttracker.chain.ContractCall;
import io.lsttracker.chain.EventLog;
import io.lsttracker.chain.FakeChain;
import io.lsttracker.db.TestDatabases;
import io.lsttracker.domain.BlockRef;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Address;
import org.web3j.utils.Numeric;

/**
 * Rule 1 of ether.fi, Stader, Swell, Mantle and Frax on hand-made answers: what each contract returns, encoded word
 * by word as the ABI does, and what must be stored and asked again (incremental reads).
 */
class PoolCredentialsTest {
    private static final Instant GENESIS = Instant.ofEpochSecond(1_606_824_023L);
    private static final String STAKING_MANAGER = "0x25e821b7197b146f7713c3b89b6a4d83516b912d";
    private static final String MINTER = "0xbafa44efe7901e04e39dad13167d089c559c1138";

    private TestDatabases.TestDatabase db;
    private EntityStore store;
    private FakeChain chain;
    /** Answers by "target selector"; what was asked, in order. */
    private final Map<String, Function<ContractCall, CallResult>> answers = new ConcurrentHashMap<>();
    private final List<String> asked = new ArrayList<>();

    @BeforeEach
    void start() {
        db = TestDatabases.h2();
        store = db.bean(EntityStore.class);
        chain = new FakeChain(GENESIS).answer(call -> {
            String key = call.target().getValue().toLowerCase() + " "
                    + Numeric.toHexString(call.callData()).substring(0, 10);
            asked.add(key + (call.callData().length > 4 ? " " + Numeric.toBigInt(java.util.Arrays.copyOfRange(
                    call.callData(), 4, 36)) : ""));
            Function<ContractCall, CallResult> answer = answers.get(key);
            if (answer == null) {
                throw new AssertionError("unexpected call " + key);
            }
            return answer.apply(call);
        });
    }

    @AfterEach
    void stop() {
        db.close();
    }

    private PoolCredentials reader(int pagesPerCall) {
        return new PoolCredentials(chain, chain, store, 10, pagesPerCall, 2);
    }

    private static String address(String twoHex) {
        return "0x" + twoHex.repeat(20);
    }

    private void answer(String target, String selector, Function<ContractCall, CallResult> answer) {
        answers.put(target + " " + selector, answer);
    }

    private void answerAddress(String target, String selector, String value) {
        answer(target, selector, c -> FakeChain.words(Numeric.toBigInt(value)));
    }

    /** An ABI-encoded lone `bytes` output: offset 32, length, the bytes padded to whole words. */
    private static CallResult bytesAnswer(String hex) {
        byte[] bytes = Numeric.hexStringToByteArray(hex);
        String padded = Numeric.toHexStringNoPrefix(bytes) + "00".repeat((32 - bytes.length % 32) % 32);
        return new CallResult(true, Numeric.hexStringToByteArray(
                String.format("%064x%064x", 32, bytes.length) + padded));
    }

    private static BlockRef block(long number) {
        return new BlockRef(number, FakeChain.hash(number, "a"), GENESIS.plusSeconds(number * 12));
    }

    @Test
    void swellsCredentialsAreTheDepositManagersThroughSwEthsAccessControlManager() {
        String swEth = address("f9");
        String acm = address("ac");
        String depositManager = address("d3");
        answerAddress(swEth, "0x902340a1", acm); // AccessControlManager()
        answerAddress(acm, "0xf712312c", depositManager); // DepositManager()
        answer(depositManager, "0x56396715", c -> bytesAnswer("0x01" + "00".repeat(11) + depositManager.substring(2)));
        assertEquals(Optional.of(depositManager), reader(1).swell(block(100), new Address(swEth)));

        answer(depositManager, "0x56396715", c -> bytesAnswer("0x01" + depositManager.substring(2))); // 21 bytes
        ChainReadException wrong = assertThrows(ChainReadException.class,
                () -> reader(1).swell(block(100), new Address(swEth)));
        assertTrue(wrong.getMessage().contains("21 bytes, not 32"), wrong.getMessage());
        assertTrue(wrong.getMessage().contains(depositManager), wrong.getMessage());
    }

    @Test
    void mantlesCredentialsAreItsWithdrawalWalletAndAZeroWalletNamesNothing() {
        String staking = address("e3");
        answerAddress(staking, "0x4a7d80b3", address("1a"));
        assertEquals(Optional.of(address("1a")), reader(1).mantle(block(100), new Address(staking)));
        answerAddress(staking, "0x4a7d80b3", address("00"));
        assertEquals(Optional.empty(), reader(1).mantle(block(100), new Address(staking)));
    }

    /** validatorRegistry(id): eight heads (three of them offsets of empty bytes), then the three empty tails. */
    private static CallResult staderValidator(String vault) {
        StringBuilder hex = new StringBuilder();
        for (BigInteger word : new BigInteger[] {BigInteger.valueOf(4), BigInteger.valueOf(256),
            BigInteger.valueOf(288), BigInteger.valueOf(320), Numeric.toBigInt(vault), BigInteger.valueOf(7),
            BigInteger.valueOf(90), BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO}) {
            hex.append(Numeric.toHexStringNoPrefixZeroPadded(word, 64));
        }
        return new CallResult(true, Numeric.hexStringToByteArray(hex.toString()));
    }

    private static String vault(int registry, BigInteger id) {
        return "0x" + String.format("%02x", registry).repeat(19) + String.format("%02x", id.intValueExact());
    }

    @Test
    void staderReadsEachRegistrysWithdrawVaultsFromTheLastIdOn() {
        String manager = address("cf");
        String config = address("4a");
        String permissionless = address("4f");
        String permissioned = address("af");
        long[] next = {4, 2};
        answerAddress(manager, "0x490ffa35", config); // staderConfig()
        answerAddress(config, "0x360374a4", permissionless);
        answerAddress(config, "0x5edc686e", permissioned);
        answer(permissionless, "0xf7c09189", c -> FakeChain.words(BigInteger.valueOf(next[0])));
        answer(permissioned, "0xf7c09189", c -> FakeChain.words(BigInteger.valueOf(next[1])));
        answer(permissionless, "0x5a1239c1", c -> staderValidator(vault(0x11, id(c))));
        answer(permissioned, "0x5a1239c1", c -> staderValidator(vault(0x22, id(c))));

        reader(1).stader(block(100), new Address(manager));
        assertEquals(Set.of(vault(0x11, BigInteger.ONE), vault(0x11, BigInteger.TWO), vault(0x11, BigInteger.valueOf(3)),
                vault(0x22, BigInteger.ONE)), store.credentialAddresses(CredentialSource.STADER));
        assertEquals(List.of("1", "2", "3"), registryIdsAsked(permissionless));

        // Two more permissionless validators, none permissioned: only ids 4 and 5 are asked.
        next[0] = 6;
        asked.clear();
        reader(1).stader(block(110), new Address(manager));
        assertEquals(List.of("4", "5"), registryIdsAsked(permissionless));
        assertEquals(List.of(), registryIdsAsked(permissioned));
        assertEquals(6, store.credentialAddresses(CredentialSource.STADER).size());
    }

    private static BigInteger id(ContractCall call) {
        return Numeric.toBigInt(java.util.Arrays.copyOfRange(call.callData(), 4, 36));
    }

    private List<String> registryIdsAsked(String registry) {
        return asked.stream().filter(a -> a.startsWith(registry + " 0x5a1239c1 ")).map(a -> a.split(" ")[2]).toList();
    }

    private static EventLog nodeDeployed(long block, long index, String node) {
        return new EventLog(STAKING_MANAGER, block, FakeChain.hash(block, "a"), index, List.of(
                PoolCredentials.NODE_DEPLOYED, "0x" + "0".repeat(24) + node.substring(2)), "0x");
    }

    @Test
    void etherFiFollowsItsNodesByLogsAndAsksANodeForItsEigenPodUntilItHasOne() {
        String node1 = address("a1");
        String node2 = address("a2");
        chain.log(nodeDeployed(5, 0, node1)).log(nodeDeployed(15, 3, node2)).log(nodeDeployed(25, 0, node1));
        String[] pod2 = {address("00")};
        answerAddress(node1, "0xbcbb073a", address("b1"));
        answer(node2, "0xbcbb073a", c -> FakeChain.words(Numeric.toBigInt(pod2[0])));
        Address manager = new Address(STAKING_MANAGER);

        // Pages of 10 blocks, one a call: the logs reach block 9 of 30, then 19.
        assertEquals(Optional.of("ether.fi's EtherFiNodeDeployed logs are read to block 9 of 30"),
                reader(1).etherFi(block(30), manager, 0));
        assertEquals(Set.of(node1, address("b1")), store.credentialAddresses(CredentialSource.ETHERFI));
        asked.clear();
        assertEquals(Optional.of("ether.fi's EtherFiNodeDeployed logs are read to block 19 of 30"),
                reader(1).etherFi(block(30), manager, 0));
        assertEquals(List.of(node2 + " 0xbcbb073a"), asked); // node 1 has its pod: not asked again
        // Node 1 deployed again (a backfill) is not stored twice; node 2 gets its pod.
        pod2[0] = address("b2");
        assertEquals(Optional.empty(), reader(5).etherFi(block(30), manager, 0));
        assertEquals(Set.of(node1, address("b1"), node2, address("b2")),
                store.credentialAddresses(CredentialSource.ETHERFI));
        asked.clear();
        reader(5).etherFi(block(30), manager, 0);
        assertEquals(List.of(), asked);
    }

    private static EventLog depositSent(long block, long index, String credentials) {
        String data = String.format("%064x%064x", 32, 32) + credentials.substring(2);
        return new EventLog(MINTER, block, FakeChain.hash(block, "a"), index, List.of(PoolCredentials.DEPOSIT_SENT,
                "0x" + "77".repeat(32)), "0x" + data);
    }

    @Test
    void fraxStoresEachDistinctAddressOfItsDepositsAndNoBlsCredentials() {
        String withdrawals = address("f1");
        chain.log(depositSent(3, 0, "0x01" + "00".repeat(11) + withdrawals.substring(2)))
                .log(depositSent(3, 1, "0x01" + "00".repeat(11) + withdrawals.substring(2)))
                .log(depositSent(12, 0, "0x00" + "ab".repeat(31)))
                .log(depositSent(14, 0, "0x02" + "00".repeat(11) + withdrawals.substring(2)));
        assertEquals(Optional.empty(), reader(5).frax(block(20), new Address(MINTER), 0));
        assertEquals(Set.of(withdrawals), store.credentialAddresses(CredentialSource.FRAX));
        assertEquals(Optional.of(20L), store.cursor(EntityStore.FRAX_DEPOSITS)); // the block read to

        EventLog garbled = new EventLog(MINTER, 25, FakeChain.hash(25, "a"), 0, List.of(PoolCredentials.DEPOSIT_SENT,
                "0x" + "77".repeat(32)), "0x" + String.format("%064x%064x", 32, 64) + "01".repeat(32));
        chain.log(garbled);
        ChainReadException e = assertThrows(ChainReadException.class,
                () -> reader(5).frax(block(30), new Address(MINTER), 0));
        assertTrue(e.getMessage().contains("DepositSent log at block 25"), e.getMessage());
    }
}
