package io.lsttracker.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.config.ConfigException;
import io.lsttracker.domain.PoolId;
import io.lsttracker.pool.PoolRegistry;
import io.lsttracker.pool.PoolRegistryLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntityRegistryLoaderTest {
    private static final Path PROJECT = Path.of(System.getenv().getOrDefault("LST_PROJECT_DIR", "."));
    private static final PoolRegistry POOLS = PoolRegistryLoader.load(PROJECT.resolve("config/pools.yml").toString());

    private static final String TWO = """
            entities:
              lido:
                name: Lido
                category: liquid-staking
                pool: lido
                credentials: lido
              kiln:
                name: Kiln
                category: staking-provider
                depositors:
                  - address: "0x9b8c989ff27e948f55b53bb19b3cc1947852e394"
                    source: "spellbook: Kiln 1"
            """;

    @Test
    void theShippedLabelsLoadAgainstTheShippedPools() {
        EntityRegistry registry = EntityRegistryLoader.load(PROJECT.resolve("config/entities.yml").toString(), POOLS);
        Entity lido = registry.byId("lido").orElseThrow();
        assertEquals(Optional.of(CredentialSource.LIDO), lido.credentials());
        assertEquals(Optional.of(new PoolId("lido")), lido.pool());
        assertEquals(EntityCategory.LIQUID_STAKING, lido.category());
        assertEquals("binance", registry.byDepositor("0xF17ACED3C7A8DAA29EBB90DB8D1B6EFD8C364A18").orElseThrow()
                .id());
        assertEquals("rocketpool", registry.byCredentials(CredentialSource.ROCKETPOOL).orElseThrow().id());
        assertEquals("stakewise", registry.byCredentials(CredentialSource.STAKEWISE).orElseThrow().id());
        for (String id : List.of("coinbase", "binance", "kraken", "okx", "bitcoin-suisse", "kiln", "figment",
                "everstake", "etherfi", "frax", "mantle", "stader", "swell", "ankr")) {
            Entity entity = registry.byId(id).orElseThrow(() -> new AssertionError(id));
            assertTrue(!entity.depositors().isEmpty(), id);
            entity.depositors().forEach(d -> assertTrue(d.address().matches("0x[0-9a-f]{40}")
                    && d.source().startsWith("spellbook "), d.toString()));
        }
        // Every tracked pool has its entity, so its token-side figures sit next to its beacon stake.
        POOLS.pools().forEach(p -> assertTrue(registry.entities().stream()
                .anyMatch(e -> e.pool().equals(Optional.of(p.id()))), p.id().value()));
    }

    @Test
    void aUsersFileReplacesTheShippedOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mine.yml");
        Files.writeString(file, TWO);
        EntityRegistry registry = EntityRegistryLoader.load(file.toString(), POOLS);
        assertEquals(List.of("lido", "kiln"), registry.entities().stream().map(Entity::id).toList());
        assertEquals(file.toString(), registry.source());
        assertEquals(List.of(new Depositor("0x9b8c989ff27e948f55b53bb19b3cc1947852e394", "spellbook: Kiln 1")),
                registry.byId("kiln").orElseThrow().depositors());
        assertEquals(Optional.empty(), registry.byCredentials(CredentialSource.ROCKETPOOL));
    }

    @Test
    void badLabelsAreNamedWithFileLineAndKey() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put(TWO.replace("  kiln:", "  Kiln:"),
                "t.yml:7: entities.Kiln: an entity id is 1-40 lower-case letters, digits or dashes; got 'Kiln'");
        cases.put(TWO.replace("  kiln:", "  unidentified:"),
                "t.yml:7: entities.unidentified: 'unidentified' is reserved for validators no rule attributes");
        cases.put(TWO.replace("  kiln:", "  lido:"), "t.yml:7: entities.lido: written twice (first on line 2); keep one");
        cases.put(TWO + """
                  kiln-2:
                    name: Kiln again
                    category: staking-provider
                    depositors:
                      - address: "0x0000000000000000000000000000000000000001"
                        source: "mine"
                      - address: "0x9B8C989FF27E948F55B53BB19B3CC1947852E394"
                        source: "mine"
                """, "t.yml:19: entities.kiln-2.depositors[1].address: 0x9b8c989ff27e948f55b53bb19b3cc1947852e394 is "
                + "listed under both entities.kiln and entities.kiln-2 (an address belongs to one entity)");
        cases.put(TWO.replace("category: staking-provider", "category: cex"),
                "t.yml:9: entities.kiln.category: unknown category 'cex' (known: liquid-staking, exchange, "
                        + "staking-provider, restaking, solo, other)");
        cases.put(TWO.replace("credentials: lido", "credentials: coinbase"),
                "t.yml:6: entities.lido.credentials: unknown credential source 'coinbase' (known: lido, "
                        + "rocketpool, stakewise, etherfi, stader, swell, mantle, frax)");
        cases.put(TWO + """
                  lido-2:
                    name: Lido again
                    category: liquid-staking
                    credentials: lido
                """, "t.yml:16: entities.lido-2.credentials: the lido credentials are already entities.lido's");
        cases.put(TWO.replace("pool: lido", "pool: lidoo"), "t.yml:5: entities.lido.pool: no pool 'lidoo' in ");
        cases.put(TWO.replace("0x9b8c989ff27e948f55b53bb19b3cc1947852e394", "0x9B8c989ff27e948f55b53bb19b3cc1947852e394"),
                "t.yml:11: entities.kiln.depositors[0].address: '0x9B8c989ff27e948f55b53bb19b3cc1947852e394' fails "
                        + "its EIP-55 checksum");
        cases.put(TWO.replace("\"0x9b8c989ff27e948f55b53bb19b3cc1947852e394\"", "0x9b8c989ff27e948f55b53bb19b3cc1947852e394"),
                "t.yml:11: entities.kiln.depositors[0].address: write the address in quotes");
        cases.put(TWO.replace("    source: \"spellbook: Kiln 1\"\n", ""),
                "t.yml:7: entities.kiln.depositors[0].source: expected a non-empty string, found nothing");
        cases.put(TWO.replace("    pool: lido\n    credentials: lido\n", ""),
                "t.yml:2: entities.lido: no rule attributes anything to it: give credentials or depositors");
        cases.put(TWO.replace("    name: Kiln\n", ""), "t.yml:7: entities.kiln.name: expected a non-empty string");
        cases.put(TWO.replace("    name: Kiln\n", "    name: Kiln\n    labels: x\n"),
                "t.yml:9: entities.kiln.labels: unknown key (known: category, credentials, depositors, name, pool)");
        cases.put("other: 1\n", "t.yml:1: entities: expected a mapping, found nothing");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> EntityRegistryLoader.parse("t.yml", c.getKey(), POOLS), c.getValue());
            assertTrue(e.getMessage().startsWith(c.getValue()), e.getMessage() + "\n  expected: " + c.getValue());
        }
    }
}
