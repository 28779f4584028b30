package io.lsttracker.pool;

import io.lsttracker.config.ConfigException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.domain.PoolId;
import io.lsttracker.domain.Protocol;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.abi.datatypes.Address;

class PoolRegistryLoaderTest {
    private static final String ROCKETPOOL = """
            pools:
              rocketpool:
                protocol: rocketpool
                token: rETH
                addresses:
                  reth: "0xae78736Cd615f374D3085123A210448E74Fc6393"
                  storage: "0x1d8f8f00cfa6758d7bE78336684788Fb0ee0Fa46"
            """;

    @Test
    void theRepositoryRegistryHasLidoAndRocketPool() {
        PoolRegistry registry = PoolRegistryLoader.loadFile(Path.of(System.getenv().getOrDefault(
                "LST_PROJECT_DIR", ".")).resolve("config/pools.yml"));
        assertEquals("lido", registry.pools().get(0).id().value());
        assertEquals(Protocol.LIDO, registry.pools().get(0).protocol());
        assertEquals(new Address("0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84"),
                registry.find(new PoolId("lido")).orElseThrow().address("steth"));
        assertEquals("rocketpool", registry.pools().get(1).id().value());
    }

    @Test
    void addingAPoolOfAKnownProtocolIsAConfigChangeOnly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pools.yml");
        Files.writeString(file, ROCKETPOOL + """
                  rocketpool-copy:
                    name: Another rETH-like pool
                    protocol: rocketpool
                    token: xETH
                    addresses:
                      reth: "0x0000000000000000000000000000000000000001"
                      storage: "0x0000000000000000000000000000000000000002"
                """);
        PoolRegistry registry = PoolRegistryLoader.load(file.toString());
        assertEquals(2, registry.pools().size());
        assertEquals("xETH", registry.pools().get(1).token());
        assertEquals(file.toString(), registry.source());
    }

    @Test
    void lidosModulesAreOptionalRolesCheckedLikeTheOthers(@TempDir Path dir) throws Exception {
        PoolRegistry registry = PoolRegistryLoader.loadFile(Path.of(System.getenv().getOrDefault(
                "LST_PROJECT_DIR", ".")).resolve("config/pools.yml"));
        PoolDefinition lido = registry.find(new PoolId("lido")).orElseThrow();
        assertEquals(new Address("0x55032650b14df07b85bF18A3a3eC8E0Af2e028d5"), lido.optionalAddress("curated").orElseThrow());
        assertEquals(new Address("0xaE7B191A31f627b4eB1d4DaC64eaB9976995b433"),
                lido.optionalAddress("simpledvt").orElseThrow());
        String lidoYaml = """
                pools:
                  lido:
                    protocol: lido
                    token: stETH
                    addresses:
                      steth: "0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84"
                      wsteth: "0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0"
                """;
        Path file = dir.resolve("pools.yml");
        Files.writeString(file, lidoYaml);
        assertTrue(PoolRegistryLoader.load(file.toString()).pools().get(0).optionalAddress("curated").isEmpty());
        assertRejected(lidoYaml + "      curated: \"0x5503\"\n", 8, "pools.lido.addresses.curated: '0x5503' is not an address");
        assertRejected(lidoYaml + "      simple-dvt: \"0x0000000000000000000000000000000000000001\"\n", 8,
                "pools.lido.addresses.simple-dvt: not an address role of lido (its roles: steth, wsteth, curated, simpledvt, csm, withdrawalqueue)");
    }

    @Test
    void unknownProtocolNamesTheKeyAndTheKnownOnes() {
        assertRejected(ROCKETPOOL.replace("protocol: rocketpool", "protocol: rocketpol"), 3,
                "pools.rocketpool.protocol: unknown protocol 'rocketpol' (known: lido, rocketpool");
    }

    @Test
    void malformedAddressNamesTheKey() {
        assertRejected(ROCKETPOOL.replace("\"0x1d8f8f00cfa6758d7bE78336684788Fb0ee0Fa46\"", "\"0x1d8f\""), 7,
                "pools.rocketpool.addresses.storage: '0x1d8f' is not an address");
    }

    @Test
    void mistypedMixedCaseAddressFailsItsChecksum() {
        assertRejected(ROCKETPOOL.replace("0x1d8f8f00cfa6758d7bE78336684788Fb0ee0Fa46",
                "0x1d8f8f00cfa6758d7bE78336684788Fb0ee0Fa47"), 7, "pools.rocketpool.addresses.storage: "
                + "'0x1d8f8f00cfa6758d7bE78336684788Fb0ee0Fa47' fails its EIP-55 checksum");
    }

    @Test
    void unquotedAddressIsExplained() {
        assertRejected(ROCKETPOOL.replace("\"0xae78736Cd615f374D3085123A210448E74Fc6393\"",
                "0xae78736cd615f374d3085123a210448e74fc6393"), 6,
                "pools.rocketpool.addresses.reth: write the address in quotes");
    }

    @Test
    void missingAndUnexpectedRolesAndKeysAreNamed() {
        // A key left out is placed at the line of the mapping it belongs in.
        assertRejected(ROCKETPOOL.replace("      storage: \"0x1d8f8f00cfa6758d7bE78336684788Fb0ee0Fa46\"\n", ""), 5,
                "pools.rocketpool.addresses.storage: missing (a rocketpool pool needs reth, storage)");
        assertRejected(ROCKETPOOL + "      vault: \"0x0000000000000000000000000000000000000003\"\n", 8,
                "pools.rocketpool.addresses.vault: not an address role of rocketpool");
        assertRejected(ROCKETPOOL.replace("    token: rETH", "    token: rETH\n    tokn: x"), 5,
                "pools.rocketpool.tokn: unknown key (known: addresses, name, protocol, token)");
        assertRejected(ROCKETPOOL.replace("    token: rETH\n", ""), 2,
                "pools.rocketpool.token: expected a non-empty string, found nothing");
        assertRejected("pools: {}\n", 1, "pools: no pool is configured");
        assertRejected("pool:\n  x: 1\n", 1, "pools: expected a mapping, found nothing");
        assertRejected(ROCKETPOOL.replace("  rocketpool:", "  Rocket_Pool:"), 2, "pools.Rocket_Pool: a pool id is");
        assertRejected("pools: [\n", 1, "not valid YAML");
    }

    @Test
    void valuesOfTheWrongKindAreNamedWithWhatWasFound() {
        assertRejected(ROCKETPOOL.replace("token: rETH", "token: 5"), 4,
                "pools.rocketpool.token: expected a non-empty string, found '5'");
        assertRejected(ROCKETPOOL.replace("token: rETH", "token: [rETH]"), 4,
                "pools.rocketpool.token: expected a non-empty string, found a list");
        assertRejected(ROCKETPOOL.replace("token: rETH", "token:"), 4,
                "pools.rocketpool.token: expected a non-empty string, found nothing");
        assertRejected(ROCKETPOOL.replace("token: rETH", "token: rETH\n    name: \"  \""), 5,
                "pools.rocketpool.name: expected a non-empty string, found '  '");
        assertRejected(ROCKETPOOL.replace("    addresses:\n", "    addresses: 5\n").replaceAll("      [a-z]+: .*\n", ""), 5,
                "pools.rocketpool.addresses: expected a mapping, found '5'");
        assertRejected("pools:\n  rocketpool:\n", 2, "pools.rocketpool: expected a mapping, found nothing");
        assertRejected("- pools\n", 1, "(top level): expected a mapping, found a list");
    }

    @Test
    void otherTopLevelKeysAreLeftAlone() {
        assertEquals(1, PoolRegistryLoader.parse("test.yml", "version: 1\n" + ROCKETPOOL).pools().size());
    }

    private static void assertRejected(String yaml, int line, String fragment) {
        ConfigException e = assertThrows(ConfigException.class, () -> PoolRegistryLoader.parse("test.yml", yaml));
        assertTrue(e.getMessage().startsWith("test.yml:" + line + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void aPoolIdWrittenTwiceIsRefusedNamingBothLines() {
        ConfigException e = assertThrows(ConfigException.class, () -> PoolRegistryLoader.parse("p.yml", ROCKETPOOL
                + ROCKETPOOL.substring("pools:\n".length()).replace("0x1d8f8f00cfa6758d7bE78336684788Fb0ee0Fa46",
                        "0x0000000000000000000000000000000000000002")));
        assertEquals("p.yml:8: pools.rocketpool: written twice (first on line 2); keep one", e.getMessage());
    }

    @Test
    void aKeyWrittenTwiceInsideAPoolIsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> PoolRegistryLoader.parse("p.yml",
                ROCKETPOOL + "    token: xETH\n"));
        assertEquals("p.yml:8: pools.rocketpool.token: written twice (first on line 4); keep one", e.getMessage());
    }

    @Test
    void theSameContractUnderTwoPoolIdsIsRefusedNamingBoth() {
        ConfigException e = assertThrows(ConfigException.class, () -> PoolRegistryLoader.parse("p.yml", ROCKETPOOL + """
                  reth-again:
                    protocol: rocketpool
                    token: rETH
                    addresses:
                      reth: "0xae78736cd615f374d3085123a210448e74fc6393"
                      storage: "0x0000000000000000000000000000000000000002"
                """));
        assertEquals("p.yml:12: pools.reth-again.addresses.reth: 0xae78736cd615f374d3085123a210448e74fc6393 is also "
                + "pools.rocketpool.addresses.reth: pools rocketpool and reth-again would read the same contract and "
                + "count it twice", e.getMessage());
    }
}
