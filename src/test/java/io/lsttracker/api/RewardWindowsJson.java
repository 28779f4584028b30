package io.lsttracker.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpResponse;

/** Reading reward windows out of the JSON the tracker writes: `GET /api/pools/{id}/rewards` and `snapshot --rewards`. */
public final class RewardWindowsJson {
    private RewardWindowsJson() {
    }

    /** The body of {@code GET /api/pools/{pool}/rewards}, which must answer 200. */
    static JsonNode rewards(TrackerApi api, String pool) {
        HttpResponse<JsonNode> response = api.rewards(pool);
        assertEquals(200, response.code(), String.valueOf(response.body()));
        return response.body();
    }

    /** The window labelled {@code label} (last-report, 7d, lido-sdk-7d, ...) of one pool's rewards. */
    public static JsonNode window(JsonNode poolRewards, String label) {
        for (JsonNode w : poolRewards.get("windows")) {
            if (w.get("window").asText().equals(label)) {
                return w;
            }
        }
        throw new AssertionError("no window " + label + " in " + poolRewards);
    }
}
