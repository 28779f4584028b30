package io.lsttracker.beacon;

import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The configured beacon node (tracker.beacon.*): one {@link BeaconClient} that every reader shares (the staked total,
 * the entity reading, the proposals), so the node is reached through one HTTP client and its genesis is read once.
 * Empty when no beacon node is configured.
 */
@Singleton
public final class BeaconNode {
    private final Optional<BeaconClient> client;

    public BeaconNode(BeaconSettings settings) {
        this.client = settings.url().isEmpty() ? Optional.empty()
                : Optional.of(new BeaconClient(settings.url(), settings.timeout()));
    }

    /** The client of the configured node, if one is configured. */
    public Optional<BeaconClient> client() {
        return client;
    }
}
