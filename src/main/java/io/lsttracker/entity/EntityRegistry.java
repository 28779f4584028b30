package io.lsttracker.entity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The entities of config/entities.yml, in the file's order, with the indexes attribution looks them up by. */
public final class EntityRegistry {
    private final String source;
    private final Map<String, Entity> byId = new LinkedHashMap<>();
    private final Map<String, Entity> byDepositor = new LinkedHashMap<>();
    private final Map<CredentialSource, Entity> byCredentials = new LinkedHashMap<>();

    /** The loader has checked that ids, addresses and credential sources are each unique. */
    EntityRegistry(String source, List<Entity> entities) {
        this.source = source;
        for (Entity entity : entities) {
            byId.put(entity.id(), entity);
            entity.credentials().ifPresent(c -> byCredentials.put(c, entity));
            for (Depositor depositor : entity.depositors()) {
                byDepositor.put(depositor.address(), entity);
            }
        }
    }

    /** Where the registry was read from (a file, or classpath:config/entities.yml). */
    public String source() {
        return source;
    }

    public List<Entity> entities() {
        return List.copyOf(byId.values());
    }

    public Optional<Entity> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The entity an address (any case) deposits for, if it is labelled. */
    public Optional<Entity> byDepositor(String address) {
        return Optional.ofNullable(byDepositor.get(address.toLowerCase(java.util.Locale.ROOT)));
    }

    /** The entity whose credentials this protocol's contracts name, if one is configured. */
    public Optional<Entity> byCredentials(CredentialSource source) {
        return Optional.ofNullable(byCredentials.get(source));
    }

    /** Every labelled address and its entity. */
    public Map<String, Entity> depositors() {
        return Collections.unmodifiableMap(byDepositor);
    }
}
