package io.lsttracker.api;

import io.lsttracker.config.ConfigException;
import io.lsttracker.config.Settings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * The HTTP API's settings, {@code tracker.*} in application.yml (where the defaults are): the age of the last
 * successful snapshot at which /health turns DOWN (max-snapshot-age, LST_MAX_SNAPSHOT_AGE), the most points one
 * history query may return (api.max-history-points) and the admin endpoints' token (admin.token,
 * LST_ADMIN_TOKEN; empty turns them off). A bad value stops start-up naming its key.
 */
@Context
@ConfigurationProperties("tracker")
public record ApiSettings(@Nullable Duration maxSnapshotAge, Api api, Admin admin) {
    public ApiSettings {
        Settings.positive("tracker.max-snapshot-age", maxSnapshotAge);
    }

    @ConfigurationProperties("api")
    public record Api(@Nullable Long maxHistoryPoints) {
        public Api {
            Settings.required("tracker.api.max-history-points", maxHistoryPoints, "a whole number");
        }
    }

    /**
     * A token anyone could guess in a few million tries opens the admin endpoints to the network, so one shorter
     * than {@link #MIN_TOKEN_LENGTH} characters stops start-up (`openssl rand -hex 32` makes a good one).
     */
    @ConfigurationProperties("admin")
    public record Admin(@Nullable String token, @Nullable Integer maxFailuresPerMinute) {
        public static final int MIN_TOKEN_LENGTH = 32;

        public Admin {
            Settings.required("tracker.admin.max-failures-per-minute", maxFailuresPerMinute, "a whole number");
            if (maxFailuresPerMinute < 1) {
                throw new ConfigException("tracker.admin.max-failures-per-minute: at least 1, got " + maxFailuresPerMinute);
            }
            if (token != null && !token.isBlank() && token.trim().length() < MIN_TOKEN_LENGTH) {
                throw new ConfigException("tracker.admin.token (LST_ADMIN_TOKEN): at least " + MIN_TOKEN_LENGTH
                        + " characters, got " + token.trim().length() + " (e.g. the output of `openssl rand -hex 32`)");
            }
        }
    }
}
