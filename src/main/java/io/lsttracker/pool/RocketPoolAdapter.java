package io.lsttracker.pool;

import io.lsttracker.chain.AbiFunction;
import io.lsttracker.chain.ContractAbi;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Protocol;
import io.lsttracker.domain.Wei;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.web3j.abi.datatypes.Address;
import org.web3j.crypto.Hash;

/**
 * Rocket Pool (rETH, value-accruing). ETH per token is rETH's getExchangeRate(). Total ETH is the last
 * oDAO balance report, RocketNetworkBalances.getTotalETHBalance() (not rETH's getTotalCollateral(), which is
 * only the liquid part). RocketNetworkBalances moves on upgrades, so its address is looked up in
 * RocketStorage once and cached; every snapshot asks RocketStorage again in the same multicall and, if the
 * answer has changed, the pool is read again at the same block with the new address. RocketNodeManager and
 * RocketMinipoolManager are found the same way; their counts (getNodeCount, getMinipoolCount,
 * getActiveMinipoolCount = minipools not yet finalised, getStakingMinipoolCount; RocketNodeManager.sol and
 * RocketMinipoolManager.sol, abi/SOURCES.md) are kept as details: nodeOperators, minipools, activeMinipools,
 * stakingMinipools.
 */
@Singleton
public final class RocketPoolAdapter implements PoolAdapter {
    /** keccak256(abi.encodePacked("contract.address", "rocketNetworkBalances")), RocketBase.getContractAddress. */
    static final byte[] NETWORK_BALANCES_KEY =
            Hash.sha3("contract.addressrocketNetworkBalances".getBytes(StandardCharsets.US_ASCII));

    static final byte[] NODE_MANAGER_KEY =
            Hash.sha3("contract.addressrocketNodeManager".getBytes(StandardCharsets.US_ASCII));
    static final byte[] MINIPOOL_MANAGER_KEY =
            Hash.sha3("contract.addressrocketMinipoolManager".getBytes(StandardCharsets.US_ASCII));
    /** The network contracts looked up in RocketStorage, in the order of their keys. */
    private static final List<byte[]> KEYS = List.of(NETWORK_BALANCES_KEY, NODE_MANAGER_KEY, MINIPOOL_MANAGER_KEY);
    private static final List<String> NAMES = List.of("rocketNetworkBalances", "rocketNodeManager",
            "rocketMinipoolManager");

    private static final AbiFunction GET_ADDRESS = ContractAbi.load("RocketStorage").function("getAddress");
    private static final ContractAbi RETH = ContractAbi.load("RocketTokenRETH");
    private static final ContractAbi BALANCES = ContractAbi.load("RocketNetworkBalances");
    private static final AbiFunction NODE_COUNT = ContractAbi.load("RocketNodeManager").function("getNodeCount");
    private static final ContractAbi MINIPOOLS = ContractAbi.load("RocketMinipoolManager");

    private final ConcurrentMap<Address, List<Address>> contractsByStorage = new ConcurrentHashMap<>();

    @Override
    public Protocol protocol() {
        return Protocol.ROCKETPOOL;
    }

    @Override
    public List<BoundCall> resolutionCalls(PoolDefinition pool) {
        if (contractsByStorage.containsKey(pool.address("storage"))) {
            return List.of();
        }
        return lookUps(pool);
    }

    @Override
    public void acceptResolution(PoolDefinition pool, Answers answers) {
        contractsByStorage.put(pool.address("storage"), checkedContracts(pool, answers, 0));
    }

    @Override
    public List<BoundCall> readCalls(PoolDefinition pool) {
        Address reth = pool.address("reth");
        List<Address> contracts = contractsByStorage.get(pool.address("storage"));
        if (contracts == null) {
            throw new IllegalStateException("readCalls before the network contracts were resolved");
        }
        Address balances = contracts.get(0);
        Address minipools = contracts.get(2);
        List<BoundCall> lookUps = lookUps(pool);
        return List.of(
                lookUps.get(0),
                BoundCall.of(RETH.function("getExchangeRate"), reth),
                BoundCall.of(RETH.function("totalSupply"), reth),
                BoundCall.of(BALANCES.function("getTotalETHBalance"), balances),
                BoundCall.of(BALANCES.function("getTotalRETHSupply"), balances),
                BoundCall.of(BALANCES.function("getStakingETHBalance"), balances),
                BoundCall.of(BALANCES.function("getBalancesBlock"), balances),
                lookUps.get(1),
                lookUps.get(2),
                BoundCall.of(NODE_COUNT, contracts.get(1)),
                BoundCall.of(MINIPOOLS.function("getMinipoolCount"), minipools),
                BoundCall.of(MINIPOOLS.function("getActiveMinipoolCount"), minipools),
                BoundCall.of(MINIPOOLS.function("getStakingMinipoolCount"), minipools));
    }

    @Override
    public PoolState decode(PoolDefinition pool, Answers answers) {
        Address storage = pool.address("storage");
        List<Address> current = List.of(checked(pool, answers.address(0), 0), checked(pool, answers.address(7), 1),
                checked(pool, answers.address(8), 2));
        List<Address> cached = contractsByStorage.put(storage, current);
        if (!current.equals(cached)) {
            throw new StaleResolutionException("RocketStorage now names " + current + " as " + NAMES
                    + " (was " + cached + ")");
        }
        BigInteger exchangeRate = answers.uint(1);
        BigInteger tokenSupply = answers.uint(2);
        BigInteger totalEth = answers.uint(3);
        Map<String, BigDecimal> details = new LinkedHashMap<>();
        details.put("reportedRethSupply", Wei.toEther(answers.uint(4)));
        details.put("stakingEth", Wei.toEther(answers.uint(5)));
        details.put("balancesBlock", new BigDecimal(answers.uint(6)));
        BigInteger minipools = answers.uint(10);
        BigInteger active = answers.uint(11);
        BigInteger staking = answers.uint(12);
        if (active.compareTo(minipools) > 0 || staking.compareTo(active) > 0) {
            // staking minipools are active (not finalised), and active ones are among all created
            throw new PoolDataException("RocketMinipoolManager at " + current.get(2) + " reports " + minipools
                    + " minipools, " + active + " active and " + staking + " staking: not staking <= active <= all");
        }
        details.put("nodeOperators", new BigDecimal(answers.uint(9)));
        details.put("minipools", new BigDecimal(minipools));
        details.put("activeMinipools", new BigDecimal(active));
        details.put("stakingMinipools", new BigDecimal(staking));
        return PoolState.ok(pool.id(), exchangeRate, totalEth, tokenSupply, details);
    }

    private static List<BoundCall> lookUps(PoolDefinition pool) {
        return KEYS.stream().map(key -> BoundCall.of(GET_ADDRESS, pool.address("storage"), (Object) key)).toList();
    }

    private static List<Address> checkedContracts(PoolDefinition pool, Answers answers, int first) {
        return List.of(checked(pool, answers.address(first), 0), checked(pool, answers.address(first + 1), 1),
                checked(pool, answers.address(first + 2), 2));
    }

    private static Address checked(PoolDefinition pool, Address address, int contract) {
        if (address.toUint().getValue().signum() == 0) {
            throw new PoolDataException("RocketStorage at " + pool.address("storage")
                    + " has no address for " + NAMES.get(contract));
        }
        return address;
    }
}
