package io.lsttracker.pool;

import io.lsttracker.config.Addresses;
import io.lsttracker.config.ConfigException;
import io.lsttracker.domain.PoolId;
import io.lsttracker.domain.Protocol;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.web3j.abi.datatypes.Address;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the pool registry (config/pools.yml) into typed {@link PoolDefinition}s, rejecting anything it
 * cannot use with a message that names the file and the key: an unknown protocol, a malformed or
 * mis-checksummed address, a missing or unexpected address role, an unknown field.
 *
 * <pre>
 * pools:
 *   rocketpool:                 # the pool id
 *     name: Rocket Pool         # optional, for display
 *     protocol: rocketpool      # one of Protocol, lower case
 *     token: rETH
 *     addresses:                # exactly the roles the protocol needs
 *       reth: "0xae78736Cd615f374D3085123A210448E74Fc6393"
 *       storage: "0x1d8f8f00cfa6758d7bE78336684788Fb0ee0Fa46"
 * </pre>
 */
public final class PoolRegistryLoader {
    static final String PACKAGED = "config/pools.yml";
    private static final Set<String> POOL_KEYS = Set.of("name", "protocol", "token", "addresses");

    private PoolRegistryLoader() {
    }

    /**
     * The registry from {@code explicitFile} if given; else ./config/pools.yml if the working directory has
     * one (a checkout of this repository); else the copy packaged in the jar.
     */
    public static PoolRegistry load(String explicitFile) {
        if (explicitFile != null && !explicitFile.isBlank()) {
            return loadFile(Path.of(explicitFile));
        }
        Path local = Path.of(PACKAGED);
        if (Files.isRegularFile(local)) {
            return loadFile(local);
        }
        try (InputStream in = PoolRegistryLoader.class.getClassLoader().getResourceAsStream(PACKAGED)) {
            if (in == null) {
                throw new ConfigException("no pool registry: " + PACKAGED + " is neither in the working directory "
                        + "nor packaged; set LST_POOLS_FILE");
            }
            return parse("classpath:" + PACKAGED, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException("cannot read the packaged " + PACKAGED + ": " + e.getMessage());
        }
    }

    static PoolRegistry loadFile(Path file) {
        try {
            return parse(file.toString(), Files.readString(file));
        } catch (IOException e) {
            throw new ConfigException("cannot read pool registry " + file + ": " + e);
        }
    }

    public static PoolRegistry parse(String source, String yaml) {
        Object root;
        try (Reader reader = new StringReader(yaml)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (YAMLException | IOException e) {
            throw new ConfigException(source + ": not valid YAML: " + e.getMessage());
        }
        Map<String, Object> top = map(source, "(top level)", root);
        Map<String, Object> pools = map(source, "pools", top.get("pools"));
        if (pools.isEmpty()) {
            throw new ConfigException(source + ": pools: no pool is configured");
        }
        List<PoolDefinition> definitions = new ArrayList<>();
        for (Map.Entry<String, Object> entry : pools.entrySet()) {
            definitions.add(pool(source, entry.getKey(), entry.getValue()));
        }
        return new PoolRegistry(source, definitions);
    }

    private static PoolDefinition pool(String source, String idText, Object value) {
        String key = "pools." + idText;
        PoolId id;
        try {
            id = new PoolId(idText);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source + ": " + key + ": " + e.getMessage());
        }
        Map<String, Object> fields = map(source, key, value);
        for (String field : fields.keySet()) {
            if (!POOL_KEYS.contains(field)) {
                throw new ConfigException(source + ": " + key + "." + field + ": unknown key (known: "
                        + String.join(", ", POOL_KEYS.stream().sorted().toList()) + ")");
            }
        }
        String protocolName = text(source, key + ".protocol", fields.get("protocol"));
        Protocol protocol = Protocol.fromConfigName(protocolName).orElseThrow(() -> new ConfigException(
                source + ": " + key + ".protocol: unknown protocol '" + protocolName + "' (known: "
                        + Arrays.stream(Protocol.values()).map(Protocol::configName).collect(Collectors.joining(", "))
                        + ")"));
        String token = text(source, key + ".token", fields.get("token"));
        String name = fields.containsKey("name") ? text(source, key + ".name", fields.get("name")) : idText;

        Map<String, Object> rawAddresses = map(source, key + ".addresses", fields.get("addresses"));
        Map<String, Address> addresses = new LinkedHashMap<>();
        for (String role : protocol.addressRoles()) {
            String roleKey = key + ".addresses." + role;
            if (!rawAddresses.containsKey(role)) {
                throw new ConfigException(source + ": " + roleKey + ": missing (a " + protocol.configName()
                        + " pool needs " + String.join(", ", protocol.addressRoles()) + ")");
            }
            try {
                addresses.put(role, Addresses.parse(roleKey, rawAddresses.get(role)));
            } catch (ConfigException e) {
                throw new ConfigException(source + ": " + e.getMessage());
            }
        }
        for (String role : protocol.optionalAddressRoles()) {
            if (rawAddresses.containsKey(role)) {
                try {
                    addresses.put(role, Addresses.parse(key + ".addresses." + role, rawAddresses.get(role)));
                } catch (ConfigException e) {
                    throw new ConfigException(source + ": " + e.getMessage());
                }
            }
        }
        for (String role : rawAddresses.keySet()) {
            if (!addresses.containsKey(role)) {
                List<String> roles = new ArrayList<>(protocol.addressRoles());
                roles.addAll(protocol.optionalAddressRoles());
                throw new ConfigException(source + ": " + key + ".addresses." + role + ": not an address role of "
                        + protocol.configName() + " (its roles: " + String.join(", ", roles) + ")");
            }
        }
        return new PoolDefinition(id, name, protocol, token, addresses);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(String source, String key, Object value) {
        if (!(value instanceof Map<?, ?> raw)) {
            throw new ConfigException(source + ": " + key + ": expected a mapping, found "
                    + (value == null ? "nothing" : "'" + value + "'"));
        }
        for (Object k : raw.keySet()) {
            if (!(k instanceof String)) {
                throw new ConfigException(source + ": " + key + ": key '" + k + "' is not a string");
            }
        }
        return (Map<String, Object>) raw;
    }

    private static String text(String source, String key, Object value) {
        if (!(value instanceof String s) || s.isBlank()) {
            throw new ConfigException(source + ": " + key + ": expected a non-empty string, found "
                    + (value == null ? "nothing" : "'" + value + "'"));
        }
        return s.trim();
    }
}
