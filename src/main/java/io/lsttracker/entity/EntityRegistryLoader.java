package io.lsttracker.entity;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.lsttracker.config.Addresses;
import io.lsttracker.config.ConfigException;
import io.lsttracker.config.ConfigFile;
import io.lsttracker.domain.PoolId;
import io.lsttracker.pool.PoolRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads config/entities.yml into an {@link EntityRegistry}, refusing anything it cannot use with a message that
 * names the file, the line and the key: an id that is not lower-case letters, digits and dashes (or is
 * "unidentified"), an id or key written twice, an unknown category or credential source, a pool that
 * config/pools.yml does not have, a malformed or mis-checksummed address, an address under two entities (both
 * named), a protocol's credentials claimed by two entities, an entity with no rule at all. The format and every
 * rule: docs/ENTITIES.md.
 */
public final class EntityRegistryLoader {
    static final String PACKAGED = "config/entities.yml";
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    /** The file's top level: only {@code entities} is read. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    private record EntitiesFile(Map<String, EntityEntry> entities) {
    }

    private record EntityEntry(String name, String category, String pool, String credentials,
            List<DepositorEntry> depositors) {
    }

    /** An address is kept as YAML read it: a bare 0x... arrives as a number, which {@link Addresses} explains. */
    private record DepositorEntry(Object address, String source) {
    }

    private EntityRegistryLoader() {
    }

    /**
     * The registry from {@code explicitFile} if given; else ./config/entities.yml if the working directory has one;
     * else the copy packaged in the jar. Each entity's {@code pool} must be one of {@code pools}' ids.
     */
    public static EntityRegistry load(String explicitFile, PoolRegistry pools) {
        return registry(ConfigFile.load(explicitFile, PACKAGED, "entity labels", "LST_ENTITIES_FILE",
                EntitiesFile.class), pools);
    }

    /** As {@link #load(String, PoolRegistry)} without checking pool ids against a registry (the devchain's use). */
    public static EntityRegistry load(String explicitFile) {
        return load(explicitFile, null);
    }

    public static EntityRegistry parse(String source, String yaml, PoolRegistry pools) {
        return registry(ConfigFile.parse(source, yaml, EntitiesFile.class), pools);
    }

    private static EntityRegistry registry(ConfigFile<EntitiesFile> file, PoolRegistry pools) {
        Map<String, EntityEntry> written = file.required("entities", file.content().entities(), "a mapping");
        List<Entity> entities = new ArrayList<>();
        Map<String, String> addressOwner = new HashMap<>();
        Map<CredentialSource, String> credentialOwner = new HashMap<>();
        for (Map.Entry<String, EntityEntry> e : written.entrySet()) {
            Entity entity = entity(file, e.getKey(), e.getValue(), pools);
            entity.credentials().ifPresent(c -> {
                String other = credentialOwner.putIfAbsent(c, entity.id());
                if (other != null) {
                    throw file.error("entities." + entity.id() + ".credentials", "the " + c.configName()
                            + " credentials are already entities." + other + "'s");
                }
            });
            for (int i = 0; i < entity.depositors().size(); i++) {
                String address = entity.depositors().get(i).address();
                String other = addressOwner.putIfAbsent(address, entity.id());
                if (other != null) {
                    throw file.error("entities." + entity.id() + ".depositors[" + i + "].address", address
                            + " is listed under both entities." + other + " and entities." + entity.id()
                            + " (an address belongs to one entity)");
                }
            }
            entities.add(entity);
        }
        return new EntityRegistry(file.source(), entities);
    }

    private static Entity entity(ConfigFile<?> file, String id, EntityEntry written, PoolRegistry pools) {
        String key = "entities." + id;
        if (!ID.matcher(id).matches()) {
            throw file.error(key, "an entity id is 1-40 lower-case letters, digits or dashes; got '" + id + "'");
        }
        if (Entity.UNIDENTIFIED.equals(id)) {
            throw file.error(key, "'" + Entity.UNIDENTIFIED + "' is reserved for validators no rule attributes");
        }
        EntityEntry entry = file.required(key, written, "a mapping");
        String name = file.text(key + ".name", entry.name());
        String categoryName = file.text(key + ".category", entry.category());
        EntityCategory category = EntityCategory.fromConfigName(categoryName).orElseThrow(() -> file.error(
                key + ".category", "unknown category '" + categoryName + "' (known: " + Arrays.stream(
                        EntityCategory.values()).map(EntityCategory::configName).collect(Collectors.joining(", "))
                        + ")"));
        Optional<PoolId> pool = file.optional(key + ".pool", entry.pool(), "a pool id")
                .map(p -> pool(file, key + ".pool", p, pools));
        Optional<CredentialSource> credentials = file.optional(key + ".credentials", entry.credentials(),
                "a protocol").map(c -> CredentialSource.fromConfigName(c).orElseThrow(() -> file.error(
                        key + ".credentials", "unknown credential source '" + c + "' (known: " + Arrays.stream(
                                CredentialSource.values()).map(CredentialSource::configName)
                                .collect(Collectors.joining(", ")) + ")")));
        List<DepositorEntry> given = file.optional(key + ".depositors", entry.depositors(), "a list")
                .orElse(List.of());
        List<Depositor> depositors = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String item = key + ".depositors[" + i + "]";
            DepositorEntry d = file.required(item, given.get(i), "a mapping with address and source");
            String address;
            try {
                address = Addresses.parse(d.address()).getValue().toLowerCase(Locale.ROOT);
            } catch (ConfigException e) {
                throw file.error(item + ".address", e.getMessage());
            }
            depositors.add(new Depositor(address, file.text(item + ".source", d.source())));
        }
        if (credentials.isEmpty() && depositors.isEmpty()) {
            throw file.error(key, "no rule attributes anything to it: give credentials or depositors");
        }
        return new Entity(id, name, category, pool, credentials, depositors);
    }

    private static PoolId pool(ConfigFile<?> file, String key, String text, PoolRegistry pools) {
        PoolId id;
        try {
            id = new PoolId(text);
        } catch (IllegalArgumentException e) {
            throw file.error(key, e.getMessage());
        }
        if (pools != null && pools.find(id).isEmpty()) {
            throw file.error(key, "no pool '" + text + "' in " + pools.source());
        }
        return id;
    }
}
