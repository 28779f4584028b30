package io.lsttracker.alert;

import io.lsttracker.config.Settings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * {@code tracker.alerts.*} in application.yml (where the defaults are): the rules file (LST_ALERTS_FILE; empty
 * means ./config/alerts.yml, else the packaged copy), how often the outbox is sent (the scheduled job reads the
 * same key), the backoff of a failed delivery (retry-base x 2^(attempts - 1), at most retry-max) and the timeout
 * of one webhook call. A bad value stops start-up naming its key.
 */
@Context
@ConfigurationProperties("tracker.alerts")
public record AlertSettings(@Nullable String file, @Nullable Duration dispatchInterval, @Nullable Duration retryBase,
        @Nullable Duration retryMax, @Nullable Duration webhookTimeout) {
    public AlertSettings {
        Settings.positive("tracker.alerts.dispatch-interval", dispatchInterval);
        Settings.positive("tracker.alerts.retry-base", retryBase);
        Settings.positive("tracker.alerts.retry-max", retryMax);
        Settings.positive("tracker.alerts.webhook-timeout", webhookTimeout);
    }
}
