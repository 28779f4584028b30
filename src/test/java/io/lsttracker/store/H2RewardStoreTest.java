package io.lsttracker.store;

class H2RewardStoreTest extends RewardStoreContract {
    @Override
    TestDatabases.TestDatabase open() {
        return TestDatabases.h2();
    }
}
