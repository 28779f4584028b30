package io.lsttracker.devchain;

import io.lsttracker.devchain.beacon.Deposit;
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
