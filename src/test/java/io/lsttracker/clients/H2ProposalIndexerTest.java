package io.lsttracker.clients;

import io.lsttracker.db.TestDatabases;

class H2ProposalIndexerTest extends ProposalIndexerContract {
    @Override
    TestDatabases.TestDatabase open() {
        return TestDatabases.h2();
    }
}
