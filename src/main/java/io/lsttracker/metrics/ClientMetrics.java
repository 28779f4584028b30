package io.lsttracker.metrics;

import io.lsttracker.clients.Client;
import io.lsttracker.clients.ClientDiversity;
import io.lsttracker.clients.ClientWindows;
import io.lsttracker.clients.ClientWindows.Window;
import io.lsttracker.entity.Entity;
import io.lsttracker.entity.EntityRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Client diversity (docs/CLIENTS.md) as Prometheus gauges over the last 7 days of slots read, from the figures the
 * last run computed and keeps in memory (a scrape never queries the database): the network's share of each client,
 * and for the network and each entity the share of blocks whose graffiti names a client, the majority client's
 * share of those, and the blocks; the last slot read. NaN until the first run.
 */
@Context
@Requires(env = "server")
public final class ClientMetrics {
    static final String NETWORK = "network";
    private static final Window WINDOW = Window.D7;

    private final ClientWindows windows;

    public ClientMetrics(ClientWindows windows, EntityRegistry registry, MeterRegistry meters) {
        this.windows = windows;
        for (Client client : Client.values()) {
            String layer = client.layer().name().toLowerCase(java.util.Locale.ROOT);
            Gauge.builder("lst.clients.share", this, m -> m.value(r -> layer(r.network(), client.layer())
                            .clients().stream().filter(c -> c.client() == client).findFirst()
                            .map(ClientDiversity.ClientShare::share).or(() -> identifiedAny(r, client.layer()))))
                    .description("The client's share of the network's blocks whose graffiti names a client of its "
                            + "layer, last 7 days").tag("layer", layer).tag("client", client.id())
                    .tag("window", WINDOW.label()).baseUnit("ratio").register(meters);
        }
        List<String> scopes = new ArrayList<>();
        scopes.add(NETWORK);
        registry.entities().forEach(e -> scopes.add(e.id()));
        scopes.add(Entity.UNIDENTIFIED);
        for (String scope : scopes) {
            Function<ClientWindows.Report, Optional<ClientDiversity.Figures>> figures = r -> NETWORK.equals(scope)
                    ? Optional.of(r.network()) : Optional.ofNullable(r.entities().get(scope));
            for (Client.Layer l : Client.Layer.values()) {
                String layer = l.name().toLowerCase(java.util.Locale.ROOT);
                Gauge.builder("lst.clients.identified.share", this, m -> m.value(r -> figures.apply(r)
                                .flatMap(f -> layer(f, l).identifiedShare())))
                        .description("Blocks whose graffiti names a client of the layer, of all blocks, last 7 days")
                        .tag("scope", scope).tag("layer", layer).tag("window", WINDOW.label()).baseUnit("ratio")
                        .register(meters);
                Gauge.builder("lst.clients.majority.share", this, m -> m.value(r -> figures.apply(r)
                                .flatMap(f -> layer(f, l).majority().map(ClientDiversity.ClientShare::share))))
                        .description("The majority client's share of the identified blocks, last 7 days (above 1/3 a"
                                + " bug in it can stop finality, above 2/3 finalize a wrong chain)")
                        .tag("scope", scope).tag("layer", layer).tag("window", WINDOW.label()).baseUnit("ratio")
                        .register(meters);
            }
            Gauge.builder("lst.clients.blocks", this, m -> m.value(r -> figures.apply(r)
                            .map(f -> BigDecimal.valueOf(f.blocks()))))
                    .description("Blocks proposed, last 7 days").tag("scope", scope).tag("window", WINDOW.label())
                    .register(meters);
        }
        Gauge.builder("lst.clients.last.slot", this, m -> m.value(r -> Optional.of(BigDecimal.valueOf(r.toSlot()))))
                .description("The last slot read for client diversity").register(meters);
    }

    /** A client of a layer with identified blocks but none of its own has share 0; without any, no share. */
    private static Optional<BigDecimal> identifiedAny(ClientWindows.Report r, Client.Layer layer) {
        return layer(r.network(), layer).identified() > 0 ? Optional.of(BigDecimal.ZERO) : Optional.empty();
    }

    private static ClientDiversity.LayerFigures layer(ClientDiversity.Figures f, Client.Layer layer) {
        return layer == Client.Layer.CONSENSUS ? f.consensus() : f.execution();
    }

    private double value(Function<ClientWindows.Report, Optional<BigDecimal>> read) {
        return windows.computed(WINDOW).flatMap(read).map(BigDecimal::doubleValue).orElse(Double.NaN);
    }
}
