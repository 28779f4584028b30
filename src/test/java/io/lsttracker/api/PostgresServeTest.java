package io.lsttracker.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lsttracker.devchain.Devchain;
import io.lsttracker.devchain.TestDevchain;
import io.lsttracker.db.TestDatabases;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** `serve` on PostgreSQL, the production store: Flyway migrates a fresh schema and snapshots land in it. */
class PostgresServeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void servesFromPostgres() throws Exception {
        Devchain devchain = TestDevchain.shared();
        try (TestDatabases.TestDatabase database = TestDatabases.postgres();
                TestServer server = new TestServer(Map.of(
                        "tracker.chain.rpc-url", devchain.url(),
                        "datasources.default.url", database.jdbcUrl(),
                        "datasources.default.username", database.user()))) {
            long deadline = System.currentTimeMillis() + 30_000;
            JsonNode latest;
            while (true) {
                var response = server.get("/api/snapshots/latest");
                if (response.statusCode() == 200) {
                    latest = JSON.readTree(response.body());
                    break;
                }
                if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError("nothing stored in PostgreSQL within 30 s: " + server.get("/health").body());
                }
                Thread.sleep(200);
            }
            assertEquals(devchain.poolIds().size(), latest.get("pools").size());
            assertEquals(devchain.headTimestamp(),
                    java.time.Instant.parse(latest.get("block").get("timestamp").asText()).getEpochSecond());
            assertEquals("UP", JSON.readTree(server.get("/health").body()).get("status").asText());
        }
    }
}
