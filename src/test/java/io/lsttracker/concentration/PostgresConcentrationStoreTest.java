package io.lsttracker.concentration;

import io.lsttracker.db.TestDatabases;
class PostgresConcentrationStoreTest extends ConcentrationStoreContract {
    @Override
    TestDatabases.TestDatabase open() {
        return TestDatabases.postgres();
    }
}
