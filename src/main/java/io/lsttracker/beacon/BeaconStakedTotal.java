package io.lsttracker.beacon;

import io.lsttracker.domain.BlockRef;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The total staked from the configured beacon node. Without one, or when it fails, the reading says why and
 * the snapshot is stored without shares of all staked ETH: a beacon node that is down must not cost history.
 */
@Singleton
public final class BeaconStakedTotal implements StakedTotalSource {
    private static final Logger LOG = LoggerFactory.getLogger(BeaconStakedTotal.class);
    static final String NOT_CONFIGURED = "no beacon node is configured (set LST_BEACON_URL to a beacon node's REST API)";

    private final BeaconClient client;

    public BeaconStakedTotal(BeaconSettings settings) {
        this.client = settings.url().isEmpty() ? null : new BeaconClient(settings.url(), settings.timeout());
    }

    @Override
    public Reading read(BlockRef block) {
        if (client == null) {
            return Reading.absent(NOT_CONFIGURED);
        }
        try {
            return Reading.of(client.totalStakedAt(block.timestamp()));
        } catch (BeaconReadException e) {
            LOG.warn("total staked for block {} not read: {}", block.number(), e.getMessage());
            return Reading.absent("the beacon node failed for block " + block.number() + ": " + e.getMessage());
        }
    }
}
