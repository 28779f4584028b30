package io.lsttracker.snapshot;

import io.lsttracker.db.TestDatabases;
class H2SnapshotStoreTest extends SnapshotStoreContract {
    @Override
    TestDatabases.TestDatabase open() {
        return TestDatabases.h2();
    }
}
