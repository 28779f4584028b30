package io.lsttracker.pool;

import io.lsttracker.chain.AbiFunction;
import io.lsttracker.chain.ContractAbi;
import io.lsttracker.config.PoolDefinition;
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
 * answer has changed, the pool is read again at the same block with the new address.
 */
@Singleton
public final class RocketPoolAdapter implements PoolAdapter {
    /** keccak256(abi.encodePacked("contract.address", "rocketNetworkBalances")), RocketBase.getContractAddress. */
    static final byte[] NETWORK_BALANCES_KEY =
            Hash.sha3("contract.addressrocketNetworkBalances".getBytes(StandardCharsets.US_ASCII));

    private static final AbiFunction GET_ADDRESS = ContractAbi.load("RocketStorage").function("getAddress");
    private static final ContractAbi RETH = ContractAbi.load("RocketTokenRETH");
    private static final ContractAbi BALANCES = ContractAbi.load("RocketNetworkBalances");

    private final ConcurrentMap<Address, Address> networkBalancesByStorage = new ConcurrentHashMap<>();

    @Override
    public Protocol protocol() {
        return Protocol.ROCKETPOOL;
    }

    @Override
    public List<BoundCall> resolutionCalls(PoolDefinition pool) {
        if (networkBalancesByStorage.containsKey(pool.address("storage"))) {
            return List.of();
        }
        return List.of(lookUpNetworkBalances(pool));
    }

    @Override
    public void acceptResolution(PoolDefinition pool, Answers answers) {
        networkBalancesByStorage.put(pool.address("storage"), checkedNetworkBalances(pool, answers.address(0)));
    }

    @Override
    public List<BoundCall> readCalls(PoolDefinition pool) {
        Address reth = pool.address("reth");
        Address balances = networkBalancesByStorage.get(pool.address("storage"));
        if (balances == null) {
            throw new IllegalStateException("readCalls before the network balances address was resolved");
        }
        return List.of(
                lookUpNetworkBalances(pool),
                BoundCall.of(RETH.function("getExchangeRate"), reth),
                BoundCall.of(RETH.function("totalSupply"), reth),
                BoundCall.of(BALANCES.function("getTotalETHBalance"), balances),
                BoundCall.of(BALANCES.function("getTotalRETHSupply"), balances),
                BoundCall.of(BALANCES.function("getStakingETHBalance"), balances),
                BoundCall.of(BALANCES.function("getBalancesBlock"), balances));
    }

    @Override
    public PoolState decode(PoolDefinition pool, Answers answers) {
        Address storage = pool.address("storage");
        Address current = checkedNetworkBalances(pool, answers.address(0));
        Address cached = networkBalancesByStorage.put(storage, current);
        if (!current.equals(cached)) {
            throw new StaleResolutionException("RocketStorage now names " + current
                    + " as rocketNetworkBalances (was " + cached + ")");
        }
        BigInteger exchangeRate = answers.uint(1);
        BigInteger tokenSupply = answers.uint(2);
        BigInteger totalEth = answers.uint(3);
        Map<String, BigDecimal> details = new LinkedHashMap<>();
        details.put("reportedRethSupply", Wei.toEther(answers.uint(4)));
        details.put("stakingEth", Wei.toEther(answers.uint(5)));
        details.put("balancesBlock", new BigDecimal(answers.uint(6)));
        return PoolState.ok(pool.id(), exchangeRate, totalEth, tokenSupply, details);
    }

    private static BoundCall lookUpNetworkBalances(PoolDefinition pool) {
        return BoundCall.of(GET_ADDRESS, pool.address("storage"), (Object) NETWORK_BALANCES_KEY);
    }

    private static Address checkedNetworkBalances(PoolDefinition pool, Address address) {
        if (address.toUint().getValue().signum() == 0) {
            throw new PoolDataException("RocketStorage at " + pool.address("storage")
                    + " has no address for rocketNetworkBalances");
        }
        return address;
    }
}
