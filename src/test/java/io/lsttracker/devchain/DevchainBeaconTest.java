package io.lsttracker.devchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.devchain.beacon.EntityTruth;
import io.lsttracker.devchain.beacon.SimulatedValidator;
import io.lsttracker.devchain.beacon.ValidatorSet;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

/** The devchain's beacon chain on the execution side: deposits, StakeWise's vaults, Rocket Pool's minipools. */
class DevchainBeaconTest {
    /** keccak256("DepositEvent(bytes,bytes,bytes,bytes,bytes)"), mainnet's deposit contract's only event. */
    private static final String DEPOSIT_EVENT = EventEncoder.encode(new Event("DepositEvent", List.of(
            new TypeReference<DynamicBytes>() { }, new TypeReference<DynamicBytes>() { },
            new TypeReference<DynamicBytes>() { }, new TypeReference<DynamicBytes>() { },
            new TypeReference<DynamicBytes>() { })));
    private static final String VAULT_ADDED = EventEncoder.encode(new Event("VaultAdded", List.of(
            new TypeReference<Address>(true) { }, new TypeReference<Address>(true) { })));
    private static Devchain devchain;

    @BeforeAll
    static void start() {
        devchain = TestDevchain.shared();
    }

    @Test
    void everyValidatorsDepositIsOnChainWithMainnetsLayoutFromItsDepositor() throws Exception {
        List<Log> logs = TestDevchain.logs(BeaconHistory.DEPOSIT_CONTRACT, DEPOSIT_EVENT);
        ValidatorSet set = devchain.validators();
        long[] expected = {0};
        List<ValidatorSet.DepositBatch> batches = new ArrayList<>();
        set.forEachDepositBatch(BeaconHistory.DEPOSITS_PER_TRANSACTION, batch -> {
            expected[0] += batch.deposits().size();
            batches.add(batch);
        });
        // Then the history's deposits (validators that appear at the change, and top-ups of the compounding ones),
        // mined in the blocks the devchain reports, after all the others.
        long[] late = {0};
        set.forEachLateDepositBatch(BeaconHistory.DEPOSITS_PER_TRANSACTION, batch -> late[0] += batch.deposits().size());
        assertTrue(late[0] > set.lateSize(), "late deposits " + late[0]);
        assertEquals(expected[0] + late[0], logs.size());
        assertTrue(logs.get(0).getBlockNumber().longValueExact() >= devchain.depositContractFirstBlock());
        long[] lateBlocks = devchain.lateDepositBlocks();
        assertTrue(logs.get((int) expected[0] - 1).getBlockNumber().longValueExact() < lateBlocks[0]);
        for (Log log : logs.subList((int) expected[0], logs.size())) {
            long block = log.getBlockNumber().longValueExact();
            assertTrue(block >= lateBlocks[0] && block <= lateBlocks[1], "late deposit at block " + block);
        }

        // The first log: validator 0's pubkey, its credentials, 32 ETH and index 0, each field as mainnet's
        // contract encodes it (amount and index 8 bytes little-endian, a 96-byte signature).
        List<byte[]> fields = dynamicBytes(logs.get(0).getData());
        assertEquals(5, fields.size());
        List<SimulatedValidator> model = new ArrayList<>();
        set.forEach(set.changeSlot() - 1, model::add);
        assertEquals(model.get(0).pubkey(), Numeric.toHexString(fields.get(0)));
        assertEquals(model.get(0).withdrawalCredentials(), Numeric.toHexString(fields.get(1)));
        assertEquals("0x0040597307000000", Numeric.toHexString(fields.get(2))); // 32e9 = 0x0773594000, reversed
        assertEquals(96, fields.get(3).length);
        assertEquals("0x0000000000000000", Numeric.toHexString(fields.get(4)));
        // The last log's index is the count before it.
        assertEquals(Numeric.toHexString(littleEndian(logs.size() - 1)),
                Numeric.toHexString(dynamicBytes(logs.get(logs.size() - 1).getData()).get(4)));

        // A labelled entity's deposits are sent from its labelled address, to the deposit contract.
        ValidatorSet.DepositBatch labelled = batches.stream()
                .filter(b -> b.from().equals(set.stakers().stream().filter(s -> s.entityId().equals("coinbase"))
                        .findFirst().orElseThrow().depositors().get(0))).findFirst().orElseThrow();
        int offset = 0;
        for (ValidatorSet.DepositBatch b : batches) {
            if (b == labelled) {
                break;
            }
            offset += b.deposits().size();
        }
        String hash = logs.get(offset).getTransactionHash();
        var tx = TestDevchain.rpc().web3j().ethGetTransactionByHash(hash).send().getTransaction().orElseThrow();
        assertEquals(labelled.from(), tx.getFrom());
        assertEquals(BeaconHistory.DEPOSIT_CONTRACT.toLowerCase(), tx.getTo());
        assertEquals(BigInteger.valueOf(labelled.totalGwei()).multiply(BigInteger.TEN.pow(9)), tx.getValue());
    }

    @Test
    void stakeWiseVaultsAreInTheRegistryAndRocketPoolsMinipoolsInTheManager() throws Exception {
        List<Log> added = TestDevchain.logs(BeaconHistory.VAULTS_REGISTRY, VAULT_ADDED);
        List<String> vaults = added.stream().map(l -> "0x" + l.getTopics().get(2).substring(26)).toList();
        assertEquals(devchain.validators().stakeWiseVaults(), vaults);

        for (long i : new long[] {0, 1, devchain.validators().minipoolsUsed() - 1}) {
            String answer = call("0x00000000000000000000000000000000d3bA1a13",
                    new Function("getMinipoolAt", List.of(new Uint256(i)), List.of()));
            assertEquals(ValidatorSet.minipoolAddress(i), "0x" + answer.substring(26));
        }
    }

    @Test
    void theGroundTruthAddsUpToTheBeaconsTotal() {
        long slot = SimulatedBeacon.slotAt(devchain.headTimestamp());
        Map<String, EntityTruth> truth = devchain.entityTruth(slot);
        BigInteger sum = truth.values().stream().map(EntityTruth::activeStakeGwei).reduce(BigInteger.ZERO, BigInteger::add);
        assertEquals(SimulatedBeacon.totalStakedGwei(slot), sum);
        assertTrue(truth.get("lido").activeStakeGwei().signum() > 0);
        assertTrue(truth.containsKey(ValidatorSet.UNIDENTIFIED));
    }

    private static String call(String to, Function function) throws Exception {
        return TestDevchain.rpc().web3j().ethCall(Transaction.createEthCallTransaction(null, to,
                FunctionEncoder.encode(function)), DefaultBlockParameterName.LATEST).send().getValue();
    }

    /** The event's five `bytes` fields: each an offset into the data, then a length and the bytes. */
    private static List<byte[]> dynamicBytes(String data) {
        byte[] raw = Numeric.hexStringToByteArray(data);
        List<byte[]> fields = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int offset = new BigInteger(1, java.util.Arrays.copyOfRange(raw, i * 32, i * 32 + 32)).intValueExact();
            int length = new BigInteger(1, java.util.Arrays.copyOfRange(raw, offset, offset + 32)).intValueExact();
            fields.add(java.util.Arrays.copyOfRange(raw, offset + 32, offset + 32 + length));
        }
        return fields;
    }

    private static byte[] littleEndian(long value) {
        byte[] out = new byte[8];
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (value >>> (8 * i));
        }
        return out;
    }
}
