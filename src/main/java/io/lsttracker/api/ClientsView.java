package io.lsttracker.api;

import io.lsttracker.clients.ClientDiversity;
import io.lsttracker.clients.ClientWindows;
import io.lsttracker.clients.ProposalIndexer;
import java.util.List;

/** The JSON of /api/clients and /api/entities/{id}/clients (docs/CLIENTS.md). Shares are decimal strings. */
public final class ClientsView {
    private ClientsView() {
    }

    public record Clients(WindowView window, Status status, Figures network, List<EntityFigures> entities) {
    }

    /** One point per day of slots that has blocks, of the network or of one entity. */
    public record History(String scope, int days, List<Day> points) {
    }

    public record Day(long fromSlot, long toSlot, String time, Figures figures) {
    }

    public record EntityClients(WindowView window, Status status, String entity, Figures figures) {
    }

    /**
     * @param complete whether every slot of the window is read (false while the first reading catches up)
     */
    public record WindowView(String name, long fromSlot, long toSlot, long slotsRead, boolean complete, long missed) {
    }

    public record Status(String lastOutcome, String message, String at) {
    }

    public record EntityFigures(String entity, Figures figures) {
    }

    public record Figures(long blocks, Layer consensus, Layer execution) {
    }

    /**
     * @param identifiedShare blocks whose graffiti names this layer's client, of all blocks
     * @param clients         each client's blocks and share of the identified blocks
     */
    public record Layer(long identified, String identifiedShare, List<ClientShare> clients, String majority,
            String majorityShare, boolean majorityAboveOneThird, boolean majorityAboveTwoThirds) {
    }

    public record ClientShare(String client, String name, long blocks, String share) {
    }

    static WindowView window(ClientWindows.Report r) {
        return new WindowView(r.window().label(), r.fromSlot(), r.toSlot(), r.slotsRead(), r.complete(), r.missed());
    }

    static Status status(ProposalIndexer.Status s) {
        return new Status(s.lastOutcome().map(Enum::name).orElse(null), s.message().orElse(null),
                s.at().map(Object::toString).orElse(null));
    }

    static Figures figures(ClientDiversity.Figures f) {
        return new Figures(f.blocks(), layer(f.consensus()), layer(f.execution()));
    }

    private static Layer layer(ClientDiversity.LayerFigures l) {
        return new Layer(l.identified(), l.identifiedShare().map(d -> d.toPlainString()).orElse(null),
                l.clients().stream().map(c -> new ClientShare(c.client().id(), c.client().displayName(), c.blocks(),
                        c.share().toPlainString())).toList(),
                l.majority().map(m -> m.client().id()).orElse(null),
                l.majority().map(m -> m.share().toPlainString()).orElse(null),
                l.majorityAboveOneThird(), l.majorityAboveTwoThirds());
    }
}
