package io.lsttracker.concentration;

import io.lsttracker.beacon.StakedTotalSource;
import io.lsttracker.domain.Snapshot;
import io.lsttracker.snapshot.SnapshotFigures;
import jakarta.inject.Singleton;

/**
 * The concentration figures of each recorded snapshot, stored in the snapshot's transaction: the total staked is
 * read from the beacon node at the block's slot before the transaction opens, then {@link SnapshotConcentration}
 * computes the figures and {@link ConcentrationStore} stores them.
 */
@Singleton
public final class ConcentrationFigures implements SnapshotFigures {
    private final StakedTotalSource staked;
    private final ConcentrationStore store;

    public ConcentrationFigures(StakedTotalSource staked, ConcentrationStore store) {
        this.staked = staked;
        this.store = store;
    }

    @Override
    public Prepared prepare(Snapshot snapshot) {
        StakedTotalSource.Reading total = staked.read(snapshot.block());
        return store.figures(SnapshotConcentration.of(snapshot, total.total(), total.absentReason()));
    }
}
