package io.lsttracker.clients;

import io.lsttracker.clients.Client.Layer;
import io.lsttracker.domain.StakeShares;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Client shares over a set of proposed blocks (docs/CLIENTS.md). Pure.
 *
 * <ul>
 * <li>identified share of a layer = blocks whose graffiti names that layer's client / blocks;</li>
 * <li>a client's share = its blocks / the blocks whose graffiti names a client of its layer: the unknown rest is
 *     not spread over the clients, it is stated (a lower bound of each client's share over all blocks is its
 *     blocks / all blocks);</li>
 * <li>the majority client of a layer is the one with the most blocks (the first in {@link Client} order among
 *     equals); it is flagged above 1/3 when 3 x its blocks > the identified blocks, above 2/3 when
 *     3 x its blocks > 2 x the identified blocks (integer comparisons).</li>
 * </ul>
 * Shares have {@link StakeShares#SHARE_SCALE} decimals, rounded half-even; none when there is nothing to divide by.
 */
public final class ClientDiversity {
    private ClientDiversity() {
    }

    /** Blocks of one pair of clients (either may be unknown). */
    public record Count(Optional<Client> consensus, Optional<Client> execution, long blocks) {
    }

    /** One client's blocks and share among the identified ones. */
    public record ClientShare(Client client, long blocks, BigDecimal share) {
    }

    /** One layer's figures. */
    public record LayerFigures(long identified, Optional<BigDecimal> identifiedShare, List<ClientShare> clients,
            Optional<ClientShare> majority, boolean majorityAboveOneThird, boolean majorityAboveTwoThirds) {
    }

    /** The figures over a set of blocks. */
    public record Figures(long blocks, LayerFigures consensus, LayerFigures execution) {
    }

    public static Figures of(List<Count> counts) {
        long blocks = counts.stream().mapToLong(Count::blocks).sum();
        return new Figures(blocks, layer(counts, Layer.CONSENSUS, blocks), layer(counts, Layer.EXECUTION, blocks));
    }

    private static LayerFigures layer(List<Count> counts, Layer layer, long blocks) {
        Map<Client, Long> perClient = new EnumMap<>(Client.class);
        for (Count c : counts) {
            Optional<Client> client = layer == Layer.CONSENSUS ? c.consensus() : c.execution();
            client.ifPresent(k -> perClient.merge(k, c.blocks(), Long::sum));
        }
        long identified = perClient.values().stream().mapToLong(Long::longValue).sum();
        List<ClientShare> shares = new ArrayList<>();
        perClient.forEach((client, n) -> shares.add(new ClientShare(client, n, share(n, identified).orElseThrow())));
        shares.sort(Comparator.comparingLong(ClientShare::blocks).reversed()
                .thenComparing(s -> s.client().ordinal()));
        Optional<ClientShare> majority = shares.isEmpty() ? Optional.empty() : Optional.of(shares.get(0));
        long top = majority.map(ClientShare::blocks).orElse(0L);
        return new LayerFigures(identified, share(identified, blocks), List.copyOf(shares), majority,
                majority.isPresent() && 3 * top > identified, majority.isPresent() && 3 * top > 2 * identified);
    }

    static Optional<BigDecimal> share(long part, long whole) {
        return whole == 0 ? Optional.empty()
                : Optional.of(StakeShares.share(BigInteger.valueOf(part), BigInteger.valueOf(whole)));
    }

    /** Counts grouped by entity, in the order entities first appear. */
    public static Map<String, List<Count>> byEntity(List<EntityCount> rows) {
        Map<String, List<Count>> grouped = new LinkedHashMap<>();
        for (EntityCount r : rows) {
            grouped.computeIfAbsent(r.entity(), e -> new ArrayList<>()).add(r.count());
        }
        return grouped;
    }

    /** A count of one entity's blocks. */
    public record EntityCount(String entity, Count count) {
    }
}
