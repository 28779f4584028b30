package io.lsttracker.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.api.TestServer;
import io.lsttracker.db.TestDatabases;
import io.lsttracker.devchain.Devchain;
import io.lsttracker.devchain.TestDevchain;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A Prometheus scrape while PostgreSQL is down (a TCP forwarder in front of it cut) answers at once with the figures
 * known before the outage: the concentration and entity gauges are kept in memory and refreshed when snapshots are
 * recorded. They used to read the store during the scrape (each waiting out the 2 s connection timeout, then NaN).
 */
class ScrapeOutageTest {

    @Test
    void aScrapeWhileTheDatabaseIsDownAnswersAtOnceWithTheFiguresKnownBefore() throws Exception {
        Devchain devchain = TestDevchain.shared();
        try (TestDatabases.TestDatabase db = TestDatabases.postgres()) {
            try (TcpCut proxy = TcpCut.inFrontOf(db);
                    TestServer server = TestServer.start(Map.of(
                            "datasources.default.url", proxy.jdbcUrl(),
                            "datasources.default.username", db.user(),
                            "tracker.chain.rpc-url", devchain.url(),
                            "tracker.beacon.url", devchain.beaconUrl()))) {
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                URI base = server.url();
                // The figures are stored (asked through the API, not through /prometheus, which must not have read
                // them before the outage for this test to mean anything).
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (System.nanoTime() < deadline && (get(http, base, "/api/concentration").statusCode() != 200
                        || get(http, base, "/api/entities").statusCode() != 200)) {
                    Thread.sleep(200);
                }
                assertEquals(200, get(http, base, "/api/entities").statusCode(), "an entity reading is stored");
                Thread.sleep(1500); // the cycle that stored them tells its listeners after the commit

                proxy.cut();
                long start = System.nanoTime();
                HttpResponse<String> metrics = get(http, base, "/prometheus");
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertEquals(200, metrics.statusCode());
                assertTrue(took.compareTo(Duration.ofMillis(1000)) < 0, "/prometheus took " + took);
                for (String series : new String[] {"lst_concentration_hhi{scope=\"lsts\"}",
                        "lst_entity_hhi{scope=\"reported\"}", "lst_entity_reading_epoch"}) {
                    String value = value(metrics.body(), series);
                    assertFalse(value.equals("NaN"), series + " is known from before the outage: " + value);
                    assertTrue(Double.parseDouble(value) > 0, series + " " + value);
                }
                proxy.restore();
            }
        }
    }

    private static String value(String exposition, String series) {
        for (String raw : exposition.split("\n")) {
            String line = raw.replace(",}", "}"); // the older exposition writes a comma after the last label
            if (line.startsWith(series + " ")) {
                return line.substring(series.length() + 1).trim();
            }
        }
        throw new AssertionError("no series " + series + " in the scrape");
    }

    private static HttpResponse<String> get(HttpClient http, URI base, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
