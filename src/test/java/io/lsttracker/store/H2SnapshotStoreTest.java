package io.lsttracker.store;

class H2SnapshotStoreTest extends SnapshotStoreContract {
    @Override
    TestDatabases.TestDatabase open() {
        return TestDatabases.h2();
    }
}
