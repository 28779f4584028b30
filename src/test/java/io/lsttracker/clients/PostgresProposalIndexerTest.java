package io.lsttracker.clients;

import io.lsttracker.db.TestDatabases;

class PostgresProposalIndexerTest extends ProposalIndexerContract {
    @Override
    TestDatabases.TestDatabase open() {
        return TestDatabases.postgres();
    }
}
