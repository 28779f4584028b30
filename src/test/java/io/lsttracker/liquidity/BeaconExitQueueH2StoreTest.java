package io.lsttracker.liquidity;

import io.lsttracker.db.TestDatabases;

class BeaconExitQueueH2StoreTest extends BeaconExitQueueStoreContract {
    @Override
    TestDatabases.TestDatabase open() {
        return TestDatabases.h2();
    }
}
