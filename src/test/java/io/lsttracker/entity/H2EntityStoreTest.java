package io.lsttracker.entity;

import io.lsttracker.db.TestDatabases;

class H2EntityStoreTest extends EntityStoreContract {
    @Override
    TestDatabases.TestDatabase open() {
        return TestDatabases.h2();
    }
}
