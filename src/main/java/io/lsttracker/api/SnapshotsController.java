package io.lsttracker.api;

import io.lsttracker.pool.PoolRegistry;
import io.lsttracker.domain.Snapshot;
import io.lsttracker.snapshot.SnapshotStore;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/** Whole snapshots, in the shape `snapshot --format json` prints. */
@Controller("/api/snapshots")
public class SnapshotsController {
    private final SnapshotStore store;
    private final PoolRegistry registry;

    public SnapshotsController(SnapshotStore store, PoolRegistry registry) {
        this.store = store;
        this.registry = registry;
    }

    @Get("/latest")
    public SnapshotView latest() {
        Snapshot snapshot = store.latest().orElseThrow(() -> ApiException.notFound("no snapshot is stored yet"));
        return SnapshotView.of(snapshot, registry);
    }
}
