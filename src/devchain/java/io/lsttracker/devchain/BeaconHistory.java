package io.lsttracker.devchain;

import io.lsttracker.devchain.beacon.Deposit;
import io.lsttracker.devchain.beacon.Staker;
import io.lsttracker.devchain.beacon.ValidatorSet;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.utils.Numeric;

/**
 * Places the simulated beacon chain's execution-layer side on the devchain: the deposit contract at mainnet's
 * address with every validator's DepositEvent, sent in batches from the depositing addresses (impersonated
 * with anvil_impersonateAccount and funded with anvil_setBalance, so a labelled exchange's deposits come from
 * its labelled address as on mainnet), and StakeWise's VaultsRegistry with its vaults' VaultAdded events.
 * Rocket Pool's minipool addresses need nothing placed: SimRocketMinipoolManager derives them as the model does.
 */
final class BeaconHistory {
    static final String DEPOSIT_CONTRACT = "0x00000000219ab540356cBB839Cbe05303d7705Fa";
    static final String VAULTS_REGISTRY = "0x3a0008a588772446f6e656133C2D5029CC4FC20E";
    /** Frax DepositSent events per transaction: about 3M gas. */
    static final int FRAX_EVENTS_PER_TRANSACTION = 200;
    /** Deposits per transaction: about 10M gas each, a third of a block. */
    static final int DEPOSITS_PER_TRANSACTION = 1_000;
    private static final long GAS_PER_TRANSACTION = 25_000_000L;
    private static final BigInteger GWEI = BigInteger.TEN.pow(9);
    /** Enough ETH for a depositor's gas on top of its deposits. */
    private static final BigInteger GAS_MONEY = BigInteger.TEN.pow(19);

    private BeaconHistory() {
    }

    /** Installs both contracts and writes the registry's vaults and every deposit; returns the transactions sent. */
    static int place(AnvilRpc node, SimulatedContracts contracts, String operator, ValidatorSet set) {
        node.setCode(DEPOSIT_CONTRACT, contracts.runtimeBytecode("SimDepositContract"));
        node.setCode(VAULTS_REGISTRY, contracts.runtimeBytecode("SimStakeWiseVaultsRegistry"));
        node.transact(operator, VAULTS_REGISTRY, SimulatedContracts.encode("simClaim"), "claim the VaultsRegistry");
        List<Address> vaults = set.stakeWiseVaults().stream().map(Address::new).toList();
        byte[] addVaults = Numeric.hexStringToByteArray(FunctionEncoder.encode(new Function("simAddVaults",
                List.of(new Address(vaultFactory()), new DynamicArray<>(Address.class, vaults)), List.of())));
        node.transact(operator, VAULTS_REGISTRY, addVaults, "StakeWise vaults");
        placeRuleOneContracts(node, contracts, operator, set);
        Set<String> funded = new HashSet<>();
        int[] transactions = {0};
        set.forEachDepositBatch(DEPOSITS_PER_TRANSACTION, batch -> {
            BigInteger value = BigInteger.valueOf(batch.totalGwei()).multiply(GWEI);
            if (funded.add(batch.from())) {
                node.impersonate(batch.from());
            }
            node.setBalance(batch.from(), value.add(GAS_MONEY));
            node.transactWithValue(batch.from(), DEPOSIT_CONTRACT, batchDeposit(batch.deposits()), value,
                    GAS_PER_TRANSACTION, batch.deposits().size() + " deposits from " + batch.from());
            transactions[0]++;
        });
        return transactions[0];
    }

