package io.lsttracker.entity;

import io.lsttracker.db.TestDatabases;

class PostgresEntityStoreTest extends EntityStoreContract {
    @Override
    TestDatabases.TestDatabase open() {
        return TestDatabases.postgres();
    }
}
