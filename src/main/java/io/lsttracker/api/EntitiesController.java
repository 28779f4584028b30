package io.lsttracker.api;

import io.lsttracker.domain.Tau;
import io.lsttracker.entity.Entity;
import io.lsttracker.entity.EntityMeasures;
import io.lsttracker.entity.EntityReading;
import io.lsttracker.entity.EntityReadings;
import io.lsttracker.entity.EntityStore;
import io.lsttracker.snapshot.SnapshotStore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Who controls the stake (docs/ENTITIES.md): the latest reading of the validator set, one entity, the history. */
@Controller("/api/entities")
public class EntitiesController {
    private final EntityStore store;
    private final EntityReadings readings;
    private final SnapshotStore snapshots;
    private final long maxHistoryPoints;

    public EntitiesController(EntityStore store, EntityReadings readings, SnapshotStore snapshots,
            ApiSettings settings) {
        this.store = store;
        this.readings = readings;
        this.snapshots = snapshots;
        this.maxHistoryPoints = settings.api().maxHistoryPoints();
    }

    @Get
    public EntitiesView.Latest latest() {
        EntityStore.StoredReading latest = latestReading();
        return EntitiesView.latest(latest.reading(), latest.blockNumber(), readings.status(), Instant.now(),
                readings.registry(), snapshots.latest());
    }

    /**
     * Every reading in [from, to), or with {@code interval} the last reading of each interval. Without an interval,
     * a range holding more readings than the limit is refused, found in SQL before any reading is loaded.
     */
    @Get("/history")
    public HttpResponse<?> history(HttpRequest<?> request, @Nullable @QueryValue String from,
            @Nullable @QueryValue String to, @Nullable @QueryValue String interval,
            @Nullable @QueryValue String format) {
        boolean csv = Formats.wantsCsv(request, format);
        Instant now = Instant.now();
        HistoryQuery.Range range;
        List<EntityStore.StoredReading> found;
        if (interval != null) {
            HistoryQuery query = HistoryQuery.parse(from, to, interval, now, maxHistoryPoints);
            range = new HistoryQuery.Range(query.from(), query.to());
            found = store.history(query.from(), query.to(), query.interval());
        } else {
            range = HistoryQuery.range(from, to, now);
            int limit = (int) Math.min(maxHistoryPoints, Integer.MAX_VALUE - 1);
            found = store.history(range.from(), range.to(), limit).orElseThrow(() -> ApiException.badParameter(
                    "from", "more than " + limit + " readings (the limit) from " + range.from() + " to " + range.to()
                            + "; use a shorter range, or an interval such as 1h or 1d (the last reading of each)"));
        }
        if (csv) {
            StringBuilder out = new StringBuilder("time,epoch,slot,entity,validators,activeValidators,stakeGwei,share\n");
            for (EntityStore.StoredReading s : found) {
                EntityReading r = s.reading();
                for (EntityReading.Row row : r.entities()) {
                    csvRow(out, r, row);
                }
                csvRow(out, r, r.unidentified());
            }
            return HttpResponse.ok(out.toString()).contentType("text/csv")
                    .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"entities-history.csv\"");
        }
        List<EntitiesView.HistoryPoint> points = found.stream().map(s -> {
            EntityReading r = s.reading();
            Map<String, String> shares = new LinkedHashMap<>();
            r.entities().forEach(row -> shares.put(row.entity(), row.share().toPlainString()));
            return new EntitiesView.HistoryPoint(r.epoch(), r.slot(), r.readAt().toString(),
                    r.activeStakeGwei().toString(), r.unidentified().share().toPlainString(),
                    r.measures().reported().hhi().toPlainString(),
                    r.measures().reported().tau().get(Tau.HALF).orElse(null),
                    r.measures().atWorst().hhi().toPlainString(),
                    r.measures().atWorst().tau().get(Tau.HALF).orElse(null), shares);
        }).toList();
        return HttpResponse.ok(new EntitiesView.History(range.from().toString(), range.to().toString(), points))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private static void csvRow(StringBuilder out, EntityReading r, EntityReading.Row row) {
        out.append(r.readAt()).append(',').append(r.epoch()).append(',').append(r.slot()).append(',')
                .append(row.entity()).append(',').append(row.validators()).append(',').append(row.activeValidators())
                .append(',').append(row.activeStakeGwei()).append(',').append(row.share().toPlainString()).append('\n');
    }

    @Get("/{id}")
    public EntitiesView.Detail entity(@PathVariable String id) {
        boolean unidentified = Entity.UNIDENTIFIED.equals(id);
        Entity entity = unidentified ? null : readings.registry().byId(id).orElseThrow(() -> ApiException.notFound(
                "no entity '" + id + "' in " + readings.registry().source()));
        EntityStore.StoredReading latest = latestReading();
        EntityReading detail = store.detail(latest.reading().epoch(), id);
        EntityReading.Row row = detail.row(id).orElseThrow(() -> ApiException.notFound("entity '" + id
                + "' is not in the reading of epoch " + latest.reading().epoch() + " (added to the labels since?)"));
        String credentials = unidentified ? null : entity.credentials().map(c -> c.configName()).orElse(null);
        EntitiesView.Rules rules = unidentified ? new EntitiesView.Rules(null, List.of(), "validators no rule "
                + "attributes: many solo stakers and unlabelled operators, never counted as one entity")
                : new EntitiesView.Rules(credentials, entity.depositors().stream()
                        .map(d -> new EntitiesView.Depositor(d.address(), d.source())).toList(),
                        EntitiesView.Rules.coverage(credentials));
        return new EntitiesView.Detail(EntitiesView.source(latest.reading(), latest.blockNumber(), readings.status(),
                Instant.now()), EntitiesView.row(row, readings.registry(), snapshots.latest()), rules,
                EntitiesView.byRule(row),
                detail.evidence().stream().map(e -> new EntitiesView.Evidence(e.rule().apiName(), e.detail(),
                        e.validators())).toList(),
                detail.conflicts().stream().map(c -> new EntitiesView.Conflict(c.other(), c.otherRule().apiName(),
                        c.otherDetail(), c.validators(), c.examples())).toList());
    }

    private EntityStore.StoredReading latestReading() {
        return store.latest().orElseThrow(() -> ApiException.notFound("no entity reading is stored yet"
                + readings.status().message().map(m -> " (last attempt: " + m + ")").orElse("")));
    }
}
