package io.lsttracker.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lsttracker.db.TestDatabases;
import io.lsttracker.domain.AnkrDetails;
import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.LidoDetails;
import io.lsttracker.domain.PoolDetails;
import io.lsttracker.domain.PoolId;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.RocketPoolDetails;
import io.lsttracker.domain.Snapshot;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * pool_state.details as the tracker wrote it before the details were typed (texts from a devchain snapshot, and a
 * Rocket Pool row from before the node counts were read) reads back into the typed records, and what the store
 * writes now is that same text.
 */
class StoredDetailsTest {
    private static final String LIDO_TEXT = "{\"totalShares\":\"7619363.688914670386388809\",\"depositedValidators\":"
            + "\"285811\",\"beaconValidators\":\"285795\",\"beaconBalance\":\"9145453.157080200973275782\"}";
    private static final String ROCKETPOOL_TEXT = "{\"reportedRethSupply\":\"526894.215469282766046539\","
            + "\"stakingEth\":\"554918.140535377734778680\",\"balancesBlock\":\"843\",\"nodeOperators\":\"4072\","
            + "\"minipools\":\"35390\",\"activeMinipools\":\"28400\",\"stakingMinipools\":\"28170\"}";
    private static final String ROCKETPOOL_BEFORE_COUNTS_TEXT = "{\"reportedRethSupply\":\"526894.215469282766046539\","
            + "\"stakingEth\":\"554918.140535377734778680\",\"balancesBlock\":\"843\"}";
    private static final String ANKR_TEXT = "{\"ratio\":\"0.833498074713801746\"}";

    private TestDatabases.TestDatabase database;
    private JdbcSnapshotStore store;

    @BeforeEach
    void openDatabase() {
        database = TestDatabases.h2();
        store = database.bean(JdbcSnapshotStore.class);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void detailsStoredBeforeTheyWereTypedReadBackIntoTheirRecords() throws SQLException {
        insert(100, Map.of("lido", LIDO_TEXT, "rocketpool", ROCKETPOOL_BEFORE_COUNTS_TEXT, "coinbase", "{}", "ankr",
                ANKR_TEXT));
        Map<String, PoolDetails> read = new LinkedHashMap<>();
        store.latest().orElseThrow().pools().forEach(p -> read.put(p.id().value(), p.details()));
        assertEquals(new LidoDetails(new BigInteger("7619363688914670386388809"), BigInteger.valueOf(285_811),
                BigInteger.valueOf(285_795), new BigInteger("9145453157080200973275782")), read.get("lido"));
        assertEquals(new RocketPoolDetails(new BigInteger("526894215469282766046539"),
                new BigInteger("554918140535377734778680"), BigInteger.valueOf(843), Optional.empty()),
                read.get("rocketpool"));
        assertEquals(PoolDetails.NONE, read.get("coinbase"));
        assertEquals(new AnkrDetails(new BigInteger("833498074713801746")), read.get("ankr"));
    }

    @Test
    void theStoreWritesTheTextItAlwaysWrote() throws SQLException {
        Map<String, String> stored = Map.of("lido", LIDO_TEXT, "rocketpool", ROCKETPOOL_TEXT, "coinbase", "{}");
        insert(100, stored);
        Snapshot old = store.latest().orElseThrow();
        store.save(new Snapshot(old.chainId(), new BlockRef(101, "0x" + "02".repeat(32), old.block().timestamp()
                .plusSeconds(12)), old.pools()));
        assertEquals(stored, detailsText(101), "each text to the letter: names, their order and the decimals");
    }

    @Test
    void storedDetailsOfNoPoolAreRefusedNamingTheText() throws SQLException {
        // an IllegalStateException, as for stored details that are not JSON
        insert(100, Map.of("lido", "{\"totalShares\":\"1\",\"somethingElse\":\"2\"}"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> store.latest());
        assertEquals("stored details {\"totalShares\":\"1\",\"somethingElse\":\"2\"}: details [totalShares, "
                + "somethingElse] are no pool's details", e.getMessage());
    }

    private void insert(long block, Map<String, String> detailsByPool) throws SQLException {
        try (Connection c = database.dataSource().getConnection()) {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO snapshot (block_number, block_hash, block_time, "
                    + "chain_id, stored_at) VALUES (?, ?, ?, 1, 0)")) {
                s.setLong(1, block);
                s.setString(2, "0x" + "01".repeat(32));
                s.setLong(3, Instant.parse("2026-11-01T00:00:00Z").getEpochSecond());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO pool_state (pool_id, block_number, block_time, "
                    + "status, eth_per_token, total_eth, token_supply, details) VALUES (?, ?, ?, 'OK', 1, 1, 1, ?)")) {
                for (Map.Entry<String, String> pool : detailsByPool.entrySet()) {
                    s.setString(1, pool.getKey());
                    s.setLong(2, block);
                    s.setLong(3, Instant.parse("2026-11-01T00:00:00Z").getEpochSecond());
                    s.setString(4, pool.getValue());
                    s.executeUpdate();
                }
            }
        }
    }

    private Map<String, String> detailsText(long block) throws SQLException {
        Map<String, String> text = new LinkedHashMap<>();
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("SELECT pool_id, details FROM pool_state WHERE block_number = ? "
                        + "ORDER BY pool_id")) {
            s.setLong(1, block);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    text.put(r.getString(1), r.getString(2));
                }
            }
        }
        return text;
    }
}
