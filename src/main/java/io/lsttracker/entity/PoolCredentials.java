package io.lsttracker.entity;

import io.lsttracker.chain.AbiFunction;
import io.lsttracker.chain.CallResult;
import io.lsttracker.chain.ChainReadException;
import io.lsttracker.chain.ChainReader;
import io.lsttracker.chain.ContractAbi;
import io.lsttracker.chain.ContractCall;
import io.lsttracker.chain.EventLog;
import io.lsttracker.chain.LogReader;
import io.lsttracker.domain.BlockRef;
import io.lsttracker.pool.Call;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * Rule 1 for ether.fi, Stader, Swell, Mantle and Frax (docs/ENTITIES.md): the withdrawal addresses their own
 * contracts name, read at the pinned block. Where the set grows it is followed incrementally and stored: ether.fi's
 * nodes from StakingManager's EtherFiNodeDeployed logs (and each node's EigenPod, read once it has one), Stader's
 * per-validator withdraw vaults from its two node registries (only the validator ids from the last one read on),
 * Frax's credentials from frxETHMinter's DepositSent logs. Swell's DepositManager and Mantle's withdrawal wallet are
 * one address each, read every time (one call chain, like Lido's vault); {@link CredentialIndexer} keeps each one
 * it sees.
 */
final class PoolCredentials {
    static final String NODE_DEPLOYED = Hash.sha3String("EtherFiNodeDeployed(address)");
    static final String DEPOSIT_SENT = Hash.sha3String("DepositSent(bytes,bytes)");
    /** Stader's two registries, stored apart: registry r's validator id i is stored at position r x 10^12 + i. */
    static final long REGISTRY_STRIDE = 1_000_000_000_000L;
    private static final AbiFunction EIGEN_POD = ContractAbi.load("EtherFiNode").function("getEigenPod");
    private static final AbiFunction STADER_CONFIG = ContractAbi.load("StaderStakePoolsManager")
            .function("staderConfig");
    private static final AbiFunction PERMISSIONLESS = ContractAbi.load("StaderConfig")
            .function("getPermissionlessNodeRegistry");
    private static final AbiFunction PERMISSIONED = ContractAbi.load("StaderConfig")
            .function("getPermissionedNodeRegistry");
    private static final AbiFunction NEXT_VALIDATOR_ID = ContractAbi.load("StaderNodeRegistry")
            .function("nextValidatorId");
    private static final AbiFunction VALIDATOR_REGISTRY = ContractAbi.load("StaderNodeRegistry")
            .function("validatorRegistry");
    private static final AbiFunction ACCESS_CONTROL_MANAGER = ContractAbi.load("SwellSwETH")
            .function("AccessControlManager");
    private static final AbiFunction DEPOSIT_MANAGER = ContractAbi.load("SwellAccessControlManager")
            .function("DepositManager");
    private static final AbiFunction SWELL_CREDENTIALS = ContractAbi.load("SwellDepositManager")
            .function("getWithdrawalCredentials");
    private static final AbiFunction WITHDRAWAL_WALLET = ContractAbi.load("MantleStaking")
            .function("withdrawalWallet");
    private static final String ZERO = "0x" + "0".repeat(40);

    private final ChainReader chain;
    private final LogReader logs;
    private final EntityStore store;
    private final long pageBlocks;
    private final int pagesPerCall;
    private final int callsPerMulticall;

    PoolCredentials(ChainReader chain, LogReader logs, EntityStore store, long pageBlocks, int pagesPerCall,
            int callsPerMulticall) {
        this.chain = chain;
        this.logs = logs;
        this.store = store;
        this.pageBlocks = pageBlocks;
        this.pagesPerCall = pagesPerCall;
        this.callsPerMulticall = callsPerMulticall;
    }

    /**
     * ether.fi: every node StakingManager deployed (EtherFiNodeDeployed, also emitted when ether.fi backfilled its
     * legacy nodes), and each node's EigenPod. Since the Pectra upgrade new validators are 0x02 credentials of the
     * node's EigenPod (StakingManager.createBeaconValidators); legacy validators withdraw to the node itself, so
     * both are stored. A node without an EigenPod yet is asked again each reading until it has one.
     *
     * @return empty when the logs reach {@code block}; else how far they are
     */
    Optional<String> etherFi(BlockRef block, Address stakingManager, long firstBlock) {
        Optional<String> waiting = followLogs(block, stakingManager, NODE_DEPLOYED, EntityStore.ETHERFI_NODES,
                firstBlock, CredentialSource.ETHERFI, "ether.fi's EtherFiNodeDeployed logs", log -> {
                    if (log.topics().size() != 2) {
                        throw new ChainReadException("the EtherFiNodeDeployed log at block " + log.blockNumber()
                                + " log " + log.logIndex() + " has " + log.topics().size() + " topics, not 2");
                    }
                    return Optional.of(topicAddress(log.topics().get(1)));
                });
        List<EntityTables.CredentialRow> rows = store.credentialRows(CredentialSource.ETHERFI);
        Set<Long> withPod = new HashSet<>();
        for (EntityTables.CredentialRow row : rows) {
            if (row.position() < 0) {
                withPod.add(-row.position());
            }
        }
        List<EntityTables.CredentialRow> podless = rows.stream()
                .filter(r -> r.position() > 0 && !withPod.contains(r.position())).toList();
        for (int start = 0; start < podless.size(); start += callsPerMulticall) {
            List<EntityTables.CredentialRow> chunk = podless.subList(start,
                    Math.min(podless.size(), start + callsPerMulticall));
            List<ContractCall> calls = chunk.stream().map(r -> EIGEN_POD.call(new Address(r.address()))).toList();
            List<CallResult> results = chain.aggregate(block, calls);
            List<EntityTables.CredentialRow> pods = new ArrayList<>();
            for (int k = 0; k < calls.size(); k++) {
                String pod = EIGEN_POD.decodeAddress(calls.get(k), results.get(k)).getValue().toLowerCase(Locale.ROOT);
                if (!pod.equals(ZERO)) {
                    pods.add(EntityStore.credential(pod, CredentialSource.ETHERFI, block.number(),
                            -chunk.get(k).position()));
                }
            }
            store.saveCredentials(CredentialSource.ETHERFI, pods, null, block.number());
        }
        return waiting;
    }

    /**
     * Stader: both node registries, found through the StakePoolsManager's StaderConfig; validator ids from 1 to
     * nextValidatorId() - 1, each with its own withdraw vault (VaultFactory.deployWithdrawVault, credentials
     * 0x01 and the vault: VaultFactory.getValidatorWithdrawCredential). Only ids after the last one stored are read.
     */
    void stader(BlockRef block, Address stakePoolsManager) {
        Address config = Call.address(STADER_CONFIG, stakePoolsManager).readAt(chain, block);
        List<Address> registries = List.of(Call.address(PERMISSIONLESS, config).readAt(chain, block),
                Call.address(PERMISSIONED, config).readAt(chain, block));
        for (int r = 0; r < registries.size(); r++) {
            Address registry = registries.get(r);
            if (registry.getValue().equalsIgnoreCase(ZERO)) {
                continue; // StaderConfig names no such registry
            }
            long base = (r + 1) * REGISTRY_STRIDE;
            long next = Call.uint(NEXT_VALIDATOR_ID, registry).readAt(chain, block).longValueExact();
            long from = store.maxCredentialPosition(CredentialSource.STADER, base, base + REGISTRY_STRIDE)
                    .map(p -> p - base + 1).orElse(1L);
            for (long start = from; start < next; start += callsPerMulticall) {
                long end = Math.min(next, start + callsPerMulticall);
                List<ContractCall> calls = new ArrayList<>();
                for (long id = start; id < end; id++) {
                    calls.add(VALIDATOR_REGISTRY.call(registry, BigInteger.valueOf(id)));
                }
                List<CallResult> results = chain.aggregate(block, calls);
                List<EntityTables.CredentialRow> vaults = new ArrayList<>();
                for (int k = 0; k < calls.size(); k++) {
                    List<Type> outputs = VALIDATOR_REGISTRY.decode(calls.get(k), results.get(k));
                    int at = VALIDATOR_REGISTRY.outputNames().indexOf("withdrawVaultAddress");
                    String vault = ((Address) outputs.get(at)).getValue().toLowerCase(Locale.ROOT);
                    if (!vault.equals(ZERO)) {
                        vaults.add(EntityStore.credential(vault, CredentialSource.STADER, block.number(),
                                base + start + k));
                    }
                }
                store.saveCredentials(CredentialSource.STADER, vaults, null, block.number());
            }
        }
    }

    /** Swell: swETH's AccessControlManager names the DepositManager, whose getWithdrawalCredentials() they are. */
    Optional<String> swell(BlockRef block, Address swEth) {
        Address acm = Call.address(ACCESS_CONTROL_MANAGER, swEth).readAt(chain, block);
        Address depositManager = Call.address(DEPOSIT_MANAGER, acm).readAt(chain, block);
        ContractCall call = SWELL_CREDENTIALS.call(depositManager);
        CallResult result = chain.aggregate(block, List.of(call)).get(0);
        byte[] credentials = ((DynamicBytes) SWELL_CREDENTIALS.decode(call, result).get(0)).getValue();
        return executionAddress(credentials, SWELL_CREDENTIALS.label() + " at " + depositManager.getValue()
                + " at block " + block.number());
    }

    /** Mantle: Staking's withdrawalWallet, the only address its initiateValidatorsWithDeposits accepts. */
    Optional<String> mantle(BlockRef block, Address staking) {
        String wallet = Call.address(WITHDRAWAL_WALLET, staking).readAt(chain, block).getValue()
                .toLowerCase(Locale.ROOT);
        return wallet.equals(ZERO) ? Optional.empty() : Optional.of(wallet);
    }

    /**
     * Frax: the credentials of every deposit frxETHMinter made (DepositSent, one a validator), each distinct address
     * stored once. The minter keeps its current credentials in a variable with no getter (OperatorRegistry's
     * curr_withdrawal_pubkey), so its logs are what names them.
     */
    Optional<String> frax(BlockRef block, Address minter, long firstBlock) {
        return followLogs(block, minter, DEPOSIT_SENT, EntityStore.FRAX_DEPOSITS, firstBlock, CredentialSource.FRAX,
                "Frax's DepositSent logs", log -> executionAddress(depositSentCredentials(log),
                        "the DepositSent log at block " + log.blockNumber() + " log " + log.logIndex()));
    }

    /**
     * Reads {@code topic0} logs of {@code emitter} from the cursor on, at most {@code pages-per-cycle} pages, storing
     * each address {@code named} finds, once (an address already stored is not stored again), with the log's block
     * and position.
     */
    private Optional<String> followLogs(BlockRef block, Address emitter, String topic0, String cursor, long firstBlock,
            CredentialSource source, String what, Function<EventLog, Optional<String>> named) {
        long from = store.cursor(cursor).map(last -> last + 1).orElse(firstBlock);
        Set<String> known = from > block.number() ? Set.of() : new HashSet<>(store.credentialAddresses(source));
        for (int pages = 0; from <= block.number() && pages < pagesPerCall; pages++) {
            long end = Math.min(block.number(), from + pageBlocks - 1);
            List<EntityTables.CredentialRow> found = new ArrayList<>();
            for (EventLog log : logs.logs(emitter, topic0, from, end)) {
                named.apply(log).filter(known::add).ifPresent(address -> found.add(EntityStore.credential(address,
                        source, log.blockNumber(), log.blockNumber() * 100_000 + log.logIndex() + 1)));
            }
            store.saveCredentials(source, found, cursor, end);
            from = end + 1;
        }
        return from > block.number() ? Optional.empty()
                : Optional.of(what + " are read to block " + (from - 1) + " of " + block.number());
    }

    /** The execution address of 0x01 or 0x02 credentials (32 bytes); empty for 0x00 (a BLS key's hash). */
    static Optional<String> executionAddress(byte[] credentials, String where) {
        if (credentials.length != 32) {
            throw new ChainReadException(where + " gave withdrawal credentials of " + credentials.length
                    + " bytes, not 32");
        }
        if (credentials[0] == 0) {
            return Optional.empty();
        }
        if (credentials[0] != 1 && credentials[0] != 2) {
            throw new ChainReadException(where + " gave withdrawal credentials of unknown type 0x"
                    + HexFormat.of().toHexDigits(credentials[0]));
        }
        return Optional.of("0x" + HexFormat.of().formatHex(credentials, 12, 32));
    }

    /** The withdrawalCredential of DepositSent(bytes indexed pubKey, bytes withdrawalCredential): one bytes. */
    static byte[] depositSentCredentials(EventLog log) {
        List<BigInteger> words = log.words();
        if (log.topics().size() != 2 || words.size() < 3 || !words.get(0).equals(BigInteger.valueOf(32))
                || words.get(1).compareTo(BigInteger.valueOf(32L * (words.size() - 2))) > 0) {
            throw new ChainReadException("the DepositSent log at block " + log.blockNumber() + " log "
                    + log.logIndex() + " is not one indexed and one bytes argument: " + log.data());
        }
        int length = words.get(1).intValueExact();
        byte[] data = Numeric.hexStringToByteArray(log.data());
        byte[] credentials = new byte[length];
        System.arraycopy(data, 64, credentials, 0, length);
        return credentials;
    }

    private static String topicAddress(String topic) {
        String hex = topic.toLowerCase(Locale.ROOT);
        return "0x" + hex.substring(hex.length() - 40);
    }
}
