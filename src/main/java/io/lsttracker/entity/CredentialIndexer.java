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
import io.lsttracker.domain.Protocol;
import io.lsttracker.pool.Call;
import io.lsttracker.pool.PoolDefinition;
import io.lsttracker.pool.PoolRegistry;
import io.lsttracker.pool.RocketStorage;
import jakarta.inject.Singleton;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.crypto.Hash;

/**
 * Rule 1's sources (docs/ENTITIES.md), read at the pinned block for the entities that claim them: Lido's
 * withdrawal credentials (one call each time), Rocket Pool's minipools (only the indices from the last stored
 * count on) and StakeWise's vaults (VaultAdded logs after the last block read), and through {@link PoolCredentials}
 * ether.fi's nodes and EigenPods, Stader's withdraw vaults, Swell's DepositManager, Mantle's withdrawal wallet and
 * Frax's deposit credentials. The contracts' addresses come from config/pools.yml (stETH; RocketStorage; Stader's
 * StakePoolsManager; swETH; Mantle's Staking) and tracker.entities (vaults-registry, etherfi-staking-manager,
 * frax-minter).
 */
@Singleton
public final class CredentialIndexer {
    static final String VAULT_ADDED = Hash.sha3String("VaultAdded(address,address)");
    private static final AbiFunction WITHDRAWAL_CREDENTIALS = ContractAbi.load("LidoStETH")
            .function("getWithdrawalCredentials");
    private static final AbiFunction MINIPOOL_COUNT = ContractAbi.load("RocketMinipoolManager")
            .function("getMinipoolCount");
    private static final AbiFunction MINIPOOL_AT = ContractAbi.load("RocketMinipoolManager").function("getMinipoolAt");

    private final EntityRegistry entities;
    private final PoolRegistry pools;
    private final ChainReader chain;
    private final LogReader logs;
    private final long pageBlocks;
    private final int pagesPerCall;
    private final EntityStore store;
    private final Address vaultsRegistry;
    private final long vaultsFirstBlock;
    private final int minipoolsPerCall;
    private final PoolCredentials poolCredentials;
    private final Address etherfiStakingManager;
    private final long etherfiFirstBlock;
    private final Address fraxMinter;
    private final long fraxFirstBlock;

    public CredentialIndexer(EntityRegistry entities, PoolRegistry pools, ChainReader chain, LogReader logs,
            EntityStore store, EntityChainSettings settings) {
        this.entities = entities;
        this.pools = pools;
        this.chain = chain;
        this.logs = logs;
        this.pageBlocks = settings.pageBlocks();
        this.pagesPerCall = settings.pagesPerCycle();
        this.store = store;
        this.vaultsRegistry = new Address(settings.vaultsRegistry());
        this.vaultsFirstBlock = settings.vaultsFirstBlock();
        this.minipoolsPerCall = settings.minipoolsPerCall();
        this.poolCredentials = new PoolCredentials(chain, logs, store, pageBlocks, pagesPerCall, minipoolsPerCall);
        this.etherfiStakingManager = new Address(settings.etherfiStakingManager());
        this.etherfiFirstBlock = settings.etherfiFirstBlock();
        this.fraxMinter = new Address(settings.fraxMinter());
        this.fraxFirstBlock = settings.fraxFirstBlock();
    }

    /**
     * Rule 1's addresses at a block, or how far the vault logs have been read when they do not reach it yet.
     *
     * @param addresses every rule-1 address with its source, complete only when {@code waiting} is empty
     */
    public record Named(Map<String, CredentialSource> addresses, Optional<String> waiting) {
    }

