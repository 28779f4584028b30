package io.lsttracker.concentration;

import io.lsttracker.db.TestDatabases;
class H2ConcentrationStoreTest extends ConcentrationStoreContract {
    @Override
    TestDatabases.TestDatabase open() {
        return TestDatabases.h2();
    }
}
