package io.lsttracker.beacon;

import io.lsttracker.config.ConfigException;
import io.lsttracker.config.Settings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import java.net.URI;
import java.time.Duration;

/**
 * {@code tracker.beacon.*}: the beacon node's REST API (LST_BEACON_URL), empty for none, and the timeout of
 * one request (LST_BEACON_TIMEOUT; a mainnet validator list is hundreds of MB, so application.yml's default is
 * generous). A bad value stops start-up naming its key.
 */
@Context
@ConfigurationProperties("tracker.beacon")
public record BeaconSettings(@Nullable String url, @Nullable Duration timeout) {
    public BeaconSettings {
        url = url == null ? "" : url.trim();
        Settings.positive("tracker.beacon.timeout", timeout);
        if (!url.isEmpty()) {
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
        }
    }

    public static BeaconSettings defaults() {
        return Settings.defaults("tracker.beacon", BeaconSettings.class);
    }
}
