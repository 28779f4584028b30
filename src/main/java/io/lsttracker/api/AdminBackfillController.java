package io.lsttracker.api;

import io.lsttracker.backfill.BackfillJobs;
import io.lsttracker.backfill.BackfillProgress;
import io.lsttracker.backfill.BackfillReport;
import io.lsttracker.backfill.BackfillRequest;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import java.net.URI;

/**
 * {@code POST /api/admin/backfill} starts a backfill ({"from", "to", "interval"}, as the `backfill` command
 * takes them) and answers 202 with the job; {@code GET /api/admin/backfill/{id}} shows its progress. Both
 * need the admin token (see {@link AdminToken}).
 */
@Controller("/api/admin/backfill")
public class AdminBackfillController {
    private final AdminToken token;
    private final BackfillJobs jobs;

    public AdminBackfillController(AdminToken token, BackfillJobs jobs) {
        this.token = token;
        this.jobs = jobs;
    }

    public record StartRequest(@Nullable String from, @Nullable String to, @Nullable String interval) {
    }

    public record JobView(String id, String status, String from, String to, String interval, String startedAt,
            String finishedAt, Progress progress, Result result, String error) {
        static JobView of(BackfillJobs.Job job) {
            return new JobView(job.id(), job.state().name().toLowerCase(java.util.Locale.ROOT),
                    job.request().from().toString(), job.request().to().toString(), job.request().interval().toString(),
                    job.startedAt().toString(), job.finishedAt().map(Object::toString).orElse(null),
                    job.progress().map(Progress::of).orElse(null), job.report().map(Result::of).orElse(null),
                    job.error().orElse(null));
        }
    }

    public record Progress(long done, long total, long stored, long alreadyStored, long afterHead,
            double pointsPerSecond, Long etaSeconds) {
        static Progress of(BackfillProgress p) {
            return new Progress(p.done(), p.total(), p.stored(), p.alreadyStored(), p.afterHead(),
                    Math.round(p.pointsPerSecond() * 10) / 10.0, p.eta().map(d -> d.toSeconds()).orElse(null));
        }
    }

    public record Result(long points, long blocks, long stored, long alreadyStored, long afterHead,
            long failedPoolReadings, long headerRequests, long elapsedMillis) {
        static Result of(BackfillReport r) {
            return new Result(r.points(), r.blocks(), r.stored(), r.alreadyStored(), r.afterHead(),
                    r.failedPoolReadings(), r.blockSearch().requests(), r.elapsed().toMillis());
        }
    }

    @Post
    public HttpResponse<JobView> start(HttpRequest<?> http, @Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization,
            @Nullable @Body StartRequest body) {
        token.check(authorization, client(http));
        if (body == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "bad_request",
                    "the body must be JSON: {\"from\": \"2026-01-01\", \"to\": \"2026-06-30\", \"interval\": \"1d\"}");
        }
        BackfillRequest request;
        try {
            request = BackfillRequest.parse(body.from(), body.to(), body.interval() == null ? "1d" : body.interval());
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            int colon = message.indexOf(':');
            throw ApiException.badParameter(message.substring(0, colon), message.substring(colon + 1).trim());
        }
        BackfillJobs.Job job;
        try {
            job = jobs.start(request);
        } catch (BackfillJobs.BusyException e) {
            throw new ApiException(HttpStatus.CONFLICT, "conflict", e.getMessage());
        }
        return HttpResponse.<JobView>status(HttpStatus.ACCEPTED).body(JobView.of(job))
                .headers(h -> h.location(URI.create("/api/admin/backfill/" + job.id())));
    }

    @Get("/{id}")
    public JobView job(HttpRequest<?> http, @Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization,
            @PathVariable String id) {
        token.check(authorization, client(http));
        return jobs.find(id).map(JobView::of)
                .orElseThrow(() -> ApiException.notFound("no backfill job '" + id + "'"));
    }

    /** The address the connection comes from (not a header a client could set), for the failed-attempt limit. */
    private static String client(HttpRequest<?> http) {
        return http.getRemoteAddress().getAddress() == null ? http.getRemoteAddress().getHostString()
                : http.getRemoteAddress().getAddress().getHostAddress();
    }
}
