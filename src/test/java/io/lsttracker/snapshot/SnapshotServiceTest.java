package io.lsttracker.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.chain.CallResult;
import io.lsttracker.chain.ContractCall;
import io.lsttracker.chain.FakeChain;
import io.lsttracker.pool.PoolDefinition;
import io.lsttracker.pool.PoolRegistry;
import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.BlockSelector;
import io.lsttracker.domain.PoolId;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Protocol;
import io.lsttracker.domain.Snapshot;
import io.lsttracker.pool.LidoAdapter;
import io.lsttracker.pool.LidoOperatorsTest;
import io.lsttracker.pool.PoolAdapters;
import io.lsttracker.pool.RocketPoolAdapter;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Address;
import org.web3j.utils.Numeric;

/** The snapshot flow against the fake chain ({@link FakeChain}): one block, one multicall, failures isolated. */
class SnapshotServiceTest {
    private static final Address STETH = new Address("0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84");
    private static final Address STORAGE = new Address("0x1d8f8f00cfa6758d7bE78336684788Fb0ee0Fa46");
    private static final Address RETH = new Address("0xae78736Cd615f374D3085123A210448E74Fc6393");
    private static final Address BALANCES = new Address("0x00000000000000000000000000000000d3bA1a11");

    private static final PoolDefinition LIDO = new PoolDefinition(new PoolId("lido"), "Lido", Protocol.LIDO, "stETH",
            Map.of("steth", STETH, "wsteth", new Address("0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0")));
    private static final PoolDefinition ROCKETPOOL = new PoolDefinition(new PoolId("rocketpool"), "Rocket Pool",
            Protocol.ROCKETPOOL, "rETH", Map.of("reth", RETH, "storage", STORAGE));

    private final FakeChain chain = new FakeChain(Instant.parse("2018-11-23T12:00:23Z")).head(21_000_000);
    private final BlockRef block = chain.block(21_000_000);
    private Address balancesAnswer = BALANCES;
    private boolean lidoReverts;
    private int curatedOperators = 2;
    private static final Address CURATED = new Address("0x55032650b14df07b85bF18A3a3eC8E0Af2e028d5");
    private static final PoolDefinition LIDO_WITH_MODULES = new PoolDefinition(new PoolId("lido"), "Lido",
            Protocol.LIDO, "stETH", Map.of("steth", STETH, "wsteth",
                    new Address("0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0"), "curated", CURATED,
                    "simpledvt", new Address("0xaE7B191A31f627b4eB1d4DaC64eaB9976995b433")));

    private SnapshotService service() {
        chain.answer(this::answer);
        return new SnapshotService(chain, new PoolRegistry("test", List.of(LIDO, ROCKETPOOL)),
                new PoolAdapters(List.of(new LidoAdapter(), new RocketPoolAdapter())));
    }

    private CallResult answer(ContractCall call) {
        String selector = Numeric.toHexString(call.callData()).substring(0, 10);
        if (call.target().equals(STETH) && lidoReverts) {
            return FakeChain.reverted();
        }
        switch (selector) {
            case "0x21f8a721": // RocketStorage.getAddress
                return FakeChain.words(balancesAnswer.toUint().getValue());
            case "0xae2e3538": // getBeaconStat
                return FakeChain.words(BigInteger.TEN, BigInteger.TWO, BigInteger.ONE);
            case "0x7a28fb88": // getPooledEthByShares(1e18)
                return FakeChain.words(new BigInteger("1225000000000000000"));
            case "0xe6aa216c": // getExchangeRate
                return FakeChain.words(new BigInteger("1145000000000000000"));
            case "0xa70c70e4": // getNodeOperatorsCount
                return FakeChain.words(BigInteger.valueOf(call.target().equals(CURATED) ? curatedOperators : 1));
            case "0x9a56983c": // getNodeOperator(id, true)
                return LidoOperatorsTest.operator(true, "Operator", 1_000, 10);
            default:
                return FakeChain.words(new BigInteger("1000000000000000000000"));
        }
    }

