package io.lsttracker.api;

import io.lsttracker.clients.ClientDiversity;
import io.lsttracker.clients.ClientWindows;
import io.lsttracker.clients.ProposalIndexer;
import io.lsttracker.entity.Entity;
import io.lsttracker.entity.EntityReadings;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Client diversity from proposed blocks (docs/CLIENTS.md): the network and every entity, one entity. */
@Controller("/api")
public class ClientsController {
    private final ClientWindows windows;
    private final ProposalIndexer indexer;
    private final EntityReadings readings;

    public ClientsController(ClientWindows windows, ProposalIndexer indexer, EntityReadings readings) {
        this.windows = windows;
        this.indexer = indexer;
        this.readings = readings;
    }

    @Get("/clients")
    public ClientsView.Clients clients(@Nullable @QueryValue String window) {
        ClientWindows.Report r = report(window);
        return new ClientsView.Clients(ClientsView.window(r), ClientsView.status(indexer.status()),
                ClientsView.figures(r.network()), r.entities().entrySet().stream()
                        .map(e -> new ClientsView.EntityFigures(e.getKey(), ClientsView.figures(e.getValue())))
                        .toList());
    }

    @Get("/entities/{id}/clients")
    public ClientsView.EntityClients entity(@PathVariable String id, @Nullable @QueryValue String window) {
        requireEntity(id);
        ClientWindows.Report r = report(window);
        ClientsView.Figures figures = r.entities().containsKey(id) ? ClientsView.figures(r.entities().get(id))
                : ClientsView.figures(ClientDiversity.of(List.of()));
        return new ClientsView.EntityClients(ClientsView.window(r), ClientsView.status(indexer.status()), id, figures);
    }

    /** Days of history served at most: the proposals are kept, so a year is there once read. */
    static final int MAX_DAYS = 366;

    @Get("/clients/history")
    public HttpResponse<?> history(HttpRequest<?> request, @Nullable @QueryValue String entity,
            @Nullable @QueryValue String days, @Nullable @QueryValue String format) {
        boolean csv = Formats.wantsCsv(request, format);
        int n = 30;
        if (days != null) {
            try {
                n = Integer.parseInt(days);
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 1 || n > MAX_DAYS) {
                throw ApiException.badParameter("days", "'" + days + "' is not a whole number of days from 1 to "
                        + MAX_DAYS);
            }
        }
        if (entity != null) {
            requireEntity(entity);
        }
        List<ClientWindows.Day> history = windows.history(n, Optional.ofNullable(entity));
        String scope = entity == null ? "network" : entity;
        if (csv) {
            StringBuilder out = new StringBuilder("fromSlot,time,scope,layer,client,blocks,identified,share\n");
            for (ClientWindows.Day d : history) {
                String time = indexer.slotStart(d.fromSlot()).map(Object::toString).orElse("");
                csvRows(out, d, time, scope, "consensus", d.figures().consensus());
                csvRows(out, d, time, scope, "execution", d.figures().execution());
            }
            return HttpResponse.ok(out.toString()).contentType("text/csv")
                    .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"clients-history.csv\"");
        }
        return HttpResponse.ok(new ClientsView.History(scope, n, history.stream()
                .map(d -> new ClientsView.Day(d.fromSlot(), d.fromSlot() + ProposalIndexer.SLOTS_PER_DAY - 1,
                        indexer.slotStart(d.fromSlot()).map(Object::toString).orElse(null),
                        ClientsView.figures(d.figures()))).toList()))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private static void csvRows(StringBuilder out, ClientWindows.Day d, String time, String scope, String layer,
            ClientDiversity.LayerFigures figures) {
        for (ClientDiversity.ClientShare c : figures.clients()) {
            out.append(d.fromSlot()).append(',').append(time).append(',').append(scope).append(',').append(layer)
                    .append(',').append(c.client().id()).append(',').append(c.blocks()).append(',')
                    .append(figures.identified()).append(',').append(c.share().toPlainString()).append('\n');
        }
    }

    /** An entity of the labels, or "unidentified"; anything else is a 404 naming the labels file. */
    private void requireEntity(String id) {
        if (!Entity.UNIDENTIFIED.equals(id) && readings.registry().byId(id).isEmpty()) {
            throw ApiException.notFound("no entity '" + id + "' in " + readings.registry().source());
        }
    }

    private ClientWindows.Report report(String window) {
        ClientWindows.Window w = window == null ? ClientWindows.Window.D7 : ClientWindows.Window.of(window)
                .orElseThrow(() -> ApiException.badParameter("window", "'" + window + "' is not one of "
                        + Arrays.stream(ClientWindows.Window.values()).map(ClientWindows.Window::label)
                                .collect(Collectors.joining(", "))));
        return windows.report(w).orElseThrow(() -> ApiException.notFound("no proposed block is read yet"
                + indexer.status().message().map(m -> " (last attempt: " + m + ")").orElse("")));
    }
}
