package io.lsttracker.api;

import io.lsttracker.concentration.ConcentrationStore;
import io.lsttracker.entity.EntityReadings;
import io.lsttracker.entity.EntityStore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import java.time.Instant;
import java.util.List;

/**
 * How concentrated staking is: who controls all staked ETH (the latest entity reading) with the latest snapshot's
 * token view, and the token view's history. Reads the stores only.
 */
@Controller("/api/concentration")
public class ConcentrationController {
    private final ConcentrationStore store;
    private final EntityStore entities;
    private final EntityReadings readings;
    private final long maxHistoryPoints;

    public ConcentrationController(ConcentrationStore store, EntityStore entities, EntityReadings readings,
            ApiSettings settings) {
        this.store = store;
        this.entities = entities;
        this.readings = readings;
        this.maxHistoryPoints = settings.api().maxHistoryPoints();
    }

    public record HistoryView(String interval, String from, String to, List<ConcentrationView> points) {
    }

    @Get
    public ConcentrationView latest() {
        return store.latest().map(r -> ConcentrationView.latest(r, entities.latest(), readings.status(),
                        readings.registry(), Instant.now()))
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
