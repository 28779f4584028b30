package io.lsttracker.store;

class PostgresSnapshotStoreTest extends SnapshotStoreContract {
    @Override
    TestDatabases.TestDatabase open() {
        return TestDatabases.postgres();
    }
}
