package io.lsttracker.liquidity;

import io.lsttracker.db.TestDatabases;

class PostgresLiquidityStoreTest extends LiquidityStoreContract {
    @Override
    TestDatabases.TestDatabase open() {
        return TestDatabases.postgres();
    }
}
