package io.lsttracker.rewards;

import io.lsttracker.chain.CallFailedException;
import io.lsttracker.chain.ChainReadException;
import io.lsttracker.domain.Snapshot;
import io.lsttracker.snapshot.SnapshotListener;
import io.lsttracker.store.SnapshotStore;
import io.lsttracker.store.StoreException;
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

    public RewardIndexListener(EventIndexer indexer) {
        this.indexer = indexer;
    }

    @Override
    public void recorded(Snapshot snapshot, SnapshotStore.SaveOutcome outcome) {
        try {
            if (outcome == SnapshotStore.SaveOutcome.REPLACED) {
                indexer.rewindTo(snapshot.block().number());
            }
            indexer.indexUpTo(snapshot.block());
        } catch (ChainReadException | CallFailedException | StoreException e) {
            LOG.warn("reward events not indexed up to block {}: {} (tried again with the next snapshot)",
                    snapshot.block().number(), e.getMessage());
        }
    }
}
