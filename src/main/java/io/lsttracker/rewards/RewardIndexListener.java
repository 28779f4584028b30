package io.lsttracker.rewards;

import io.lsttracker.chain.CallFailedException;
import io.lsttracker.chain.ChainReadException;
import io.lsttracker.domain.Snapshot;
import io.lsttracker.snapshot.SnapshotListener;
import io.lsttracker.snapshot.SnapshotStore;
import io.lsttracker.db.StoreException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexes report events up to each newly recorded snapshot's block, which the cycle took {@code
 * confirmations} behind the head. A failure is logged and left for the next snapshot: the cursor has not
 * moved past what was stored, and the snapshot itself is already safe.
 */
@Singleton
public final class RewardIndexListener implements SnapshotListener {
    private static final Logger LOG = LoggerFactory.getLogger(RewardIndexListener.class);

    private final EventIndexer indexer;
    private final RewardService rewards;

    public RewardIndexListener(EventIndexer indexer, RewardService rewards) {
        this.indexer = indexer;
        this.rewards = rewards;
    }

    @Override
    public void recorded(Snapshot snapshot, SnapshotStore.SaveOutcome outcome) {
        recordedAll(java.util.List.of(new Recorded(snapshot, outcome)));
    }

    /**
     * Report events from {@code fromBlock} on may have been in blocks the reorg took away, also between stored
     * snapshots (which the replaced snapshots alone would not reach): forget them, they are read again.
     */
    @Override
    public void reorganised(long fromBlock) {
        indexer.rewindTo(fromBlock);
    }

    /** Once per batch: rewind to the earliest replaced block, then index up to the newest snapshot's block. */
    @Override
    public void recordedAll(java.util.List<Recorded> recorded) {
        Snapshot newest = recorded.stream().map(Recorded::snapshot)
                .max(java.util.Comparator.comparingLong(s -> s.block().number())).orElseThrow();
        try {
            recorded.stream().filter(r -> r.outcome() == SnapshotStore.SaveOutcome.REPLACED)
                    .mapToLong(r -> r.snapshot().block().number()).min().ifPresent(indexer::rewindTo);
            indexer.indexUpTo(newest.block());
        } catch (ChainReadException | CallFailedException | StoreException e) {
            LOG.warn("reward events not indexed up to block {}: {} (tried again with the next snapshot)",
                    newest.block().number(), e.getMessage());
        } finally {
            rewards.invalidate(); // new snapshots (and events): the cached report steps are out of date
        }
    }
}
