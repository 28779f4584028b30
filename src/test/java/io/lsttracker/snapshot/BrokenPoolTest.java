package io.lsttracker.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.chain.FaultProxy;
import io.lsttracker.chain.RpcConnection;
import io.lsttracker.chain.Web3jChainReader;
import io.lsttracker.devchain.AnvilProcess;
import io.lsttracker.devchain.Devchain;
import io.lsttracker.devchain.DevchainParameters;
import io.lsttracker.devchain.TestContracts;
import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.BlockSelector;
import io.lsttracker.domain.PoolId;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Snapshot;
import io.lsttracker.pool.PoolAdapters;
import io.lsttracker.pool.PoolDefinition;
import io.lsttracker.pool.PoolRegistry;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Address;

/**
 * One pool whose contract burns all the gas it is given (src/test/resources/contracts/EndlessLoop.sol placed at
 * cbETH's address): Multicall3's aggregate3 hands it all the gas left, so the whole eth_call fails. The snapshot
 * must still hold every other pool exactly as it reads without the offender, and cbETH failed with the node's
 * reason; a snapshot without a broken pool stays at one eth_call. Its own devchain, since it changes a contract.
 */
class BrokenPoolTest {
    private static final Address MULTICALL3 = new Address("0xcA11bde05977b3631167028862bE2a173976CA11");
    private static final PoolId BROKEN = new PoolId("coinbase");
    private static Devchain devchain;
    private static ApplicationContext beans;

    @BeforeAll
    static void start() {
        devchain = Devchain.start(AnvilProcess.freePort(), DevchainParameters.defaults(1).withBlockTime(0));
        beans = ApplicationContext.builder().deduceEnvironment(false).start();
    }

    @AfterAll
    static void stop() {
        beans.close();
        devchain.close();
    }

    @Test
    void aPoolThatBurnsAllTheGasFailsAloneAndTheOthersReadAsIfItWereNotThere() throws Exception {
        PoolRegistry registry = beans.getBean(PoolRegistry.class);
        PoolDefinition broken = registry.find(BROKEN).orElseThrow();
        try (FaultProxy proxy = new FaultProxy(devchain.url());
                RpcConnection rpc = RpcConnection.open(proxy.url(), Duration.ofSeconds(30))) {
            Web3jChainReader chain = new Web3jChainReader(rpc, MULTICALL3);
            SnapshotService everyPool = new SnapshotService(chain, registry, beans.getBean(PoolAdapters.class));
            assertTrue(everyPool.take(BlockSelector.LATEST).failedPools().isEmpty(), "every devchain pool reads");
            int before = proxy.requests();
            everyPool.take(BlockSelector.LATEST);
            assertEquals(2, proxy.requests() - before, "normally one eth_getBlockByNumber and one eth_call");

            TestContracts.placeAndMine(rpc, broken.addresses().get("cbeth").toString(),
                    TestContracts.runtimeBytecode("EndlessLoop"));
            BlockRef block = chain.pin(BlockSelector.LATEST);
            before = proxy.requests();
            Snapshot read = everyPool.take(new BlockSelector.Number(block.number()));
            assertEquals(3, proxy.requests() - before,
                    "the pin, the multicall that fails as a whole, then one batch of the calls one by one");

            PoolState coinbase = read.pools().stream().filter(p -> p.id().equals(BROKEN)).findFirst().orElseThrow();
            assertFalse(coinbase.isOk());
            // anvil's words for running out of gas: "EVM error OutOfGas", or "...ReentrancySentryOOG" at a store
            assertTrue(coinbase.failure().matches(".*CoinbaseCbETH.* failed: .*(OutOfGas|OOG).*"), coinbase.failure());
            assertEquals(1, read.failedPools().size(), "only the broken pool failed: " + read.failedPools());

            PoolRegistry withoutIt = new PoolRegistry(registry.source(),
                    registry.pools().stream().filter(p -> !p.id().equals(BROKEN)).toList());
            Snapshot expected = new SnapshotService(chain, withoutIt, beans.getBean(PoolAdapters.class))
                    .take(new BlockSelector.Number(block.number()));
            assertEquals(expected.block(), read.block());
            assertEquals(expected.pools(), read.pools().stream().filter(p -> !p.id().equals(BROKEN)).toList());
        }
    }
}
