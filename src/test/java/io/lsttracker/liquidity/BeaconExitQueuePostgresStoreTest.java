package io.lsttracker.liquidity;

import io.lsttracker.db.TestDatabases;

class BeaconExitQueuePostgresStoreTest extends BeaconExitQueueStoreContract {
    @Override
    TestDatabases.TestDatabase open() {
        return TestDatabases.postgres();
    }
}
