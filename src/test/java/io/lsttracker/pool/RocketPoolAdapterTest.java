package io.lsttracker.pool;

import static io.lsttracker.pool.AnswersFixture.address;
import static io.lsttracker.pool.AnswersFixture.words;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.chain.CallResult;
import io.lsttracker.chain.ContractCall;
import io.lsttracker.domain.PoolId;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Protocol;
import io.lsttracker.domain.RocketPoolDetails;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Address;
import org.web3j.utils.Numeric;

class RocketPoolAdapterTest {
    private static final String STORAGE = "0x1d8f8f00cfa6758d7bE78336684788Fb0ee0Fa46";
    private static final String RETH = "0xae78736Cd615f374D3085123A210448E74Fc6393";
    static final PoolDefinition ROCKETPOOL = new PoolDefinition(new PoolId("rocketpool"), "Rocket Pool",
            Protocol.ROCKETPOOL, "rETH", Map.of(
                    "reth", new Address(RETH), "storage", new Address(STORAGE)));
    private static final String BALANCES = "0x6cc65bf618f55ce2433f9d8d827fc44117d81399";
    private static final String NODES = "0x2b52479f6ea009907e46fc43e91064d1b92fdc86";
    private static final String MINIPOOLS = "0xe54b8c641fd96de5d6747f47c19964c6b824d62c";
    private static final String UPGRADED = "0x1d9f14c6bfd8358b589964bad8665add248e9473";

    private final RocketPoolAdapter adapter = new RocketPoolAdapter();

    @Test
    void theStorageKeyIsTheDocumentedHash() {
        assertEquals("0x7630e125f1c009e5fc974f6dae77c6d5b1802979b36e6d7145463c21782af01e",
                Numeric.toHexString(RocketStorage.key(RocketStorage.NETWORK_BALANCES)));
    }

    @Test
    void resolvesNetworkBalancesOnceThenReadsWithTheCachedAddress() {
        Reading<?> resolution = adapter.resolution(ROCKETPOOL).orElseThrow();
        assertEquals(3, resolution.contractCalls().size());
        assertEquals("RocketStorage.getAddress", resolution.contractCalls().get(0).label());
        resolution.result(lookUps(BALANCES));
        assertEquals(Optional.empty(), adapter.resolution(ROCKETPOOL));

        Reading<PoolState> reading = adapter.read(ROCKETPOOL);
        List<ContractCall> reads = reading.contractCalls();
        assertEquals(List.of(new Address(STORAGE), new Address(RETH), new Address(RETH), new Address(BALANCES),
                new Address(BALANCES), new Address(BALANCES), new Address(BALANCES), new Address(STORAGE),
                new Address(STORAGE), new Address(NODES), new Address(MINIPOOLS), new Address(MINIPOOLS),
                new Address(MINIPOOLS)), reads.stream().map(ContractCall::target).toList());
        // The reference rate of 15 Feb 2024: 1.098284517740008249 ETH per rETH.
        PoolState state = reading.result(answers(BALANCES));
        assertEquals(new BigInteger("1098284517740008249"), state.ethPerToken());
        assertEquals(new BigInteger("549142258870004124500000"), state.totalEth());
        assertEquals(new BigInteger("500100000000000000000000"), state.tokenSupply());
        assertEquals(new RocketPoolDetails(new BigInteger("500000000000000000000000"),
                new BigInteger("505210878160403794540000"), BigInteger.valueOf(19_238_000),
                Optional.of(new RocketPoolDetails.NodeCounts(BigInteger.valueOf(4012), BigInteger.valueOf(35210),
                        BigInteger.valueOf(28280), BigInteger.valueOf(28050)))), state.details());
    }

