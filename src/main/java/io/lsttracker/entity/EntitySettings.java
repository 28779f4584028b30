package io.lsttracker.entity;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;

/**
 * {@code tracker.entities-file} (LST_ENTITIES_FILE): the entity labels to read; empty means
 * ./config/entities.yml if the working directory has one, else the copy packaged in the jar.
 */
@Context
@ConfigurationProperties("tracker")
public record EntitySettings(@Nullable String entitiesFile) {
}
