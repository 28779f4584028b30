package io.lsttracker.pool;

import static io.lsttracker.pool.AnswersFixture.words;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.chain.CallResult;
import io.lsttracker.chain.ContractCall;
import io.lsttracker.domain.NodeOperator;
import io.lsttracker.domain.PoolId;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Protocol;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Address;
import org.web3j.utils.Numeric;

/** Lido's node operators read with stETH: calls, decoding of getNodeOperator answers, the cached count. */
public class LidoOperatorsTest {
    static final String CURATED = "0x55032650b14df07b85bF18A3a3eC8E0Af2e028d5";
    static final String DVT = "0xaE7B191A31f627b4eB1d4DaC64eaB9976995b433";
    static final PoolDefinition LIDO = new PoolDefinition(new PoolId("lido"), "Lido", Protocol.LIDO, "stETH", Map.of(
            "steth", new Address("0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84"),
            "wsteth", new Address("0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0"),
            "curated", new Address(CURATED), "simpledvt", new Address(DVT)));
    private static final String REWARD = "0x00000000000000000000000000000000c0a7ed00";

    private final LidoAdapter adapter = new LidoAdapter();

    @Test
    void callsAreTheCountsThenOneGetNodeOperatorPerId() {
        Reading<?> resolution = adapter.resolution(LIDO).orElseThrow();
        assertEquals(2, resolution.contractCalls().size());
        // getNodeOperatorsCount() = 0xa70c70e4 (keccak-256 of the signature, abi/SOURCES.md)
        assertEquals("0xa70c70e4", Numeric.toHexString(resolution.contractCalls().get(0).callData()));
        resolution.result(List.of(words("2"), words("1")));
        assertEquals(Optional.empty(), adapter.resolution(LIDO));

        List<ContractCall> reads = adapter.read(LIDO).contractCalls();
        assertEquals(5 + 1 + 2 + 1 + 1, reads.size());
        assertEquals(new Address(CURATED), reads.get(5).target());
        // getNodeOperator(1, true): selector 0x9a56983c, then id 1 and true as two words
        assertEquals("0x9a56983c" + "0".repeat(63) + "1" + "0".repeat(63) + "1",
                Numeric.toHexString(reads.get(7).callData()));
        assertEquals(new Address(DVT), reads.get(9).target());
    }

    @Test
    void decodesEachOperatorAndItsActiveValidators() {
        resolve("2", "1");
        PoolState state = adapter.read(LIDO).result(answers("2", "1"));
        List<NodeOperator> ops = state.operators();
        assertEquals(3, ops.size());
        // 9,120 deposited - 120 exited = 9,000 active
        assertEquals(new NodeOperator(NodeOperator.CURATED, 0, "Alpha Staking", REWARD, true, 9_120, 120), ops.get(0));
        assertEquals(9_000, ops.get(0).activeValidators());
        // the deactivated one: 1,200 deposited, all 1,200 exited, so 0 active
        assertFalse(ops.get(1).active());
        assertEquals(0, ops.get(1).activeValidators());
        assertEquals(NodeOperator.SIMPLE_DVT, ops.get(2).module());
        assertEquals("DVT cluster with a name longer than thirty-two bytes", ops.get(2).name());
        assertEquals(300, ops.get(2).activeValidators()); // 305 - 5
    }

    @Test
    void anOperatorAddedAtThisBlockMakesTheAdapterReadAgainWithTheNewCount() {
        resolve("2", "1");
        Reading<PoolState> reading = adapter.read(LIDO);
        List<CallResult> answers = new ArrayList<>(answers("2", "1"));
        answers.set(5, words("3")); // the curated count is 3 at this block
        StaleResolutionException e = assertThrows(StaleResolutionException.class, () -> reading.result(answers));
        assertTrue(e.getMessage().contains("now has 3 node operators (was 2)"), e.getMessage());
        assertEquals(5 + 1 + 3 + 1 + 1, adapter.read(LIDO).contractCalls().size());
    }

    @Test
    void aReadingMadeBeforeTheCountChangedIsStaleEvenAfterTheCacheCaughtUp() {
        // Two blocks read in one round (a backfill), both asked for the 2 curated operators the cache knew. The
        // first block's answers refresh the cache to 3; the second block, also at 3, must not take its 2 operator
        // answers for 3: it is read again as well.
        resolve("2", "1");
        Reading<PoolState> first = adapter.read(LIDO);
        Reading<PoolState> second = adapter.read(LIDO);
        List<CallResult> atThree = new ArrayList<>(answers("2", "1"));
        atThree.set(5, words("3"));
        assertThrows(StaleResolutionException.class, () -> first.result(atThree));
        StaleResolutionException e = assertThrows(StaleResolutionException.class, () -> second.result(atThree));
        assertTrue(e.getMessage().contains("now has 3 node operators (was 2)"), e.getMessage());
    }

