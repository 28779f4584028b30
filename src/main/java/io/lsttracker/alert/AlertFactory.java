package io.lsttracker.alert;

import io.lsttracker.entity.EntityRegistry;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * The alert configuration (its entity rules checked against config/entities.yml) and the outbox dispatcher, from
 * config/alerts.yml and tracker.alerts.*.
 */
@Factory
public class AlertFactory {

    @Singleton
    AlertConfig alertConfig(AlertSettings settings, EntityRegistry entities) {
        return AlertConfigLoader.load(settings.file(), entities);
    }

    @Singleton
    OutboxDispatcher outboxDispatcher(AlertRepository repository, AlertConfig config, AlertSettings settings) {
        return new OutboxDispatcher(repository, config.webhooks(), settings.retryBase(), settings.retryMax(),
                settings.webhookTimeout());
    }
}
