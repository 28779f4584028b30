package io.lsttracker.rewards;

import io.lsttracker.db.TestDatabases;
class PostgresRewardStoreTest extends RewardStoreContract {
    @Override
    TestDatabases.TestDatabase open() {
        return TestDatabases.postgres();
    }
}
