package io.lsttracker.store;

class PostgresConcentrationStoreTest extends ConcentrationStoreContract {
    @Override
    TestDatabases.TestDatabase open() {
        return TestDatabases.postgres();
    }
}
