package io.lsttracker.store;

class PostgresRewardStoreTest extends RewardStoreContract {
    @Override
    TestDatabases.TestDatabase open() {
        return TestDatabases.postgres();
    }
}
