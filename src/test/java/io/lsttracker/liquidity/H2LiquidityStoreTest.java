package io.lsttracker.liquidity;

import io.lsttracker.db.TestDatabases;

class H2LiquidityStoreTest extends LiquidityStoreContract {
    @Override
    TestDatabases.TestDatabase open() {
        return TestDatabases.h2();
    }
}