    @Test
    void moreExitedThanDepositedIsRefusedNamingTheCall() {
        resolve("1", "0");
        List<CallResult> answers = new ArrayList<>(steth());
        answers.add(words("1"));
        answers.add(operator(true, "Broken", 100, 101));
        answers.add(words("0"));
        PoolDataException e = assertThrows(PoolDataException.class, () -> adapter.read(LIDO).result(answers));
        assertTrue(e.getMessage().contains("101 exited validators but only 100 deposited"), e.getMessage());
        assertTrue(e.getMessage().contains("getNodeOperator"), e.getMessage());
    }

    @Test
    void aValidatorCountBeyondALongOrANameOutsideTheAnswerIsRefusedNamingTheCall() {
        resolve("1", "0");
        // head word 4, the exited count, with its bit 63 set: a uint64 but no long
        assertTrue(operatorWithByte(4 * 32 + 24, (byte) 0x80).contains("a validator count of 9223372036854775809 is "
                + "not a uint64"));
        // head word 1, the name's offset, pointing far past the answer's end: web3j refuses to decode it
        assertTrue(operatorWithByte(32 + 29, (byte) 0x7f).contains("returned malformed data"));
    }

    private String operatorWithByte(int index, byte value) {
        List<CallResult> answers = new ArrayList<>(steth());
        answers.add(words("1"));
        byte[] data = operator(true, "Wide", 100, 1).returnData();
        data[index] = value;
        answers.add(new CallResult(true, data));
        answers.add(words("0"));
        PoolDataException e = assertThrows(PoolDataException.class, () -> adapter.read(LIDO).result(answers));
        assertTrue(e.getMessage().startsWith("LidoNodeOperatorsRegistry.getNodeOperator at "
                + "0x55032650b14df07b85bF18A3a3eC8E0Af2e028d5"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void anAbsurdOperatorCountIsRefusedBeforeAnyCallIsBuilt() {
        Reading<?> resolution = adapter.resolution(LIDO).orElseThrow();
        PoolDataException e = assertThrows(PoolDataException.class,
                () -> resolution.result(List.of(words("1000000"), words("1"))));
        assertTrue(e.getMessage().contains("reports 1000000 node operators"), e.getMessage());
    }

    static final String CSM = "0xdA7dE2ECdDfccC6c3AF10108Db212ACBBf9EA83F";
    static final PoolDefinition LIDO_WITH_CSM = new PoolDefinition(new PoolId("lido"), "Lido", Protocol.LIDO, "stETH",
            Map.of("steth", new Address("0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84"),
                    "wsteth", new Address("0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0"),
                    "curated", new Address(CURATED), "csm", new Address(CSM)));
    private static final String CSM_PAYEE = "0x00000000000000000000000000000000c5000007";

    /** getNodeOperatorSummary's eight words: no limit, nothing stuck or refunded, then exited, deposited, 3. */
    private static CallResult summary(long deposited, long exited) {
        return words("0", "0", "0", "0", "0", String.valueOf(exited), String.valueOf(deposited), "3");
    }

    /** getNodeOperatorManagementProperties: the static struct (manager, reward address, extended = false). */
    private static CallResult properties(String reward) {
        return words(new BigInteger("c5a00007", 16), new BigInteger(reward.substring(2), 16), BigInteger.ZERO);
    }

    @Test
    void communityStakingOperatorsAreReadThroughTheStakingModuleSummaryAndTheirPayee() {
        Reading<?> resolution = adapter.resolution(LIDO_WITH_CSM).orElseThrow();
        assertEquals(List.of(new Address(CURATED), new Address(CSM)),
                resolution.contractCalls().stream().map(ContractCall::target).toList());
        resolution.result(List.of(words("1"), words("2")));

        List<ContractCall> reads = adapter.read(LIDO_WITH_CSM).contractCalls();
        // stETH 5, curated count + 1 operator, CSM count + 2 x (summary, management properties)
        assertEquals(5 + 2 + 1 + 4, reads.size());
        // getNodeOperatorSummary(1) = 0xb3076c3c, getNodeOperatorManagementProperties(1) = 0x499b8e9a (abi/SOURCES.md)
        assertEquals("0xb3076c3c" + "0".repeat(63) + "1", Numeric.toHexString(reads.get(10).callData()));
        assertEquals("0x499b8e9a" + "0".repeat(63) + "1", Numeric.toHexString(reads.get(11).callData()));
        assertEquals(new Address(CSM), reads.get(11).target());

        List<CallResult> answers = new ArrayList<>(steth());
        answers.add(words("1"));
        answers.add(operator(true, "Alpha Staking", 9_120, 120));
        answers.add(words("2"));
        answers.add(summary(14, 2));
        answers.add(properties(CSM_PAYEE));
        answers.add(summary(600, 0));
        answers.add(properties(CSM_PAYEE));
        List<NodeOperator> ops = adapter.read(LIDO_WITH_CSM).result(answers).operators();
        assertEquals(3, ops.size());
        // 14 deposited - 2 exited = 12 active; CSM operators have no name and are all active
        assertEquals(new NodeOperator(NodeOperator.COMMUNITY_STAKING, 0, "CSM operator 0", CSM_PAYEE, true, 14, 2),
                ops.get(1));
        assertEquals(12, ops.get(1).activeValidators());
        assertTrue(ops.get(2).permissionless());
        assertFalse(ops.get(0).permissionless());
    }

    @Test
    void aCommunityStakingOperatorWithMoreExitedThanDepositedIsRefused() {
        adapter.resolution(LIDO_WITH_CSM).orElseThrow().result(List.of(words("0"), words("1")));
        List<CallResult> answers = new ArrayList<>(steth());
        answers.add(words("0"));
        answers.add(words("1"));
        answers.add(summary(5, 6));
        answers.add(properties(CSM_PAYEE));
        PoolDataException e = assertThrows(PoolDataException.class, () -> adapter.read(LIDO_WITH_CSM).result(answers));
        assertTrue(e.getMessage().contains("CSM operator 0 has 6 exited validators but only 5 deposited"), e.getMessage());
        assertTrue(e.getMessage().contains("getNodeOperatorSummary"), e.getMessage());
    }

    @Test
    void withoutModuleAddressesNoOperatorsAreRead() {
        assertEquals(Optional.empty(), adapter.resolution(LidoAdapterTest.LIDO));
        assertEquals(5, adapter.read(LidoAdapterTest.LIDO).contractCalls().size());
    }

    private void resolve(String curatedCount, String dvtCount) {
        adapter.resolution(LIDO).orElseThrow().result(List.of(words(curatedCount), words(dvtCount)));
    }

    /** stETH's five answers (the state of LidoAdapterTest). */
    private static List<CallResult> steth() {
        return List.of(words("1157209899495068171"), words("9000000000000000000000000"),
                words("7777324226851837196289532"), words("9000000000000000000000000"),
                words("290000", "289950", "9100000123000000000000000"));
    }

    private static List<CallResult> answers(String curatedCount, String dvtCount) {
        List<CallResult> answers = new ArrayList<>(steth());
        answers.add(words(curatedCount));
        answers.add(operator(true, "Alpha Staking", 9_120, 120));
        answers.add(operator(false, "Retired Operator", 1_200, 1_200));
        answers.add(words(dvtCount));
        answers.add(operator(true, "DVT cluster with a name longer than thirty-two bytes", 305, 5));
        return answers;
    }

    /**
     * getNodeOperator's answer, ABI-encoded by hand: seven head words (active, the offset of the name = 7 x 32 =
     * 0xe0, reward address, vetted, exited, added, deposited), then the name's length and its bytes padded to
     * whole words.
     */
    public static CallResult operator(boolean active, String name, long deposited, long exited) {
        byte[] text = name.getBytes(StandardCharsets.UTF_8);
        StringBuilder hex = new StringBuilder();
        for (BigInteger word : List.of(BigInteger.valueOf(active ? 1 : 0), BigInteger.valueOf(0xe0),
                new BigInteger(REWARD.substring(2), 16), BigInteger.valueOf(deposited + 50), BigInteger.valueOf(exited),
                BigInteger.valueOf(deposited + 80), BigInteger.valueOf(deposited), BigInteger.valueOf(text.length))) {
            String digits = word.toString(16);
            hex.append("0".repeat(64 - digits.length())).append(digits);
        }
        String textHex = Numeric.toHexStringNoPrefix(text);
        int padded = (text.length + 31) / 32 * 64;
        hex.append(textHex).append("0".repeat(padded - textHex.length()));
        return new CallResult(true, Numeric.hexStringToByteArray(hex.toString()));
    }
}