    @Test
    void theManagersKeysAreTheDocumentedHashes() {
        // keccak256("contract.addressrocketNodeManager") and ("contract.addressrocketMinipoolManager"), computed
        // with js-sha3 (abi/SOURCES.md)
        assertEquals("0xaf00be55c9fb8f543c04e0aa0d70351b880c1bfafffd15b60065a4a50c85ec94",
                Numeric.toHexString(RocketStorage.key(RocketStorage.NODE_MANAGER)));
        assertEquals("0xe9dfec9339b94a131861a58f1bb4ac4c1ce55c7ffe8550e0b6ebcfde87bb012f",
                Numeric.toHexString(RocketStorage.key(RocketStorage.MINIPOOL_MANAGER)));
    }

    @Test
    void stakingMinipoolsAboveTheActiveOnesAreRefused() {
        adapter.resolution(ROCKETPOOL).orElseThrow().result(lookUps(BALANCES));
        List<CallResult> answers = new ArrayList<>(answers(BALANCES));
        answers.set(12, words("28281")); // one more staking than active (28,280)
        PoolDataException e = assertThrows(PoolDataException.class, () -> adapter.read(ROCKETPOOL).result(answers));
        assertTrue(e.getMessage().contains("35210 minipools, 28280 active and 28281 staking"), e.getMessage());
        assertTrue(e.getMessage().startsWith("RocketMinipoolManager at " + MINIPOOLS), e.getMessage());
    }

    @Test
    void anUnregisteredMinipoolManagerIsReportedNotCalled() {
        Reading<?> resolution = adapter.resolution(ROCKETPOOL).orElseThrow();
        PoolDataException e = assertThrows(PoolDataException.class,
                () -> resolution.result(List.of(address(BALANCES), address(NODES), words("0"))));
        assertTrue(e.getMessage().contains("has no address for rocketMinipoolManager"), e.getMessage());
        assertTrue(adapter.resolution(ROCKETPOOL).isPresent(), "nothing was cached");
    }

    @Test
    void anUpgradeSeenInTheSameMulticallAsksForARereadWithTheNewAddress() {
        adapter.resolution(ROCKETPOOL).orElseThrow().result(lookUps(BALANCES));
        Reading<PoolState> reading = adapter.read(ROCKETPOOL);
        StaleResolutionException e = assertThrows(StaleResolutionException.class,
                () -> reading.result(answers(UPGRADED)));
        assertEquals("RocketStorage now names [" + UPGRADED + ", " + NODES + ", " + MINIPOOLS + "] as "
                + "[rocketNetworkBalances, rocketNodeManager, rocketMinipoolManager] (was [" + BALANCES + ", " + NODES
                + ", " + MINIPOOLS + "])", e.getMessage());
        assertEquals(new Address(UPGRADED), adapter.read(ROCKETPOOL).contractCalls().get(3).target());
    }

    @Test
    void aReadingMadeWithTheOldAddressIsStaleEvenAfterTheCacheCaughtUp() {
        // Two blocks read in one round (a backfill), both with the cached address. The first block's answers
        // name the upgraded contract and refresh the cache; the second block names it too, but its calls went to
        // the old contract, so it is read again as well.
        adapter.resolution(ROCKETPOOL).orElseThrow().result(lookUps(BALANCES));
        Reading<PoolState> first = adapter.read(ROCKETPOOL);
        Reading<PoolState> second = adapter.read(ROCKETPOOL);
        assertThrows(StaleResolutionException.class, () -> first.result(answers(UPGRADED)));
        assertThrows(StaleResolutionException.class, () -> second.result(answers(UPGRADED)));
        assertEquals(new Address(UPGRADED), adapter.read(ROCKETPOOL).contractCalls().get(3).target());
    }

    @Test
    void anUnregisteredNetworkBalancesIsReportedNotCalled() {
        Reading<?> resolution = adapter.resolution(ROCKETPOOL).orElseThrow();
        PoolDataException e = assertThrows(PoolDataException.class,
                () -> resolution.result(List.of(words("0"), address(NODES), address(MINIPOOLS))));
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