    @Test
    void readsEveryPoolAtOneBlockInOneMulticallOnceAddressesAreResolved() {
        SnapshotService service = service();
        Snapshot first = service.take(BlockSelector.LATEST);
        assertEquals(2, chain.multicalls().size(), "the first snapshot resolves RocketNetworkBalances, then reads");
        assertEquals(3, chain.multicalls().get(0).calls().size(), "RocketStorage: balances, node and minipool managers");

        Snapshot second = service.take(BlockSelector.LATEST);
        assertEquals(3, chain.multicalls().size(), "later snapshots are one multicall");
        assertEquals(5 + 13, chain.multicalls().get(2).calls().size(), "every call of every pool in that one multicall");
        assertTrue(chain.multicalls().stream().allMatch(m -> m.block().equals(block)));
        assertEquals(block, second.block());
        assertEquals(new BigInteger("1225000000000000000"), second.pools().get(0).ethPerToken());
        assertEquals(new BigInteger("1145000000000000000"), second.pools().get(1).ethPerToken());
        assertEquals(first.pools(), second.pools());
    }

    @Test
    void aRevertingPoolFailsAloneWithItsReason() {
        lidoReverts = true;
        Snapshot snapshot = service().take(BlockSelector.LATEST);
        PoolState lido = snapshot.pools().get(0);
        assertFalse(lido.isOk());
        assertTrue(lido.failure().contains("LidoStETH.getPooledEthByShares at 0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84 reverted"),
                lido.failure());
        assertTrue(snapshot.pools().get(1).isOk());
        assertEquals(List.of(lido), snapshot.failedPools());
    }

    @Test
    void anUpgradedNetworkBalancesIsReadAgainAtTheSameBlock() {
        SnapshotService service = service();
        service.take(BlockSelector.LATEST);
        balancesAnswer = new Address("0x00000000000000000000000000000000d3bA1a12");
        Snapshot snapshot = service.take(BlockSelector.LATEST);
        assertTrue(snapshot.pools().get(1).isOk());
        assertEquals(4, chain.multicalls().size(), "one extra multicall for the pool whose address moved");
        List<ContractCall> reread = chain.multicalls().get(3).calls();
        assertEquals(13, reread.size(), "only Rocket Pool is read again");
        assertEquals(balancesAnswer, reread.get(3).target());
        assertEquals(block, chain.multicalls().get(3).block());
    }

    @Test
    void lidoOperatorsAreInTheSameOneMulticallAndANewOperatorIsReadAtTheSameBlock() {
        chain.answer(this::answer);
        SnapshotService service = new SnapshotService(chain, new PoolRegistry("test", List.of(LIDO_WITH_MODULES)),
                new PoolAdapters(List.of(new LidoAdapter())));
        service.take(BlockSelector.LATEST);
        assertEquals(2, chain.multicalls().size(), "the first snapshot reads the two modules' counts, then reads");
        assertEquals(2, chain.multicalls().get(0).calls().size());
        Snapshot steady = service.take(BlockSelector.LATEST);
        assertEquals(3, chain.multicalls().size(), "later snapshots are one multicall");
        // stETH 5, curated: count + 2 operators, SimpleDVT: count + 1 operator
        assertEquals(5 + 3 + 2, chain.multicalls().get(2).calls().size());
        assertEquals(3, steady.pools().get(0).operators().size());
        assertEquals(990, steady.pools().get(0).operators().get(0).activeValidators()); // 1,000 - 10

        curatedOperators = 3;
        Snapshot grown = service.take(BlockSelector.LATEST);
        assertEquals(5, chain.multicalls().size(), "one extra multicall with the new count");
        assertEquals(5 + 4 + 2, chain.multicalls().get(4).calls().size());
        assertEquals(block, chain.multicalls().get(4).block());
        assertEquals(4, grown.pools().get(0).operators().size());
    }

}
