package io.lsttracker.backfill;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backfills started from the API, run one at a time in the background (two would read the same chain
 * twice). Jobs are kept in memory: a restarted tracker forgets them, and a job started again resumes, since
 * stored points are skipped.
 */
@Singleton
public final class BackfillJobs {
    private static final Logger LOG = LoggerFactory.getLogger(BackfillJobs.class);

    public enum State { RUNNING, DONE, FAILED }

    /** A job as the API shows it. */
    public record Job(String id, BackfillRequest request, State state, Instant startedAt, Optional<Instant> finishedAt,
            Optional<BackfillProgress> progress, Optional<BackfillReport> report, Optional<String> error) {
    }

    /** Refused because a job is running. */
    public static final class BusyException extends RuntimeException {
        BusyException(String message) {
            super(message);
        }
    }

    private final Backfill backfill;
    private final Map<String, AtomicReference<Job>> jobs = new ConcurrentHashMap<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "backfill-job");
        t.setDaemon(true);
        return t;
    });

    public BackfillJobs(Backfill backfill) {
        this.backfill = backfill;
    }

    public synchronized Job start(BackfillRequest request) {
        Optional<Job> running = jobs.values().stream().map(AtomicReference::get)
                .filter(j -> j.state() == State.RUNNING).findFirst();
        if (running.isPresent()) {
            throw new BusyException("backfill " + running.get().id() + " is still running");
        }
        String id = UUID.randomUUID().toString();
        AtomicReference<Job> job = new AtomicReference<>(new Job(id, request, State.RUNNING, Instant.now(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        jobs.put(id, job);
        runner.execute(() -> {
            try {
                BackfillReport report = backfill.run(request, p -> job.updateAndGet(j -> new Job(j.id(), j.request(),
                        j.state(), j.startedAt(), j.finishedAt(), Optional.of(p), j.report(), j.error())));
                job.updateAndGet(j -> new Job(j.id(), j.request(), State.DONE, j.startedAt(),
                        Optional.of(Instant.now()), j.progress(), Optional.of(report), Optional.empty()));
            } catch (RuntimeException e) {
                LOG.warn("backfill {} failed: {}", id, e.getMessage());
                job.updateAndGet(j -> new Job(j.id(), j.request(), State.FAILED, j.startedAt(),
                        Optional.of(Instant.now()), j.progress(), Optional.empty(), Optional.of(String.valueOf(e.getMessage()))));
            }
        });
        return job.get();
    }

    public Optional<Job> find(String id) {
        return Optional.ofNullable(jobs.get(id)).map(AtomicReference::get);
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }
}
