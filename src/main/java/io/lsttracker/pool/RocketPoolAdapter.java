package io.lsttracker.pool;

import io.lsttracker.chain.AbiFunction;
import io.lsttracker.chain.ContractAbi;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Protocol;
import io.lsttracker.domain.RocketPoolDetails;
import jakarta.inject.Singleton;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.web3j.abi.datatypes.Address;

/**
 * Rocket Pool (rETH, value-accruing). ETH per token is rETH's getExchangeRate(). Total ETH is the last
 * oDAO balance report, RocketNetworkBalances.getTotalETHBalance() (not rETH's getTotalCollateral(), which is
 * only the liquid part). RocketNetworkBalances moves on upgrades, so its address is looked up in
 * {@link RocketStorage} once and cached; every snapshot asks RocketStorage again in the same multicall and, if
 * the answer has changed, the pool is read again at the same block with the new address. RocketNodeManager and
 * RocketMinipoolManager are found the same way; their counts (getNodeCount, getMinipoolCount,
 * getActiveMinipoolCount = minipools not yet finalised, getStakingMinipoolCount; RocketNodeManager.sol and
 * RocketMinipoolManager.sol, abi/SOURCES.md) are kept as details.
 */
@Singleton
public final class RocketPoolAdapter implements PoolAdapter {
    private static final ContractAbi RETH = ContractAbi.load("RocketTokenRETH");
    private static final ContractAbi BALANCES = ContractAbi.load("RocketNetworkBalances");
    private static final AbiFunction NODE_COUNT = ContractAbi.load("RocketNodeManager").function("getNodeCount");
    private static final ContractAbi MINIPOOLS = ContractAbi.load("RocketMinipoolManager");

    /** The network contracts RocketStorage names, by the RocketStorage they were looked up in. */
    private final ConcurrentMap<Address, NetworkContracts> contractsByStorage = new ConcurrentHashMap<>();

    /** The network contracts the adapter reads, as RocketStorage names them. */
    record NetworkContracts(Address networkBalances, Address nodeManager, Address minipoolManager) {
        List<Address> asList() {
            return List.of(networkBalances, nodeManager, minipoolManager);
        }
    }

    @Override
    public Protocol protocol() {
        return Protocol.ROCKETPOOL;
    }

    @Override
    public Optional<Reading<?>> resolution(PoolDefinition pool) {
        Address storage = pool.address("storage");
        if (contractsByStorage.containsKey(storage)) {
            return Optional.empty();
        }
        CallList calls = new CallList();
        LookUps lookUps = new LookUps(calls.add(lookUp(storage, RocketStorage.NETWORK_BALANCES)),
                calls.add(lookUp(storage, RocketStorage.NODE_MANAGER)),
                calls.add(lookUp(storage, RocketStorage.MINIPOOL_MANAGER)));
        return Optional.of(calls.then(answers -> {
            NetworkContracts contracts = lookUps.answered(storage, answers);
            contractsByStorage.put(storage, contracts);
            return contracts;
        }));
    }