    /**
     * The contracts whose views and events name the withdrawal credentials of ether.fi, Stader, Swell and Frax
     * (rule 1 of docs/ENTITIES.md; Mantle's Staking and Stader's StakePoolsManager are the pools' own simulations):
     * ether.fi's StakingManager with an EtherFiNodeDeployed log for each node and a SimEtherFiNode at each node,
     * StaderConfig and both node registries with their nextValidatorId, Swell's AccessControlManager and
     * DepositManager, and frxETHMinter with a DepositSent log for each Frax validator.
     */
    private static void placeRuleOneContracts(AnvilRpc node, SimulatedContracts contracts, String operator,
            ValidatorSet set) {
        node.setCode(ValidatorSet.ETHERFI_STAKING_MANAGER, contracts.runtimeBytecode("SimEtherFiStakingManager"));
        node.transact(operator, ValidatorSet.ETHERFI_STAKING_MANAGER, SimulatedContracts.encode("simClaim"),
                "claim ether.fi's StakingManager");
        node.setCode(ValidatorSet.STADER_CONFIG, contracts.runtimeBytecode("SimStaderConfig"));
        for (String registry : ValidatorSet.STADER_REGISTRIES) {
            node.setCode(registry, contracts.runtimeBytecode("SimStaderNodeRegistry"));
            node.transact(operator, registry, SimulatedContracts.encode("simClaim"), "claim a Stader node registry");
        }
        node.setCode(ValidatorSet.SWELL_ACCESS_CONTROL_MANAGER, contracts.runtimeBytecode("SimSwellAccessControlManager"));
        node.setCode(ValidatorSet.SWELL_DEPOSIT_MANAGER, contracts.runtimeBytecode("SimSwellDepositManager"));
        node.setCode(ValidatorSet.FRAX_MINTER, contracts.runtimeBytecode("SimFraxEthMinter"));
        node.transact(operator, ValidatorSet.FRAX_MINTER, SimulatedContracts.encode("simClaim"), "claim frxETHMinter");
        for (byte[] data : ruleOneUpdates(contracts, node, set, false)) {
            node.transact(operator, to(data), body(data), "rule-1 contracts before the history");
        }
    }

    /**
     * What the pools' contracts announce for the validators deposited so far (all but the late ones, or all): the
     * ether.fi nodes not announced yet (their code installed), each Stader registry's nextValidatorId, a Frax
     * DepositSent for each Frax validator not announced yet. Each entry is the target (20 bytes) then the call data.
     */
    private static List<byte[]> ruleOneUpdates(SimulatedContracts contracts, AnvilRpc node, ValidatorSet set,
            boolean late) {
        List<byte[]> calls = new ArrayList<>();
        List<String> before = late ? set.etherFiNodes(false) : List.of();
        List<String> nodes = set.etherFiNodes(late).stream().filter(n -> !before.contains(n)).toList();
        for (String etherFiNode : nodes) {
            node.setCode(etherFiNode, contracts.runtimeBytecode("SimEtherFiNode"));
        }
        for (int i = 0; i < nodes.size(); i += DEPOSITS_PER_TRANSACTION) {
            List<Address> some = nodes.subList(i, Math.min(nodes.size(), i + DEPOSITS_PER_TRANSACTION)).stream()
                    .map(Address::new).toList();
            calls.add(addressed(ValidatorSet.ETHERFI_STAKING_MANAGER, FunctionEncoder.encode(new Function(
                    "simDeployNodes", List.of(new DynamicArray<>(Address.class, some)), List.of()))));
        }
        List<Long> next = set.staderNextValidatorIds(late);
        for (int r = 0; r < ValidatorSet.STADER_REGISTRIES.size(); r++) {
            calls.add(addressed(ValidatorSet.STADER_REGISTRIES.get(r), Numeric.toHexString(SimulatedContracts.encode(
                    "simSetNextValidatorId", BigInteger.valueOf(next.get(r))))));
        }
        int[] frax = late ? set.lateOf(Staker.Kind.FRAX_MINTER) : set.group(Staker.Kind.FRAX_MINTER);
        DynamicBytes credentials = new DynamicBytes(Numeric.hexStringToByteArray("0x01" + "00".repeat(11)
                + ValidatorSet.FRAX_WITHDRAWALS.substring(2)));
        for (int i = 0; i < frax[1]; i += FRAX_EVENTS_PER_TRANSACTION) {
            int count = Math.min(frax[1] - i, FRAX_EVENTS_PER_TRANSACTION);
            byte[] pubkeys = new byte[count * 48];
            for (int k = 0; k < count; k++) {
                System.arraycopy(ValidatorSet.publicKey(frax[0] + i + k), 0, pubkeys, k * 48, 48);
            }
            calls.add(addressed(ValidatorSet.FRAX_MINTER, FunctionEncoder.encode(new Function("simDepositsSent",
                    List.of(new DynamicBytes(pubkeys), credentials), List.of()))));
        }
        return calls;
    }

