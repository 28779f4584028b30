package io.lsttracker.api;

import io.lsttracker.concentration.ConcentrationStore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import java.time.Instant;
import java.util.List;

/** How concentrated staking is: the latest snapshot's figures and their history. Reads the store only. */
@Controller("/api/concentration")
public class ConcentrationController {
    private final ConcentrationStore store;
    private final long maxHistoryPoints;

    public ConcentrationController(ConcentrationStore store, ApiSettings settings) {
        this.store = store;
        this.maxHistoryPoints = settings.api().maxHistoryPoints();
    }

    public record HistoryView(String interval, String from, String to, List<ConcentrationView> points) {
    }

    @Get
    public ConcentrationView latest() {
        return store.latest().map(ConcentrationView::of)
                .orElseThrow(() -> ApiException.notFound("no concentration figures are stored yet (no snapshot)"));
    }

    @Get("/history")
    public HistoryView history(@Nullable @QueryValue String from, @Nullable @QueryValue String to,
            @Nullable @QueryValue String interval) {
        HistoryQuery query = HistoryQuery.parse(from, to, interval, Instant.now(), maxHistoryPoints);
        return new HistoryView(query.intervalText(), query.from().toString(), query.to().toString(),
                store.history(query.from(), query.to(), query.interval()).stream().map(ConcentrationView::of).toList());
    }
}
