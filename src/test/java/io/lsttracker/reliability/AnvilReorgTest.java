package io.lsttracker.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.lsttracker.devchain.Devchain;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Snapshot;
import io.lsttracker.snapshot.SnapshotCycle;
import io.lsttracker.snapshot.SnapshotStore;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.http.HttpService;

/**
 * The live cycle (as `serve` wires it) on a devchain it may write to (ReliabilityDevchain), reorganised with anvil_reorg: the stored
 * snapshot whose block left the canonical chain is read again and replaced in place, with a log line, its
 * concentration row with it, and report events of the orphaned blocks are forgotten (they were between stored
 * snapshots, which the rewind must reach too). anvil_reorg drops the replaced blocks' transactions and mines
 * the ones given instead (checked by hand against anvil 1.7.1 with curl: a transfer reorganised away is gone).
 */
class AnvilReorgTest {
    /** cbETH on the devchain (SimulatedCoinbase): its exchangeRate() is cbETH's ETH per token, 18 decimals. */
    private static final String CBETH = "0xBe9895146f7AF43049ca1c1AE358B0541Ea49704";

    private static Devchain devchain;
    private static ApplicationContext context;
    private static Web3j web3j;

    static final class Raw extends Response<Object> {
    }

    @BeforeAll
    static void start() {
        devchain = ReliabilityDevchain.shared();
        context = ApplicationContext.builder().environments("server").deduceEnvironment(false)
                .properties(Map.of("tracker.chain.rpc-url", devchain.url(),
                        "tracker.confirmations", 0,
                        // The reorg below reaches back to the history's newest report event, and the devchain's short
                        // history ends with a few hundred blocks after it (its markets' and withdrawal queue's writes):
                        // a depth past them keeps the reorg within what the tracker checks (deeper is reorg-too-deep).
                        "tracker.reorg-depth", 1000,
                        "tracker.beacon.url", devchain.beaconUrl(),
                        "datasources.default.url", "jdbc:h2:mem:reorg_" + UUID.randomUUID().toString().replace("-", "")
                                + ";DB_CLOSE_DELAY=-1"))
                .start();
        web3j = Web3j.build(new HttpService(devchain.url()));
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
        if (web3j != null) {
            web3j.shutdown();
        }
    }

    @Test
    void aReorganisedStoredBlockIsReadAgainReplacedAndLoggedAndItsReportEventsAreForgotten() throws Exception {
        SnapshotCycle cycle = context.getBean(SnapshotCycle.class);
        SnapshotStore store = context.getBean(SnapshotStore.class);
        // the pool itself: the bean is Micronaut Data's proxy, which serves only connections opened by its operations
        DataSource db = DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class));
        assertEquals(SnapshotCycle.Outcome.STORED, cycle.runOnce());
        Snapshot before = store.latest().orElseThrow();
        long head = before.block().number();
        long newestEvent = count(db, "SELECT MAX(block_number) FROM reward_event");
        assertTrue(newestEvent > 0 && newestEvent < head, "the history has report events below the stored head");

        // Replace every block from the newest report event to the head; the new branch's one transaction sets
        // cbETH's rate to 1.2345 ETH, so the snapshot read again must show it (it was 1.105 at the head).
        BigInteger newRate = new BigInteger("1234500000000000000");
        String from = web3j.ethAccounts().send().getAccounts().get(0);
        String data = FunctionEncoder.encode(new Function("simUpdateExchangeRate", List.of(new Uint256(newRate)), List.of()));
        Raw reorg = new Request<>("anvil_reorg", List.of(head - newestEvent + 1,
                List.of(List.of(Map.of("from", from, "to", CBETH, "data", data, "gas", "0x1e8480"), 0))),
                new HttpService(devchain.url()), Raw.class).send();
        assertTrue(!reorg.hasError(), () -> reorg.getError().getMessage());
        String canonical = blockHash(head);
        assertNotEquals(before.block().hash(), canonical, "anvil replaced the stored block");

        Logger logger = (Logger) LoggerFactory.getLogger(SnapshotCycle.class);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        logger.addAppender(logs);
        try {
            assertEquals(SnapshotCycle.Outcome.REPLACED, cycle.runOnce());
        } finally {
            logger.detachAppender(logs);
        }
        assertEquals(List.of("reorg: stored block " + head + " had hash " + before.block().hash()
                        + ", the canonical one is " + canonical + "; snapshot replaced"),
                logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList());

        Snapshot after = store.latest().orElseThrow();
        assertEquals(head, after.block().number());
        assertEquals(canonical, after.block().hash());
        assertEquals(newRate, pool(after, "coinbase").ethPerToken(), "read again from the new branch, not copied");
        assertEquals(1, count(db, "SELECT COUNT(*) FROM snapshot WHERE block_number = " + head), "replaced in place");
        assertEquals(count(db, "SELECT COUNT(*) FROM pool_state WHERE block_number = " + head),
                (long) before.pools().size(), "whole: every pool once");
        assertEquals(1, count(db, "SELECT COUNT(*) FROM concentration WHERE block_number = " + head));

        // The reports in the orphaned blocks are gone from the chain and from the store; what is kept is canonical.
        assertEquals(0, count(db, "SELECT COUNT(*) FROM reward_event WHERE block_number >= " + newestEvent));
        List<long[]> kept = new ArrayList<>();
        List<String> keptHashes = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT DISTINCT block_number, block_hash FROM reward_event")) {
            while (r.next()) {
                kept.add(new long[] {r.getLong(1)});
                keptHashes.add(r.getString(2));
            }
        }
        assertTrue(!kept.isEmpty(), "older report events are kept");
        for (int i = 0; i < kept.size(); i++) {
            assertEquals(blockHash(kept.get(i)[0]), keptHashes.get(i), "report event at block " + kept.get(i)[0]);
        }
        assertEquals(SnapshotCycle.Outcome.UNCHANGED, cycle.runOnce(), "once replaced, nothing more to do");
    }

    private static PoolState pool(Snapshot snapshot, String id) {
        return snapshot.pools().stream().filter(p -> p.id().value().equals(id)).findFirst().orElseThrow();
    }

    private static String blockHash(long number) throws Exception {
        return web3j.ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(number)), false).send()
                .getBlock().getHash();
    }

    private static long count(DataSource db, String sql) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
