package io.lsttracker.beacon;

import io.lsttracker.domain.BlockRef;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The total staked from the configured beacon node. Without one, or when it fails, the reading says why and
 * the snapshot is stored without shares of all staked ETH: a beacon node that is down must not cost history.
 *
 * <p>Balances move once an epoch (32 slots, 6.4 minutes) while snapshots come every poll interval (60 s by default),
 * and each reading streams the whole validator set: so the validator set is read at most once an epoch, and the
 * snapshots in between reuse that reading, whose {@link TotalStaked#slot()} says which slot it came from.
 */
@Singleton
public final class BeaconStakedTotal implements StakedTotalSource {
    private static final Logger LOG = LoggerFactory.getLogger(BeaconStakedTotal.class);
    static final String NOT_CONFIGURED = "no beacon node is configured (set LST_BEACON_URL to a beacon node's REST API)";

    /** Consensus specs, phase0 mainnet preset: SLOTS_PER_EPOCH. */
    static final long SLOTS_PER_EPOCH = 32;

    private final BeaconClient client;
    private volatile Cached last;

    private record Cached(long epoch, TotalStaked total) {
    }

    @jakarta.inject.Inject
    public BeaconStakedTotal(BeaconNode node) {
        this.client = node.client().orElse(null);
    }

    /** A source of its own on {@code settings}' node (tests). */
    public BeaconStakedTotal(BeaconSettings settings) {
        this(new BeaconNode(settings));
    }

    @Override
    public Reading read(BlockRef block) {
        if (client == null) {
            return Reading.absent(NOT_CONFIGURED);
        }
        try {
            long epoch = client.slotAt(block.timestamp()) / SLOTS_PER_EPOCH;
            Cached cached = last;
            if (cached != null && cached.epoch() == epoch) {
                return Reading.of(cached.total());
            }
            TotalStaked total = client.totalStakedAt(block.timestamp());
            last = new Cached(epoch, total);
            return Reading.of(total);
        } catch (BeaconReadException e) {
            LOG.warn("total staked for block {} not read: {}", block.number(), e.getMessage());
            return Reading.absent("the beacon node failed for block " + block.number() + ": " + e.getMessage());
        }
    }
}
