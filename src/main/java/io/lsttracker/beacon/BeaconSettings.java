package io.lsttracker.beacon;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * {@code tracker.beacon.*}: the beacon node's REST API (LST_BEACON_URL), empty for none, and the timeout of
 * one request (a mainnet validator list is hundreds of MB, so the default is generous).
 */
@ConfigurationProperties("tracker.beacon")
public record BeaconSettings(String url, Duration timeout) {
}
