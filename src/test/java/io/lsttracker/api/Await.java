package io.lsttracker.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits on the API for what the tracker does in the background: snapshots, backfill jobs, health. */
public final class Await {
    private Await() {
    }

    /**
     * Asks {@code read} every 100 ms until {@code done} holds of its answer, and returns that answer; after
     * {@code within}, fails with {@code what}, the last answer and /health.
     */
    public static HttpResponse<JsonNode> until(TrackerApi api, String what, Duration within,
            Supplier<HttpResponse<JsonNode>> read, Predicate<HttpResponse<JsonNode>> done) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        HttpResponse<JsonNode> answer = read.get();
        while (!done.test(answer)) {
            if (System.nanoTime() > deadline) {
                HttpResponse<JsonNode> health = api.health();
                throw new AssertionError("no " + what + " within " + within.toSeconds() + " s: the last answer was "
                        + answer.code() + " " + answer.body() + "; /health " + health.code() + " " + health.body());
            }
            Thread.sleep(100);
            answer = read.get();
        }
        return answer;
    }

    /**
     * Until the scheduler has stored a snapshot in which a pool is ok and its cycle is over: the snapshot is
     * served as soon as it is committed, while the cycle still tells its listeners (rewards, alerts) before it
     * counts itself a success.
     */
    public static void snapshot(TrackerApi api) throws InterruptedException {
        until(api, "snapshot stored", Duration.ofSeconds(30), api::pools,
                pools -> pools.body().findValuesAsText("status").contains("ok"));
        until(api, "successful cycle", Duration.ofSeconds(30), api::health,
                health -> health.body().has("lastSuccessfulCycle"));
    }

    /** Until the backfill job {@code id} is done, failing at once if it failed; returns the job. */
    public static JsonNode backfill(TrackerApi api, String authorization, String id, Duration within)
            throws InterruptedException {
        return until(api, "backfill job " + id + " done", within, () -> api.backfill(id, authorization), job -> {
            String status = job.body().path("status").asText();
            if (status.equals("failed")) {
                throw new AssertionError("backfill job " + id + " failed: " + job.body());
            }
            return status.equals("done");
        }).body();
    }
}
