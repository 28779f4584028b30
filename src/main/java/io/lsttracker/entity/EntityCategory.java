package io.lsttracker.entity;

import java.util.Arrays;
import java.util.Optional;

/** What kind of staker an entity is (config/entities.yml's {@code category}; docs/ENTITIES.md). */
public enum EntityCategory {
    LIQUID_STAKING("liquid-staking"),
    EXCHANGE("exchange"),
    STAKING_PROVIDER("staking-provider"),
    RESTAKING("restaking"),
    SOLO("solo"),
    OTHER("other");

    private final String configName;

    EntityCategory(String configName) {
        this.configName = configName;
    }

    /** As config/entities.yml and the API write it. */
    public String configName() {
        return configName;
    }

    public static Optional<EntityCategory> fromConfigName(String name) {
        return Arrays.stream(values()).filter(c -> c.configName.equals(name)).findFirst();
    }
}
