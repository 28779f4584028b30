package io.lsttracker.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.lsttracker.devchain.Devchain;
import io.lsttracker.devchain.TestDevchain;
import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.BlockSelector;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Snapshot;
import io.lsttracker.domain.Wei;
import io.lsttracker.snapshot.SnapshotRecorder;
import io.lsttracker.snapshot.SnapshotService;
import io.lsttracker.snapshot.SnapshotStore;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * GET /api/pools is served from memory between snapshots, yet always shows the newest stored one: after a new
 * block, after older blocks from a backfill, and after a reorg replaced the newest block. The scheduler is off,
 * so only this test records, and its recordings are not wrapped in a test transaction, so the server sees them as it
 * sees the cycle's.
 */
@MicronautTest(environments = "server", transactional = false)
class PoolsListFreshnessTest extends ServerTest {
    private final Devchain devchain = TestDevchain.shared();

    @Inject
    SnapshotService snapshots;

    @Inject
    SnapshotRecorder recorder;

    @Override
    protected Map<String, ?> settings() {
        return Map.of("tracker.chain.rpc-url", devchain.url(), "tracker.scheduler.enabled", "false");
    }

    @Test
    void theListFollowsEveryRecordedChange() {
        long head = snapshots.take(BlockSelector.LATEST).block().number();
        assertEquals(List.of(), blocks(), "nothing stored: no block in the list");

        recorder.record(snapshots.take(new BlockSelector.Number(head - 2)));
        assertEquals(List.of(head - 2), blocks());
        assertEquals(List.of(head - 2), blocks(), "served again unchanged");

        recorder.record(snapshots.take(new BlockSelector.Number(head - 1)));
        assertEquals(List.of(head - 1), blocks());

        recorder.recordAll(List.of(snapshots.take(new BlockSelector.Number(1)),
                snapshots.take(new BlockSelector.Number(2))));
        assertEquals(List.of(head - 1), blocks(), "a backfill of older blocks leaves the newest one");

        Snapshot orphan = snapshots.take(new BlockSelector.Number(head - 1));
        BlockRef block = orphan.block();
        BigInteger rate = orphan.pools().get(0).ethPerToken().add(BigInteger.ONE);
        PoolState first = orphan.pools().get(0);
        List<PoolState> pools = new java.util.ArrayList<>(orphan.pools());
        pools.set(0, new PoolState(first.id(), first.status(), rate, first.totalEth(), first.tokenSupply(),
                first.details(), first.failure(), first.operators()));
        Snapshot replacement = new Snapshot(orphan.chainId(),
                new BlockRef(block.number(), "0x" + "e".repeat(64), block.timestamp()), pools);
        recorder.reorganised(block.number());
        assertEquals(SnapshotStore.SaveOutcome.REPLACED, recorder.record(replacement));
        JsonNode listed = api.pools().body().get("pools").get(0);
        assertEquals(Wei.toEther(rate).toPlainString(), listed.get("ethPerToken").asText(), "the replacement's rate");
        assertEquals(head - 1, listed.get("blockNumber").asLong());
    }

    /** The distinct block numbers the pools list shows. */
    private List<Long> blocks() {
        JsonNode pools = api.pools().body().get("pools");
        java.util.TreeSet<Long> numbers = new java.util.TreeSet<>();
        pools.forEach(p -> {
            if (p.hasNonNull("blockNumber")) {
                numbers.add(p.get("blockNumber").asLong());
            }
        });
        return List.copyOf(numbers);
    }
}
