package io.lsttracker.api;

import io.lsttracker.clients.ClientWindows;
import io.lsttracker.clients.ProposalIndexer;
import io.lsttracker.entity.Entity;
import io.lsttracker.entity.EntityReadings;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import java.util.Arrays;
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
        if (!Entity.UNIDENTIFIED.equals(id) && readings.registry().byId(id).isEmpty()) {
            throw ApiException.notFound("no entity '" + id + "' in " + readings.registry().source());
        }
        ClientWindows.Report r = report(window);
        ClientsView.Figures figures = r.entities().containsKey(id) ? ClientsView.figures(r.entities().get(id))
                : ClientsView.figures(io.lsttracker.clients.ClientDiversity.of(java.util.List.of()));
        return new ClientsView.EntityClients(ClientsView.window(r), ClientsView.status(indexer.status()), id, figures);
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
