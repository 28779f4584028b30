package io.lsttracker.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.lsttracker.db.TestDatabases;
import io.lsttracker.devchain.Devchain;
import io.lsttracker.devchain.TestDevchain;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * `serve` on PostgreSQL, the production store: Flyway migrates a fresh schema and snapshots land in it. The server
 * is started here, inside the database's lifetime, so it stops before its schema is dropped.
 */
class PostgresServeTest {

    @Test
    void servesFromPostgres() throws Exception {
        Devchain devchain = TestDevchain.shared();
        try (TestDatabases.TestDatabase database = TestDatabases.postgres();
                TestServer server = TestServer.start(Map.of(
                        "tracker.chain.rpc-url", devchain.url(),
                        "datasources.default.url", database.jdbcUrl(),
                        "datasources.default.username", database.user()))) {
            TrackerApi api = server.api();
            JsonNode latest = Await.until(api, "snapshot stored in PostgreSQL", Duration.ofSeconds(30),
                    api::latestSnapshot, answer -> answer.code() == 200).body();
            assertEquals(devchain.poolIds().size(), latest.get("pools").size());
            assertEquals(devchain.headTimestamp(),
                    Instant.parse(latest.get("block").get("timestamp").asText()).getEpochSecond());
            assertEquals("UP", api.health().body().get("status").asText());
        }
    }
}
