package io.lsttracker.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.chain.RetryPolicy;
import io.lsttracker.chain.RpcConnection;
import io.lsttracker.chain.Web3jChainReader;
import io.lsttracker.pool.PoolRegistry;
import io.lsttracker.devchain.Devchain;
import io.lsttracker.devchain.TestDevchain;
import io.lsttracker.domain.BlockSelector;
import io.lsttracker.domain.Snapshot;
import io.lsttracker.chain.FaultProxy;
import io.lsttracker.chain.FaultProxy.Fault;
import io.lsttracker.pool.PoolAdapters;
import io.lsttracker.snapshot.SnapshotCycle.Outcome;
import io.lsttracker.db.TestDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.context.ApplicationContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.web3j.abi.datatypes.Address;

/**
 * The live snapshot cycle reading the devchain through {@link FaultProxy} into a real H2 store: under every fault
 * the store holds either nothing or exactly the snapshot read without the proxy (all pools, every figure), never a
 * partial or wrong one, and the cycle after the fault stores it.
 */
class SnapshotFaultTest {
    private static final Address MULTICALL3 = new Address("0xcA11bde05977b3631167028862bE2a173976CA11");
    private static final RetryPolicy FAST = new RetryPolicy(Duration.ofMillis(700), 3, Duration.ofMillis(20),
            Duration.ofMillis(100), Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofMinutes(5));
    private static final int CONFIRMATIONS = 2;

    private static Devchain devchain;
    private static ApplicationContext beans;
    private static Snapshot expected;
    private FaultProxy proxy;
    private RpcConnection rpc;
    private TestDatabases.TestDatabase database;
    private JdbcSnapshotStore store;
    private SnapshotCycle cycle;

    @BeforeAll
    static void readWithoutFaults() {
        devchain = TestDevchain.shared();
        beans = ApplicationContext.builder().deduceEnvironment(false).start();
        try (RpcConnection direct = RpcConnection.open(devchain.url(), Duration.ofSeconds(10))) {
            Web3jChainReader chain = new Web3jChainReader(direct, MULTICALL3);
            long target = chain.pin(BlockSelector.LATEST).number() - CONFIRMATIONS;
            Snapshot read = service(chain).take(new BlockSelector.Number(target));
            // node operators are not stored with the pool state (only the figures computed from them are)
            expected = new Snapshot(read.chainId(), read.block(),
                    read.pools().stream().map(p -> p.withOperators(List.of())).toList());
        }
        assertTrue(expected.failedPools().isEmpty(), "every devchain pool reads without faults");
    }

    @AfterAll
    static void closeBeans() {
        beans.close();
    }

    private static SnapshotService service(Web3jChainReader chain) {
        return new SnapshotService(chain, beans.getBean(PoolRegistry.class), beans.getBean(PoolAdapters.class));
    }

    @BeforeEach
    void cycleThroughTheProxy() throws Exception {
        proxy = new FaultProxy(devchain.url()).delay(Duration.ofMillis(1500)).retryAfter(0);
        rpc = RpcConnection.open(List.of(proxy.url()), FAST, 1L);
        rpc.checkChainIds(1);
        database = TestDatabases.h2();
        store = database.bean(JdbcSnapshotStore.class);
        Web3jChainReader chain = new Web3jChainReader(rpc, MULTICALL3);
        cycle = new SnapshotCycle(chain, service(chain), store, new SnapshotRecorder(store, List.of()),
                new ReorgCheck(chain, database.bean(StoredBlocks.class), 128),
                new SimpleMeterRegistry(), CONFIRMATIONS);
    }

    @AfterEach
    void close() {
        rpc.close();
        proxy.close();
        database.close();
    }

    /** Faults of the transport: a retry mends them inside the cycle, which stores the right snapshot. */
    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"DELAY", "DROP", "HTTP_500", "HTTP_503", "HTTP_429", "MALFORMED",
            "TRUNCATED", "CUT_CONNECTION"})
    void aPassingTransportFaultIsRetriedAndTheStoredSnapshotIsExact(Fault fault) throws Exception {
        proxy.inject(fault, 2);
        assertEquals(Outcome.STORED, cycle.runOnce());
        assertEquals(2, proxy.faulted());
        assertStoredExactly();
    }

    /**
     * Every fault, lasting longer than the retries: the cycle fails, nothing is stored, the next cycle mends it. (A
     * pruned node is no fault here: the live cycle reads recent state, which such a node still serves. A changed
     * block hash is a reorg, which BlockAddressingTest and ReorgCheck's tests cover.)
     */
    @ParameterizedTest
    @EnumSource(value = Fault.class, mode = EnumSource.Mode.EXCLUDE, names = {"PRUNED_STATE", "OTHER_HASH"})
    void aLastingFaultFailsTheCycleStoresNothingAndTheNextCycleStoresTheTruth(Fault fault) throws Exception {
        proxy.always(fault);
        assertEquals(Outcome.FAILED, cycle.runOnce());
        assertTrue(cycle.status().lastFailure().isPresent());
        assertEquals(0, count("snapshot"), "no snapshot row: " + cycle.status().lastFailure().get());
        assertEquals(0, count("pool_state"), "no partial pool rows");
        proxy.clear();
        assertEquals(Outcome.STORED, cycle.runOnce());
        assertStoredExactly();
    }

    private void assertStoredExactly() throws Exception {
        assertEquals(expected, store.latest().orElseThrow(), "the stored snapshot is the one read without faults");
        assertEquals(1, count("snapshot"));
        assertEquals(expected.pools().size(), count("pool_state"));
    }

    private long count(String table) throws Exception {
        try (Connection c = database.dataSource().getConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
