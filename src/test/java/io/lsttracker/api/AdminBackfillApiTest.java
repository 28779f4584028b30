package io.lsttracker.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lsttracker.devchain.Devchain;
import io.lsttracker.devchain.TestDevchain;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The admin backfill endpoints on the real server against the devchain, with a token configured. */
class AdminBackfillApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "s3cret-admin-token";
    private static Devchain devchain;
    private static TestServer server;

    @BeforeAll
    static void start() {
        devchain = TestDevchain.shared();
        server = new TestServer(Map.of("tracker.chain.rpc-url", devchain.url(), "tracker.admin.token", TOKEN,
                "tracker.scheduler.enabled", "false"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static HttpResponse<String> post(String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.base.resolve("/api/admin/backfill"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return server.send(request.build());
    }

    private static HttpResponse<String> get(String path, String authorization) {
        return server.send(HttpRequest.newBuilder(server.base.resolve(path)).header("Authorization", authorization)
                .GET().build());
    }

    @Test
    void startsABackfillAndReportsItsProgressUntilDone() throws Exception {
        Instant head = Instant.ofEpochSecond(devchain.headTimestamp());
        String body = "{\"from\":\"" + head.minusSeconds(5 * 86_400) + "\",\"to\":\"" + head + "\",\"interval\":\"1d\"}";
        HttpResponse<String> started = post(body, "Bearer " + TOKEN);
        assertEquals(202, started.statusCode(), started.body());
        JsonNode job = JSON.readTree(started.body());
        String id = job.get("id").asText();
        assertEquals("/api/admin/backfill/" + id, started.headers().firstValue("location").orElse(""));
        long deadline = System.currentTimeMillis() + 30_000;
        while (!"done".equals(job.get("status").asText())) {
            assertTrue(System.currentTimeMillis() < deadline && !"failed".equals(job.get("status").asText()),
                    job.toString());
            Thread.sleep(100);
            job = JSON.readTree(get("/api/admin/backfill/" + id, "Bearer " + TOKEN).body());
        }
        // six daily points from head - 5 days to head, each on its own block of a chain with blocks hours apart
        assertEquals(6, job.get("result").get("points").asLong());
        assertEquals(6, job.get("progress").get("done").asLong());
        assertEquals(6, job.get("progress").get("total").asLong());
        assertEquals(job.get("result").get("blocks").asLong(),
                job.get("result").get("stored").asLong() + job.get("result").get("alreadyStored").asLong());
        assertTrue(job.get("finishedAt").isTextual());
        String history = server.get("/api/pools/lido/history?interval=1d&from=" + head.minusSeconds(6 * 86_400)).body();
        assertTrue(JSON.readTree(history).get("points").size() >= 5, history);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "|{\"from\":\"2026-01-01\",\"to\":\"2026-01-02\"}|401|unauthorized|Authorization: Bearer",
        "Bearer wrong|{\"from\":\"2026-01-01\",\"to\":\"2026-01-02\"}|401|unauthorized|the admin token is wrong",
        "Basic czNjcmV0|{\"from\":\"2026-01-01\",\"to\":\"2026-01-02\"}|401|unauthorized|Bearer",
        "Bearer " + TOKEN + "|{\"from\":\"yesterday\",\"to\":\"2026-01-02\"}|400|bad_request|parameter 'from'",
        "Bearer " + TOKEN + "|{\"to\":\"2026-01-02\"}|400|bad_request|parameter 'from': is required",
        "Bearer " + TOKEN + "|{\"from\":\"2026-01-03\",\"to\":\"2026-01-02\"}|400|bad_request|is after to",
        "Bearer " + TOKEN + "|{\"from\":\"2026-01-01\",\"to\":\"2026-01-02\",\"interval\":\"7x\"}|400|bad_request|parameter 'interval'",
        "Bearer " + TOKEN + "|{\"from\":\"2000-01-01\",\"to\":\"2026-01-02\",\"interval\":\"1m\"}|400|bad_request|more than the limit",
        "Bearer " + TOKEN + "|not json|400|bad_request|not valid JSON",
    })
    void badRequestsAreRefusedNamingWhatIsWrong(String authorization, String body, int status, String error,
            String fragment) throws Exception {
        HttpResponse<String> response = post(body, authorization);
        assertEquals(status, response.statusCode(), response.body());
        JsonNode answer = JSON.readTree(response.body());
        assertEquals(error, answer.get("error").asText());
        assertTrue(answer.get("message").asText().contains(fragment == null ? "" : fragment), answer.toString());
    }

    @Test
    void anUnknownJobIs404AndNeedsTheTokenToo() throws Exception {
        assertEquals(401, get("/api/admin/backfill/nope", "Bearer wrong").statusCode());
        HttpResponse<String> response = get("/api/admin/backfill/nope", "Bearer " + TOKEN);
        assertEquals(404, response.statusCode());
        assertEquals("no backfill job 'nope'", JSON.readTree(response.body()).get("message").asText());
    }
}
