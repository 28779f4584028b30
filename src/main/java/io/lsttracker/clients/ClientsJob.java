package io.lsttracker.clients;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/** Reads new finalized slots every {@code tracker.poll-interval}; only `serve` and `demo` enable it. */
@Singleton
@Requires(property = "tracker.scheduler.enabled", value = "true")
public final class ClientsJob {
    private final ProposalIndexer indexer;

    public ClientsJob(ProposalIndexer indexer) {
        this.indexer = indexer;
    }

    @Scheduled(fixedDelay = "${tracker.poll-interval}", initialDelay = "5s")
    void run() {
        indexer.runOnce();
    }
}
