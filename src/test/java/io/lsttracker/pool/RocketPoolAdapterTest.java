package io.lsttracker.pool;

import static io.lsttracker.pool.AnswersFixture.address;
import static io.lsttracker.pool.AnswersFixture.words;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.chain.CallResult;
import io.lsttracker.domain.PoolId;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Protocol;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Address;
import org.web3j.utils.Numeric;

class RocketPoolAdapterTest {
    static final PoolDefinition ROCKETPOOL = new PoolDefinition(new PoolId("rocketpool"), "Rocket Pool",
            Protocol.ROCKETPOOL, "rETH", Map.of(
                    "reth", new Address("0xae78736Cd615f374D3085123A210448E74Fc6393"),
                    "storage", new Address("0x1d8f8f00cfa6758d7bE78336684788Fb0ee0Fa46")));
    private static final String BALANCES = "0x6cc65bf618f55ce2433f9d8d827fc44117d81399";
    private static final String NODES = "0x2b52479f6ea009907e46fc43e91064d1b92fdc86";
    private static final String MINIPOOLS = "0xe54b8c641fd96de5d6747f47c19964c6b824d62c";
    private static final String UPGRADED = "0x1d9f14c6bfd8358b589964bad8665add248e9473";

    private final RocketPoolAdapter adapter = new RocketPoolAdapter();

    @Test
    void theStorageKeyIsTheDocumentedHash() {
        assertEquals("0x7630e125f1c009e5fc974f6dae77c6d5b1802979b36e6d7145463c21782af01e",
                Numeric.toHexString(RocketPoolAdapter.NETWORK_BALANCES_KEY));
    }

    @Test
    void resolvesNetworkBalancesOnceThenReadsWithTheCachedAddress() {
        List<BoundCall> resolution = adapter.resolutionCalls(ROCKETPOOL);
        assertEquals(3, resolution.size());
        assertEquals("RocketStorage.getAddress", resolution.get(0).call().label());
        adapter.acceptResolution(ROCKETPOOL, new Answers(resolution, lookUps(BALANCES)));
        assertEquals(List.of(), adapter.resolutionCalls(ROCKETPOOL));

        List<BoundCall> reads = adapter.readCalls(ROCKETPOOL);
        assertEquals(new Address(BALANCES), reads.get(3).call().target());
        // The reference rate of 15 Feb 2024: 1.098284517740008249 ETH per rETH.
        PoolState state = adapter.decode(ROCKETPOOL, new Answers(reads, answers(BALANCES)));
        assertEquals(new BigInteger("1098284517740008249"), state.ethPerToken());
        assertEquals(new BigInteger("549142258870004124500000"), state.totalEth());
        assertEquals(new BigInteger("500100000000000000000000"), state.tokenSupply());
        assertEquals(new BigDecimal("500000.000000000000000000"), state.details().get("reportedRethSupply"));
        assertEquals(new BigDecimal("505210.878160403794540000"), state.details().get("stakingEth"));
        assertEquals(new BigDecimal("19238000"), state.details().get("balancesBlock"));
        assertEquals(new Address(NODES), reads.get(9).call().target());
        assertEquals(new Address(MINIPOOLS), reads.get(10).call().target());
        assertEquals(new BigDecimal("4012"), state.details().get("nodeOperators"));
        assertEquals(new BigDecimal("35210"), state.details().get("minipools"));
        assertEquals(new BigDecimal("28280"), state.details().get("activeMinipools"));
        assertEquals(new BigDecimal("28050"), state.details().get("stakingMinipools"));
    }

    @Test
    void theManagersKeysAreTheDocumentedHashes() {
        // keccak256("contract.addressrocketNodeManager") and ("contract.addressrocketMinipoolManager"), computed
        // with js-sha3 (abi/SOURCES.md)
        assertEquals("0xaf00be55c9fb8f543c04e0aa0d70351b880c1bfafffd15b60065a4a50c85ec94",
                Numeric.toHexString(RocketPoolAdapter.NODE_MANAGER_KEY));
        assertEquals("0xe9dfec9339b94a131861a58f1bb4ac4c1ce55c7ffe8550e0b6ebcfde87bb012f",
                Numeric.toHexString(RocketPoolAdapter.MINIPOOL_MANAGER_KEY));
    }

    @Test
    void stakingMinipoolsAboveTheActiveOnesAreRefused() {
        adapter.acceptResolution(ROCKETPOOL, new Answers(adapter.resolutionCalls(ROCKETPOOL), lookUps(BALANCES)));
        List<BoundCall> reads = adapter.readCalls(ROCKETPOOL);
        List<CallResult> answers = new java.util.ArrayList<>(answers(BALANCES));
        answers.set(12, words("28281")); // one more staking than active (28,280)
        PoolDataException e = assertThrows(PoolDataException.class,
                () -> adapter.decode(ROCKETPOOL, new Answers(reads, answers)));
        assertTrue(e.getMessage().contains("35210 minipools, 28280 active and 28281 staking"), e.getMessage());
    }

    @Test
    void anUnregisteredMinipoolManagerIsReportedNotCalled() {
        List<BoundCall> resolution = adapter.resolutionCalls(ROCKETPOOL);
        PoolDataException e = assertThrows(PoolDataException.class, () -> adapter.acceptResolution(ROCKETPOOL,
                new Answers(resolution, List.of(address(BALANCES), address(NODES), words("0")))));
        assertTrue(e.getMessage().contains("has no address for rocketMinipoolManager"), e.getMessage());
    }

    @Test
    void anUpgradeSeenInTheSameMulticallAsksForARereadWithTheNewAddress() {
        List<BoundCall> resolution = adapter.resolutionCalls(ROCKETPOOL);
        adapter.acceptResolution(ROCKETPOOL, new Answers(resolution, lookUps(BALANCES)));
        List<BoundCall> reads = adapter.readCalls(ROCKETPOOL);
        assertThrows(StaleResolutionException.class,
                () -> adapter.decode(ROCKETPOOL, new Answers(reads, answers(UPGRADED))));
        assertEquals(new Address(UPGRADED), adapter.readCalls(ROCKETPOOL).get(3).call().target());
    }

    @Test
    void anUnregisteredNetworkBalancesIsReportedNotCalled() {
        List<BoundCall> resolution = adapter.resolutionCalls(ROCKETPOOL);
        PoolDataException e = assertThrows(PoolDataException.class, () -> adapter.acceptResolution(ROCKETPOOL,
                new Answers(resolution, List.of(words("0"), address(NODES), address(MINIPOOLS)))));
        assertTrue(e.getMessage().contains("has no address for rocketNetworkBalances"), e.getMessage());
    }

    private static List<CallResult> answers(String balancesAddress) {
        return List.of(
                address(balancesAddress),
                words("1098284517740008249"),
                words("500100000000000000000000"),
                words("549142258870004124500000"), // 500,000 rETH x 1.098284517740008249
                words("500000000000000000000000"),
                words("505210878160403794540000"),
                words("19238000"),
                address(NODES),
                address(MINIPOOLS),
                words("4012"),
                words("35210"),
                words("28280"), // 35,210 created - 6,930 finalised
                words("28050"));
    }

    private static List<CallResult> lookUps(String balancesAddress) {
        return List.of(address(balancesAddress), address(NODES), address(MINIPOOLS));
    }
}
