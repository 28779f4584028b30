package io.lsttracker.alert;

import io.lsttracker.config.ConfigException;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Duration;

/** The alert configuration and the outbox dispatcher, from config/alerts.yml and tracker.alerts.*. */
@Factory
public class AlertFactory {

    @Singleton
    AlertConfig alertConfig(@Nullable @Value("${tracker.alerts.file:}") String file) {
        return AlertConfigLoader.load(file);
    }

    @Singleton
    OutboxDispatcher outboxDispatcher(AlertRepository repository, AlertConfig config,
            @Value("${tracker.alerts.retry-base:10s}") Duration base,
            @Value("${tracker.alerts.retry-max:1h}") Duration max,
            @Value("${tracker.alerts.webhook-timeout:10s}") Duration timeout) {
        positive("tracker.alerts.retry-base", base);
        positive("tracker.alerts.retry-max", max);
        positive("tracker.alerts.webhook-timeout", timeout);
        return new OutboxDispatcher(repository, config.webhooks(), base, max, timeout);
    }

    private static void positive(String key, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw new ConfigException(key + ": must be positive, got " + value);
        }
    }
}
