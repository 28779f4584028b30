package io.lsttracker.beacon;

import io.lsttracker.config.ConfigException;
import io.lsttracker.domain.BlockRef;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
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
        String url = settings.url() == null ? "" : settings.url().trim();
        Duration timeout = settings.timeout() == null ? Duration.ofSeconds(120) : settings.timeout();
        if (timeout.isZero() || timeout.isNegative()) {
            throw new ConfigException("tracker.beacon.timeout: must be positive, got " + timeout);
        }
        if (url.isEmpty()) {
            this.client = null;
            return;
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("tracker.beacon.url (LST_BEACON_URL): '" + url + "' is not a URL");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new ConfigException("tracker.beacon.url (LST_BEACON_URL): '" + url
                    + "' is not an http(s) URL such as http://localhost:5052");
        }
        this.client = new BeaconClient(url, timeout);
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
