package io.lsttracker.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lsttracker.devchain.Devchain;
import io.lsttracker.devchain.TestDevchain;
import io.micronaut.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The admin backfill endpoints on the real server against the devchain, with a token configured. */
class AdminBackfillApiTest extends ServerTest {
    private static final String TOKEN = "s3cret-admin-token-0123456789abcdef";
    private final Devchain devchain = TestDevchain.shared();

    @Override
    protected Map<String, ?> settings() {
        return Map.of("tracker.chain.rpc-url", devchain.url(), "tracker.admin.token", TOKEN,
                "tracker.scheduler.enabled", "false");
    }

    @Test
    void startsABackfillAndReportsItsProgressUntilDone() throws Exception {
        Instant head = Instant.ofEpochSecond(devchain.headTimestamp());
        String body = "{\"from\":\"" + head.minusSeconds(5 * 86_400) + "\",\"to\":\"" + head + "\",\"interval\":\"1d\"}";
        HttpResponse<JsonNode> started = api.startBackfill("Bearer " + TOKEN, body);
        assertEquals(202, started.code(), String.valueOf(started.body()));
        String id = started.body().get("id").asText();
        assertEquals("/api/admin/backfill/" + id, started.getHeaders().get("location"));
        JsonNode job = Await.backfill(api, "Bearer " + TOKEN, id, Duration.ofSeconds(30));
        // six daily points from head - 5 days to head, each on its own block of a chain with blocks hours apart
        assertEquals(6, job.get("result").get("points").asLong());
        assertEquals(6, job.get("progress").get("done").asLong());
        assertEquals(6, job.get("progress").get("total").asLong());
        assertEquals(job.get("result").get("blocks").asLong(),
                job.get("result").get("stored").asLong() + job.get("result").get("alreadyStored").asLong());
        assertTrue(job.get("finishedAt").isTextual());
        JsonNode history = api.history("lido", head.minusSeconds(6 * 86_400).toString(), null, "1d").body();
        assertTrue(history.get("points").size() >= 5, history.toString());
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
            String fragment) {
        HttpResponse<JsonNode> response = api.startBackfill(authorization, body);
        JsonNode answer = response.body();
        assertEquals(status, response.code(), String.valueOf(answer));
        assertEquals(error, answer.get("error").asText());
        assertTrue(answer.get("message").asText().contains(fragment == null ? "" : fragment), answer.toString());
    }

    @Test
    void anUnknownJobIs404AndNeedsTheTokenToo() {
        assertEquals(401, api.backfill("nope", "Bearer wrong").code());
        HttpResponse<JsonNode> response = api.backfill("nope", "Bearer " + TOKEN);
        assertEquals(404, response.code());
        assertEquals("no backfill job 'nope'", response.body().get("message").asText());
    }
}
