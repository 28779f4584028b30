package io.lsttracker.pool;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.lsttracker.config.Addresses;
import io.lsttracker.config.ConfigException;
import io.lsttracker.config.ConfigFile;
import io.lsttracker.domain.PoolId;
import io.lsttracker.domain.Protocol;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.web3j.abi.datatypes.Address;

/**
 * Reads the pool registry (config/pools.yml) into typed {@link PoolDefinition}s, rejecting anything it
 * cannot use with a message that names the file, the line and the key: an unknown protocol, a malformed or
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

    /** The file's top level: only {@code pools} is read, other keys are left alone. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    private record PoolsFile(Map<String, PoolEntry> pools) {
    }

    /**
     * One pool as written. An address is kept as YAML read it: a bare 0x... arrives as a number, which
     * {@link Addresses#parse} explains rather than mis-reads.
     */
    private record PoolEntry(String name, String protocol, String token, Map<String, Object> addresses) {
    }

    private PoolRegistryLoader() {
    }

    /**
     * The registry from {@code explicitFile} if given; else ./config/pools.yml if the working directory has
     * one (a checkout of this repository); else the copy packaged in the jar.
     */
    public static PoolRegistry load(String explicitFile) {
        return registry(ConfigFile.load(explicitFile, PACKAGED, "pool registry", "LST_POOLS_FILE", PoolsFile.class));
    }

    static PoolRegistry loadFile(Path file) {
        return registry(ConfigFile.loadFile(file, "pool registry", PoolsFile.class));
    }

    public static PoolRegistry parse(String source, String yaml) {
        return registry(ConfigFile.parse(source, yaml, PoolsFile.class));
    }

    private static PoolRegistry registry(ConfigFile<PoolsFile> file) {
        Map<String, PoolEntry> pools = file.required("pools", file.content().pools(), "a mapping");
        if (pools.isEmpty()) {
            throw file.error("pools", "no pool is configured");
        }
        List<PoolDefinition> definitions = new ArrayList<>();
        pools.forEach((id, entry) -> definitions.add(pool(file, id, entry)));
        refuseSharedContracts(file, definitions);
        return new PoolRegistry(file.source(), definitions);
    }

    private static PoolDefinition pool(ConfigFile<?> file, String idText, PoolEntry written) {
        String key = "pools." + idText;
        PoolId id;
        try {
            id = new PoolId(idText);
        } catch (IllegalArgumentException e) {
            throw file.error(key, e.getMessage());
        }
        PoolEntry entry = file.required(key, written, "a mapping");
        String protocolName = file.text(key + ".protocol", entry.protocol());
        Protocol protocol = Protocol.fromConfigName(protocolName).orElseThrow(() -> file.error(key + ".protocol",
                "unknown protocol '" + protocolName + "' (known: "
                        + Arrays.stream(Protocol.values()).map(Protocol::configName).collect(Collectors.joining(", "))
                        + ")"));
        String token = file.text(key + ".token", entry.token());
        String name = file.optional(key + ".name", entry.name(), "a non-empty string")
                .map(n -> file.text(key + ".name", n)).orElse(idText);

        Map<String, Object> given = file.required(key + ".addresses", entry.addresses(), "a mapping");
        Map<String, Address> addresses = new LinkedHashMap<>();
        for (String role : protocol.addressRoles()) {
            if (!given.containsKey(role)) {
                throw file.error(key + ".addresses." + role, "missing (a " + protocol.configName()
                        + " pool needs " + String.join(", ", protocol.addressRoles()) + ")");
            }
            addresses.put(role, address(file, key + ".addresses." + role, given.get(role)));
        }
        for (String role : protocol.optionalAddressRoles()) {
            if (given.containsKey(role)) {
                addresses.put(role, address(file, key + ".addresses." + role, given.get(role)));
            }
        }
        for (String role : given.keySet()) {
            if (!addresses.containsKey(role)) {
                List<String> roles = new ArrayList<>(protocol.addressRoles());
                roles.addAll(protocol.optionalAddressRoles());
                throw file.error(key + ".addresses." + role, "not an address role of " + protocol.configName()
                        + " (its roles: " + String.join(", ", roles) + ")");
            }
        }
        return new PoolDefinition(id, name, protocol, token, addresses);
    }

    /**
     * One contract under two pool ids would be read twice and counted twice in every share (README:
     * "Concentration and alerts"); no two pools' contracts are the same, so a shared address is a copy-paste slip.
     */
    private static void refuseSharedContracts(ConfigFile<?> file, List<PoolDefinition> definitions) {
        record Owner(String pool, String key) {
        }
        Map<Address, Owner> owners = new HashMap<>();
        for (PoolDefinition pool : definitions) {
            List<String> roles = new ArrayList<>(pool.protocol().addressRoles());
            roles.addAll(pool.protocol().optionalAddressRoles());
            for (String role : roles) {
                Address address = pool.addresses().get(role);
                if (address == null) {
                    continue;
                }
                String id = pool.id().value();
                Owner here = new Owner(id, "pools." + id + ".addresses." + role);
                Owner first = owners.putIfAbsent(address, here);
                if (first != null && !first.pool().equals(id)) {
                    throw file.error(here.key(), address + " is also " + first.key() + ": pools " + first.pool()
                            + " and " + id + " would read the same contract and count it twice");
                }
            }
        }
    }

    private static Address address(ConfigFile<?> file, String key, Object written) {
        try {
            return Addresses.parse(written);
        } catch (ConfigException e) {
            throw file.error(key, e.getMessage());
        }
    }
}
