package io.lsttracker.snapshot;

import io.lsttracker.db.TestDatabases;
class PostgresSnapshotStoreTest extends SnapshotStoreContract {
    @Override
    TestDatabases.TestDatabase open() {
        return TestDatabases.postgres();
    }
}
