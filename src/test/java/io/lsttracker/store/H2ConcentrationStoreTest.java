package io.lsttracker.store;

class H2ConcentrationStoreTest extends ConcentrationStoreContract {
    @Override
    TestDatabases.TestDatabase open() {
        return TestDatabases.h2();
    }
}
