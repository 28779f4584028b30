package io.lsttracker.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.clients.Client;
import io.lsttracker.clients.ClientDiversity;
import io.lsttracker.clients.ClientWindows;
import io.lsttracker.config.ConfigException;
import io.lsttracker.entity.EntityRegistryLoader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The client-diversity rules (metrics client-majority-share and execution-client-majority-share): the majority
 * client's share of the identified blocks of the network and each entity fires above 1/3 and 2/3; a subject with
 * fewer identified blocks than n is not judged; "unidentified" is never a subject.
 */
class ClientMajorityAlertTest {
    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    private static ClientDiversity.Count count(Client consensus, Client execution, long blocks) {
        return new ClientDiversity.Count(Optional.ofNullable(consensus), Optional.ofNullable(execution), blocks);
    }

    /**
     * Coinbase: Prysm 150, Lighthouse 30 (Geth for all), 20 unknown: Prysm 150/180 = 0.8333.. (above 2/3).
     * Lido: Lighthouse 120, Prysm 100, Teku 80 (each with Nethermind, Geth, Besu): 120/300 = 0.4 (above 1/3 only).
     * Kiln: Nimbus 40 only: 40 < n = 100, not judged. Unidentified: Lighthouse 500 alone: never a subject.
     * Network: Lighthouse 30+120+500 = 650 of 150+30+300+40+500 = 1,020: 0.637254901960784314.
     */
    static ClientWindows.Report report() {
        Map<String, List<ClientDiversity.Count>> entities = new LinkedHashMap<>();
        entities.put("coinbase", List.of(count(Client.PRYSM, Client.GETH, 150), count(Client.LIGHTHOUSE, Client.GETH, 30),
                count(null, null, 20)));
        entities.put("lido", List.of(count(Client.LIGHTHOUSE, Client.NETHERMIND, 120), count(Client.PRYSM, Client.GETH,
                100), count(Client.TEKU, Client.BESU, 80)));
        entities.put("kiln", List.of(count(Client.NIMBUS, null, 40)));
        entities.put("unidentified", List.of(count(Client.LIGHTHOUSE, null, 500)));
        Map<String, ClientDiversity.Figures> figures = new LinkedHashMap<>();
        List<ClientDiversity.Count> all = new ArrayList<>();
        entities.forEach((e, counts) -> {
            figures.put(e, ClientDiversity.of(counts));
            all.addAll(counts);
        });
        return new ClientWindows.Report(ClientWindows.Window.D7, 0, 50_399, 50_400, 0, ClientDiversity.of(all), figures);
    }

    private static final AlertConfig RULES = AlertConfigLoader.parse("a.yml", """
            rules:
              one-third:
                metric: client-majority-share
                threshold: 0.333333333333333333
                hysteresis: 0.01
              lido-execution:
                metric: execution-client-majority-share
                entity: lido
                n: 10
                threshold: 0.3
              network-only:
                metric: client-majority-share
                entity: network
                threshold: 0.6
            """, EntityRegistryLoader.load(null));

    private static Map<String, Optional<BigDecimal>> values(AlertRule rule, Optional<ClientWindows.Report> report) {
        return Observations.of(rule, null, null, Map.of(), Optional.empty(), report);
    }

    @Test
    void eachSubjectWithEnoughBlocksIsJudgedOnItsMajorityShare() {
        AlertRule oneThird = RULES.rules().get(0);
        assertEquals(100, oneThird.n(), "n defaults to 100 blocks");
        Map<String, Optional<BigDecimal>> seen = values(oneThird, Optional.of(report()));
        assertEquals(List.of("network", "coinbase", "lido"), List.copyOf(seen.keySet()));
        assertEquals(Optional.of(new BigDecimal("0.637254901960784314")), seen.get("network"));
        assertEquals(Optional.of(new BigDecimal("0.833333333333333333")), seen.get("coinbase"));
        assertEquals(Optional.of(new BigDecimal("0.400000000000000000")), seen.get("lido"));
        List<String> fired = new ArrayList<>();
        seen.forEach((subject, value) -> AlertEvaluator.evaluate(oneThird, subject, value, AlertState.INITIAL, T0)
                .transition().ifPresent(t -> fired.add(t.subject() + " " + t.kind())));
        assertEquals(List.of("network FIRING", "coinbase FIRING", "lido FIRING"), fired);

        // Lido's execution clients: Nethermind 120 of 300 = 0.4 > 0.3; only Lido is a subject of this rule.
        assertEquals(Map.of("lido", Optional.of(new BigDecimal("0.400000000000000000"))),
                values(RULES.rules().get(1), Optional.of(report())));
        assertEquals(List.of("network"), List.copyOf(values(RULES.rules().get(2), Optional.of(report())).keySet()));
        assertEquals(Map.of(), values(oneThird, Optional.empty()), "nothing read yet: no subject");
    }

    @Test
    void thePackagedRulesJudgeOneThirdAndTwoThirdsForBothLayers() {
        AlertConfig packaged = AlertConfigLoader.load(null, EntityRegistryLoader.load(null));
        Map<String, List<String>> firing = new LinkedHashMap<>();
        for (AlertRule rule : packaged.rules()) {
            if (!rule.metric().clientMajority()) {
                continue;
            }
            values(rule, Optional.of(report())).forEach((subject, value) -> AlertEvaluator.evaluate(rule, subject,
                    value, AlertState.INITIAL, T0).transition().ifPresent(t -> firing.computeIfAbsent(rule.id(),
                    k -> new ArrayList<>()).add(subject)));
        }
        // Consensus: network 0.637, Coinbase 0.833, Lido 0.4 above 1/3; Coinbase alone above 2/3. Execution: the
        // network's Geth 280 of 480 = 0.583 and Coinbase's 180 of 180 and Lido's Nethermind 0.4 above 1/3; Coinbase
        // alone above 2/3.
        assertEquals(Map.of("consensus-client-over-one-third", List.of("network", "coinbase", "lido"),
                "consensus-client-over-two-thirds", List.of("coinbase"),
                "execution-client-over-one-third", List.of("network", "coinbase", "lido"),
                "execution-client-over-two-thirds", List.of("coinbase")), firing);
    }

    @Test
    void theConfigurationIsChecked() {
        ConfigException zero = assertThrows(ConfigException.class, () -> AlertConfigLoader.parse("a.yml", """
                rules:
                  r:
                    metric: client-majority-share
                    n: 0
                    threshold: 0.5
                """, EntityRegistryLoader.load(null)));
        assertTrue(zero.getMessage().contains("rules.r.n"), zero.getMessage());
        ConfigException network = assertThrows(ConfigException.class, () -> AlertConfigLoader.parse("a.yml", """
                rules:
                  r:
                    metric: entity-share-of-staked
                    entity: network
                    threshold: 0.5
                """, EntityRegistryLoader.load(null)));
        assertTrue(network.getMessage().contains("no entity 'network'"), network.getMessage());
        ConfigException unidentified = assertThrows(ConfigException.class, () -> AlertConfigLoader.parse("a.yml", """
                rules:
                  r:
                    metric: execution-client-majority-share
                    entity: unidentified
                    threshold: 0.5
                """, EntityRegistryLoader.load(null)));
        assertTrue(unidentified.getMessage().contains("rules.r.entity"), unidentified.getMessage());
    }
}
