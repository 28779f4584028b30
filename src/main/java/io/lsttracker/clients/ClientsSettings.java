package io.lsttracker.clients;

import io.lsttracker.config.ConfigException;
import io.lsttracker.config.Settings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;

/**
 * {@code tracker.clients.*}: reading proposed blocks for client diversity (docs/CLIENTS.md). Defaults in
 * application.yml.
 *
 * @param enabled       read blocks at all (LST_CLIENTS_ENABLED); nothing is read without a beacon node either
 * @param lookbackDays  where the first reading starts, in days before the finalized slot
 * @param slotsPerCycle slots read per cycle at most
 * @param inFlight      block requests in flight at once
 */
@Context
@ConfigurationProperties("tracker.clients")
public record ClientsSettings(@Nullable Boolean enabled, @Nullable Integer lookbackDays,
        @Nullable Integer slotsPerCycle, @Nullable Integer inFlight) {
    public ClientsSettings {
        Settings.required("tracker.clients.enabled", enabled, "true or false");
        between("tracker.clients.lookback-days", lookbackDays, 1, 3650);
        between("tracker.clients.slots-per-cycle", slotsPerCycle, 1, 1_000_000);
        between("tracker.clients.in-flight", inFlight, 1, 64);
    }

    private static void between(String key, Integer value, int least, int most) {
        Settings.required(key, value, "a whole number");
        if (value < least || value > most) {
            throw new ConfigException(key + ": must be between " + least + " and " + most + ", got " + value);
        }
    }

    public static ClientsSettings defaults() {
        return Settings.defaults("tracker.clients", ClientsSettings.class);
    }
}