    /**
     * Brings the stored sources toward {@code block} (the vault logs by at most {@code pages-per-cycle} pages, like
     * the deposit index, so a first read from the registry's first block never holds up a cycle) and returns every
     * rule-1 address with its source.
     */
    public synchronized Named readAt(BlockRef block) {
        if (claimed(CredentialSource.ROCKETPOOL)) {
            minipools(block);
        }
        if (claimed(CredentialSource.STADER)) {
            poolCredentials.stader(block, pool(Protocol.STADER, CredentialSource.STADER).address("manager"));
        }
        List<String> waiting = new ArrayList<>();
        if (claimed(CredentialSource.STAKEWISE)) {
            vaults(block).ifPresent(waiting::add);
        }
        if (claimed(CredentialSource.ETHERFI)) {
            poolCredentials.etherFi(block, etherfiStakingManager, etherfiFirstBlock).ifPresent(waiting::add);
        }
        if (claimed(CredentialSource.FRAX)) {
            poolCredentials.frax(block, fraxMinter, fraxFirstBlock).ifPresent(waiting::add);
        }
        Map<String, CredentialSource> all = new HashMap<>(store.credentials());
        if (claimed(CredentialSource.LIDO)) {
            lidoVault(block).ifPresent(address -> all.put(address, CredentialSource.LIDO));
        }
        if (claimed(CredentialSource.SWELL)) {
            keep(all, poolCredentials.swell(block, pool(Protocol.SWELL, CredentialSource.SWELL).address("sweth")),
                    CredentialSource.SWELL, block);
        }
        if (claimed(CredentialSource.MANTLE)) {
            keep(all, poolCredentials.mantle(block, pool(Protocol.MANTLE, CredentialSource.MANTLE)
                    .address("staking")), CredentialSource.MANTLE, block);
        }
        return new Named(all, waiting.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", waiting)));
    }

    /**
     * A single address read now (Swell's DepositManager, Mantle's wallet) is stored the first time it is seen, so
     * that after the protocol changes it the validators made with the earlier one stay attributed.
     */
    private void keep(Map<String, CredentialSource> all, Optional<String> address, CredentialSource source,
            BlockRef block) {
        if (address.isPresent() && !all.containsKey(address.get())) {
            store.saveCredentials(source, List.of(EntityStore.credential(address.get(), source, block.number(),
                    block.number())), null, block.number());
            all.put(address.get(), source);
        }
    }

    private boolean claimed(CredentialSource source) {
        return entities.byCredentials(source).isPresent();
    }

    /** Lido's credentials name an execution address when they are 0x01 (or 0x02): that address. */
    private Optional<String> lidoVault(BlockRef block) {
        PoolDefinition lido = pool(Protocol.LIDO, CredentialSource.LIDO);
        ContractCall call = WITHDRAWAL_CREDENTIALS.call(lido.address("steth"));
        CallResult result = chain.aggregate(block, List.of(call)).get(0);
        byte[] credentials = ((Bytes32) WITHDRAWAL_CREDENTIALS.decode(call, result).get(0)).getValue();
        if (credentials[0] != 1 && credentials[0] != 2) {
            return Optional.empty();
        }
        return Optional.of("0x" + HexFormat.of().formatHex(credentials, 12, 32));
    }

    private void minipools(BlockRef block) {
        PoolDefinition rocketpool = pool(Protocol.ROCKETPOOL, CredentialSource.ROCKETPOOL);
        Address manager = RocketStorage.contractAddress(rocketpool.address("storage"), RocketStorage.MINIPOOL_MANAGER)
                .readAt(chain, block);
        if (RocketStorage.isZero(manager)) {
            throw new ChainReadException("RocketStorage " + rocketpool.address("storage") + " has no "
                    + RocketStorage.MINIPOOL_MANAGER + " at block " + block.number());
        }
        long count = Call.uint(MINIPOOL_COUNT, manager).readAt(chain, block).longValueExact();
        long known = store.credentialCount(CredentialSource.ROCKETPOOL);
        for (long start = known; start < count; start += minipoolsPerCall) {
            long end = Math.min(count, start + minipoolsPerCall);
            List<ContractCall> calls = new ArrayList<>();
            for (long i = start; i < end; i++) {
                calls.add(MINIPOOL_AT.call(manager, BigInteger.valueOf(i)));
            }
            List<CallResult> results = chain.aggregate(block, calls);
            List<EntityTables.CredentialRow> found = new ArrayList<>();
            for (int k = 0; k < calls.size(); k++) {
                Address minipool = MINIPOOL_AT.decodeAddress(calls.get(k), results.get(k));
                found.add(EntityStore.credential(minipool.getValue().toLowerCase(Locale.ROOT),
                        CredentialSource.ROCKETPOOL, block.number(), start + k));
            }
            store.saveCredentials(CredentialSource.ROCKETPOOL, found, null, block.number());
        }
    }

    /** Empty when the vault logs reach {@code block}; else how far they are. */
    private Optional<String> vaults(BlockRef block) {
        long from = store.cursor(EntityStore.VAULTS).map(last -> last + 1).orElse(vaultsFirstBlock);
        for (int pages = 0; from <= block.number() && pages < pagesPerCall; pages++) {
            long end = Math.min(block.number(), from + pageBlocks - 1);
            List<EntityTables.CredentialRow> found = new ArrayList<>();
            for (EventLog log : logs.logs(vaultsRegistry, VAULT_ADDED, from, end)) {
                if (log.topics().size() != 3) {
                    throw new ChainReadException("the VaultAdded log at block " + log.blockNumber() + " log "
                            + log.logIndex() + " has " + log.topics().size() + " topics, not 3");
                }
                String topic = log.topics().get(2).toLowerCase(Locale.ROOT);
                found.add(EntityStore.credential("0x" + topic.substring(topic.length() - 40),
                        CredentialSource.STAKEWISE, log.blockNumber(), log.logIndex()));
            }
            store.saveCredentials(CredentialSource.STAKEWISE, found, EntityStore.VAULTS, end);
            from = end + 1;
        }
        return from > block.number() ? Optional.empty() : Optional.of("StakeWise's vault logs are read to block "
                + (from - 1) + " of " + block.number());
    }

    private PoolDefinition pool(Protocol protocol, CredentialSource source) {
        Entity entity = entities.byCredentials(source).orElseThrow();
        return entity.pool().flatMap(pools::find).filter(p -> p.protocol() == protocol)
                .or(() -> pools.pools().stream().filter(p -> p.protocol() == protocol).findFirst())
                .orElseThrow(() -> new io.lsttracker.config.ConfigException("entities." + entity.id() + " claims the "
                        + source.configName() + " credentials, but " + pools.source() + " has no "
                        + protocol.configName() + " pool to read them from"));
    }
}
