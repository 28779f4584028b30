package io.lsttracker.rewards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.lsttracker.pool.PoolDefinition;
import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.PoolId;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Protocol;
import io.lsttracker.domain.Snapshot;
import io.lsttracker.snapshot.JdbcSnapshotStore;
import io.lsttracker.db.TestDatabases;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Address;

/** Report steps are kept until the stored data changes; invalidate() makes the next read see new snapshots. */
class RewardServiceCacheTest {
    private static final PoolDefinition COINBASE = new PoolDefinition(new PoolId("coinbase"), "Coinbase",
            Protocol.COINBASE, "cbETH", Map.of("cbeth", new Address("0xBe9895146f7AF43049ca1c1AE358B0541Ea49704")));
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void stepsAreCachedUntilInvalidated() {
        try (TestDatabases.TestDatabase db = TestDatabases.h2()) {
            JdbcSnapshotStore snapshots = db.bean(JdbcSnapshotStore.class);
            RewardService rewards = new RewardService(db.bean(JdbcRewardStore.class));
            // daily rates 1.10, 1.11, 1.12 (ETH per cbETH): the first snapshot is no report point, so the points
            // are the changes to 1.11 and 1.12, and the one step runs between them
            for (int day = 0; day < 3; day++) {
                save(snapshots, day, new BigInteger("11" + day + "0000000000000000"));
            }
            List<?> first = rewards.reportSteps(COINBASE);
            assertEquals(1, first.size());
            assertSame(rewards.rewards(COINBASE), rewards.rewards(COINBASE), "windows computed once");

            save(snapshots, 3, new BigInteger("1130000000000000000"));
            assertEquals(1, rewards.reportSteps(COINBASE).size(), "cached until told the data changed");
            rewards.invalidate();
            assertEquals(2, rewards.reportSteps(COINBASE).size());
        }
    }

    private static void save(JdbcSnapshotStore store, int day, BigInteger rate) {
        store.save(new Snapshot(1, new BlockRef(100 + day, "0x" + String.format("%064x", day + 1),
                T0.plusSeconds(86_400L * day)), List.of(PoolState.ok(COINBASE.id(), rate,
                BigInteger.TEN.pow(24), BigInteger.TEN.pow(24)))));
    }
}