    @Override
    public Reading<PoolState> read(PoolDefinition pool) {
        Address storage = pool.address("storage");
        NetworkContracts asked = contractsByStorage.get(storage);
        if (asked == null) {
            throw new IllegalStateException("read before the network contracts were resolved");
        }
        Address reth = pool.address("reth");
        Address balances = asked.networkBalances();
        Address minipools = asked.minipoolManager();
        // in the order earlier versions sent them, so that the multicall stays byte for byte the same
        CallList calls = new CallList();
        Call<Address> balancesLookUp = calls.add(lookUp(storage, RocketStorage.NETWORK_BALANCES));
        Call<BigInteger> exchangeRate = calls.add(Call.uint(RETH.function("getExchangeRate"), reth));
        Call<BigInteger> tokenSupply = calls.add(Call.uint(RETH.function("totalSupply"), reth));
        Call<BigInteger> totalEth = calls.add(Call.uint(BALANCES.function("getTotalETHBalance"), balances));
        Call<BigInteger> reportedRethSupply = calls.add(Call.uint(BALANCES.function("getTotalRETHSupply"), balances));
        Call<BigInteger> stakingEth = calls.add(Call.uint(BALANCES.function("getStakingETHBalance"), balances));
        Call<BigInteger> balancesBlock = calls.add(Call.uint(BALANCES.function("getBalancesBlock"), balances));
        LookUps lookUps = new LookUps(balancesLookUp, calls.add(lookUp(storage, RocketStorage.NODE_MANAGER)),
                calls.add(lookUp(storage, RocketStorage.MINIPOOL_MANAGER)));
        Call<BigInteger> nodeOperators = calls.add(Call.uint(NODE_COUNT, asked.nodeManager()));
        Call<BigInteger> minipoolCount = calls.add(Call.uint(MINIPOOLS.function("getMinipoolCount"), minipools));
        Call<BigInteger> active = calls.add(Call.uint(MINIPOOLS.function("getActiveMinipoolCount"), minipools));
        Call<BigInteger> staking = calls.add(Call.uint(MINIPOOLS.function("getStakingMinipoolCount"), minipools));
        return calls.then(answers -> {
            NetworkContracts current = lookUps.answered(storage, answers);
            if (!current.equals(asked)) {
                // the other calls went to the contracts of `asked`: their answers are not this block's pool
                contractsByStorage.put(storage, current);
                throw new StaleResolutionException("RocketStorage now names " + current.asList() + " as "
                        + List.of(RocketStorage.NETWORK_BALANCES, RocketStorage.NODE_MANAGER,
                                RocketStorage.MINIPOOL_MANAGER) + " (was " + asked.asList() + ")");
            }
            BigInteger rate = answers.get(exchangeRate);
            BigInteger supply = answers.get(tokenSupply);
            BigInteger eth = answers.get(totalEth);
            BigInteger reported = answers.get(reportedRethSupply);
            BigInteger staked = answers.get(stakingEth);
            BigInteger reportBlock = answers.get(balancesBlock);
            BigInteger all = answers.get(minipoolCount);
            BigInteger activeCount = answers.get(active);
            BigInteger stakingCount = answers.get(staking);
            if (activeCount.compareTo(all) > 0 || stakingCount.compareTo(activeCount) > 0) {
                // staking minipools are active (not finalised), and active ones are among all created
                throw new PoolDataException("RocketMinipoolManager at " + minipools + " reports " + all
                        + " minipools, " + activeCount + " active and " + stakingCount
                        + " staking: not staking <= active <= all");
            }
            var counts = new RocketPoolDetails.NodeCounts(answers.get(nodeOperators), all, activeCount, stakingCount);
            return PoolState.ok(pool.id(), rate, eth, supply,
                    new RocketPoolDetails(reported, staked, reportBlock, Optional.of(counts)));
        });
    }

    private static Call<Address> lookUp(Address storage, String name) {
        return RocketStorage.contractAddress(storage, name);
    }

    /** The three look-ups in RocketStorage; their answers make the contracts, each checked to be registered. */
    private record LookUps(Call<Address> networkBalances, Call<Address> nodeManager, Call<Address> minipoolManager) {
        NetworkContracts answered(Address storage, Answers answers) {
            return new NetworkContracts(
                    registered(storage, answers.get(networkBalances), RocketStorage.NETWORK_BALANCES),
                    registered(storage, answers.get(nodeManager), RocketStorage.NODE_MANAGER),
                    registered(storage, answers.get(minipoolManager), RocketStorage.MINIPOOL_MANAGER));
        }
    }

    private static Address registered(Address storage, Address address, String name) {
        if (RocketStorage.isZero(address)) {
            throw new PoolDataException("RocketStorage at " + storage + " has no address for " + name);
        }
        return address;
    }
}