    private static byte[] addressed(String to, String data) {
        byte[] target = Numeric.hexStringToByteArray(to);
        byte[] body = Numeric.hexStringToByteArray(data);
        byte[] both = new byte[20 + body.length];
        System.arraycopy(target, 0, both, 0, 20);
        System.arraycopy(body, 0, both, 20, body.length);
        return both;
    }

    private static String to(byte[] addressed) {
        return Numeric.toHexString(addressed, 0, 20, true);
    }

    private static byte[] body(byte[] addressed) {
        return java.util.Arrays.copyOfRange(addressed, 20, addressed.length);
    }

    /**
     * The validators deposited during the history ({@link ValidatorSet#forEachLateDepositBatch}: new ones and
     * compounding top-ups) and what the pools' contracts announce for them, each transaction in a block of its own
     * from {@code timestamp} on, one second apart (automine is off while the history is written). They must all
     * be mined before the change slot, when the new validators appear in the beacon state.
     *
     * @return the first and last block they were mined in
     */
    static long[] placeLate(AnvilRpc node, SimulatedContracts contracts, String operator, ValidatorSet set,
            long timestamp) {
        long[] at = {timestamp};
        long first = node.latestBlock().getNumber().longValueExact() + 1;
        Set<String> impersonated = new HashSet<>();
        set.forEachLateDepositBatch(DEPOSITS_PER_TRANSACTION, batch -> {
            BigInteger value = BigInteger.valueOf(batch.totalGwei()).multiply(GWEI);
            if (impersonated.add(batch.from())) {
                node.impersonate(batch.from());
            }
            node.setBalance(batch.from(), value.add(GAS_MONEY));
            node.setNextBlockTimestamp(at[0]++);
            String hash = node.submitWithValue(batch.from(), DEPOSIT_CONTRACT, batchDeposit(batch.deposits()), value,
                    GAS_PER_TRANSACTION);
            node.mineOne();
            node.requireSuccess(hash, batch.deposits().size() + " deposits during the history from " + batch.from());
        });
        for (byte[] call : ruleOneUpdates(contracts, node, set, true)) {
            node.setNextBlockTimestamp(at[0]++);
            String hash = node.submitWithValue(operator, to(call), body(call), BigInteger.ZERO, GAS_PER_TRANSACTION);
            node.mineOne();
            node.requireSuccess(hash, "rule-1 contracts during the history");
        }
        return new long[] {first, node.latestBlock().getNumber().longValueExact()};
    }

    /** Call data of SimDepositContract.simBatchDeposit(bytes pubkeys, bytes credentials, uint64[] amountsGwei). */
    static byte[] batchDeposit(List<Deposit> deposits) {
        byte[] pubkeys = new byte[deposits.size() * 48];
        byte[] credentials = new byte[deposits.size() * 32];
        List<Uint64> amounts = new ArrayList<>();
        for (int i = 0; i < deposits.size(); i++) {
            System.arraycopy(deposits.get(i).pubkey(), 0, pubkeys, i * 48, 48);
            System.arraycopy(deposits.get(i).withdrawalCredentials(), 0, credentials, i * 32, 32);
            amounts.add(new Uint64(deposits.get(i).amountGwei()));
        }
        return Numeric.hexStringToByteArray(FunctionEncoder.encode(new Function("simBatchDeposit",
                List.of(new DynamicBytes(pubkeys), new DynamicBytes(credentials), new DynamicArray<>(Uint64.class, amounts)),
                List.of())));
    }

    /** The factory named as each vault's adder: an address of the devchain's own (mainnet's change with upgrades). */
    static String vaultFactory() {
        return "0x00000000000000000000000000000000005afe01";
    }
}
