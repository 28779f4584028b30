package io.lsttracker.rewards;

import io.lsttracker.db.TestDatabases;
class H2RewardStoreTest extends RewardStoreContract {
    @Override
    TestDatabases.TestDatabase open() {
        return TestDatabases.h2();
    }
}
