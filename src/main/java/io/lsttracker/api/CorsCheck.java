package io.lsttracker.api;

import io.lsttracker.config.ConfigException;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;

/**
 * Fails start-up on a CORS setting that would open more than meant: Micronaut reads an empty list of allowed
 * origins as "any origin" (CorsOriginConfiguration's default), so CORS on with no origins is refused, and origins
 * listed with CORS off are refused too rather than silently ignored.
 */
@Context
@Requires(property = "micronaut.server.cors.configurations.api")
final class CorsCheck {
    CorsCheck(@Value("${micronaut.server.cors.enabled:false}") boolean enabled,
            @Value("${micronaut.server.cors.configurations.api.allowed-origins:}") String origins) {
        boolean listed = origins != null && !origins.isBlank() && !origins.equals("[]");
        if (enabled && !listed) {
            throw new ConfigException("micronaut.server.cors.configurations.api.allowed-origins: CORS is on "
                    + "(LST_CORS_ENABLED) but no origin is listed (set LST_CORS_ORIGINS); an empty list would allow any origin");
        }
        if (!enabled && listed) {
            throw new ConfigException("micronaut.server.cors.enabled: origins are listed (LST_CORS_ORIGINS) but CORS is off "
                    + "(set LST_CORS_ENABLED=true)");
        }
    }
}
