package io.lsttracker.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.chain.FaultProxy;
import io.lsttracker.chain.FaultProxy.Fault;
import io.lsttracker.chain.RpcConnection;
import io.lsttracker.chain.Web3jChainReader;
import io.lsttracker.chain.Web3jChainReader.Addressing;
import io.lsttracker.devchain.Devchain;
import io.lsttracker.devchain.TestDevchain;
import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.BlockSelector;
import io.lsttracker.domain.Snapshot;
import io.lsttracker.pool.PoolAdapters;
import io.lsttracker.pool.PoolRegistry;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Address;

/**
 * Snapshots from a node that takes blocks by hash (EIP-1898) and from one that refuses them as ganache 7 does
 * ({@link FaultProxy#refuseBlockHashes}): both read exactly the same snapshot, the first in one eth_call, the
 * second by number with the block's hash checked before and after, and a block replaced in between is read again.
 */
class BlockAddressingTest {
    private static final Address MULTICALL3 = new Address("0xcA11bde05977b3631167028862bE2a173976CA11");
    private static Devchain devchain;
    private static ApplicationContext beans;
    private static BlockSelector target;
    private static Snapshot expected;
    private FaultProxy proxy;
    private RpcConnection rpc;
    private Web3jChainReader chain;
    private SnapshotService snapshots;

    @BeforeAll
    static void readDirectly() {
        devchain = TestDevchain.shared();
        beans = ApplicationContext.builder().deduceEnvironment(false).start();
        try (RpcConnection direct = RpcConnection.open(devchain.url(), Duration.ofSeconds(10))) {
            Web3jChainReader reader = new Web3jChainReader(direct, MULTICALL3);
            target = new BlockSelector.Number(reader.pin(BlockSelector.LATEST).number() - 1);
            expected = service(reader).take(target);
        }
        assertTrue(expected.failedPools().isEmpty(), "every devchain pool reads");
    }

    @AfterAll
    static void closeBeans() {
        beans.close();
    }

    private static SnapshotService service(Web3jChainReader reader) {
        return new SnapshotService(reader, beans.getBean(PoolRegistry.class), beans.getBean(PoolAdapters.class));
    }

    @BeforeEach
    void throughTheProxy() throws Exception {
        proxy = new FaultProxy(devchain.url());
        rpc = RpcConnection.open(proxy.url(), Duration.ofSeconds(10));
        chain = new Web3jChainReader(rpc, MULTICALL3);
        snapshots = service(chain);
    }

    @AfterEach
    void close() {
        rpc.close();
        proxy.close();
    }

    @Test
    void aNodeThatTakesBlockHashesIsReadByHashInOneEthCall() {
        assertEquals(Optional.empty(), chain.addressing(), "undecided before the first read");
        assertEquals(expected, snapshots.take(target));
        assertEquals(Optional.of(Addressing.HASH), chain.addressing());
        int before = proxy.requests();
        assertEquals(expected, snapshots.take(target));
        assertEquals(2, proxy.requests() - before, "eth_getBlockByNumber, then one eth_call by hash");
    }

    @Test
    void aNodeThatRefusesBlockHashesIsReadByNumberWithTheHashCheckedBeforeAndAfter() {
        proxy.refuseBlockHashes(true);
        assertEquals(expected, snapshots.take(target));
        assertEquals(Optional.of(Addressing.NUMBER_CHECKED), chain.addressing());
        int before = proxy.requests();
        assertEquals(expected, snapshots.take(target));
        assertEquals(4, proxy.requests() - before,
                "eth_getBlockByNumber, the hash checked, one eth_call by number, the hash checked again");
    }

    /** A backfill's read of many blocks: one batch of eth_calls by number between two batches of headers. */
    @Test
    void manyBlocksAreReadByNumberInOneBatchBetweenTwoBatchesOfHeaders() {
        proxy.refuseBlockHashes(true);
        long last = ((BlockSelector.Number) target).value();
        List<BlockRef> blocks = chain.headers(List.of(last - 2, last - 1, last));
        List<Snapshot> byHash;
        try (RpcConnection direct = RpcConnection.open(devchain.url(), Duration.ofSeconds(10))) {
            byHash = service(new Web3jChainReader(direct, MULTICALL3)).read(blocks);
        }
        snapshots.take(target);
        int before = proxy.requests();
        assertEquals(byHash, snapshots.read(blocks));
        assertEquals(3, proxy.requests() - before, "headers, the eth_calls by number, headers again");
    }

    @Test
    void aBlockWhoseHashChangesDuringAReadByNumberIsReadAgain() {
        proxy.refuseBlockHashes(true);
        snapshots.take(target);
        int before = proxy.requests();
        // the pin, the check before and the eth_call pass; the check after sees another hash at that number
        proxy.injectAfter(3, Fault.OTHER_HASH, 1);
        assertEquals(expected, snapshots.take(target));
        assertEquals(1, proxy.faulted());
        assertEquals(8, proxy.requests() - before, "the four requests of a read, twice");
    }

    @Test
    void aHashChangedBeforeTheReadIsSeenToo() {
        proxy.refuseBlockHashes(true);
        snapshots.take(target);
        int before = proxy.requests();
        proxy.injectAfter(1, Fault.OTHER_HASH, 1);
        assertEquals(expected, snapshots.take(target));
        assertEquals(1, proxy.faulted());
        assertEquals(6, proxy.requests() - before, "pin and check (replaced), then the four requests of a read");
    }
}
