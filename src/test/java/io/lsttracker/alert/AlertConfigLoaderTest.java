package io.lsttracker.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lsttracker.alert.AlertRule.Direction;
import io.lsttracker.alert.AlertRule.Metric;
import io.lsttracker.config.ConfigException;
import io.lsttracker.entity.EntityRegistry;
import io.lsttracker.entity.EntityRegistryLoader;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AlertConfigLoaderTest {

    private static final EntityRegistry ENTITIES = EntityRegistryLoader.load(null);

    @Test
    void theDefaultsAreTheIssuesThresholds() {
        AlertConfig config = AlertConfigLoader.load(null, ENTITIES);
        // Issue 13: any entity above 25%, 33.3%, 50%, 66.7% of all staked ETH, with a margin and a cooldown.
        List<AlertRule> entityRules = config.rules().stream().filter(r -> r.metric() == Metric.ENTITY_SHARE_OF_STAKED)
                .toList();
        assertEquals(List.of("0.25", "0.333", "0.5", "0.667"), entityRules.stream()
                .map(r -> r.threshold().toPlainString()).toList());
        entityRules.forEach(r -> {
            assertEquals(Optional.empty(), r.entity(), r.id() + ": any entity");
            assertEquals(Direction.ABOVE, r.direction());
            assertEquals(new BigDecimal("0.005"), r.hysteresis());
            assertEquals(Duration.ofHours(1), r.cooldown());
        });
        // The token view is accepted but not a default (the file's comment says why).
        assertEquals(List.of(), config.rules().stream().filter(r -> r.metric() == Metric.POOL_SHARE_OF_STAKED)
                .toList());
        AlertRule negative = config.rules().stream().filter(r -> r.metric() == Metric.NEGATIVE_REBASE).findFirst()
                .orElseThrow();
        assertEquals(Direction.BELOW, negative.direction());
        assertEquals(0, negative.threshold().signum());
        AlertRule stale = config.rules().stream().filter(r -> r.metric() == Metric.STALE).findFirst().orElseThrow();
        assertEquals(new BigDecimal("3"), stale.threshold());
        assertEquals(List.of(), config.webhooks());
    }

    @Test
    void theLiquidityDefaultsAreTheIssuesThresholds() {
        AlertConfig config = AlertConfigLoader.load(null, ENTITIES);
        AlertRule discount = config.rules().stream().filter(r -> r.id().equals("market-discount-over-100bps"))
                .findFirst().orElseThrow();
        assertEquals(new AlertRule("market-discount-over-100bps", Metric.MARKET_DISCOUNT_BPS, Optional.empty(), 0,
                null, new BigDecimal("-100"), Direction.BELOW, new BigDecimal("10"), Duration.ofHours(1),
                Optional.empty(), Duration.ofHours(1)), discount);
        AlertRule exitWait = config.rules().stream().filter(r -> r.id().equals("exit-wait-over-14-days"))
                .findFirst().orElseThrow();
        assertEquals(new AlertRule("exit-wait-over-14-days", Metric.EXIT_WAIT_DAYS, Optional.empty(), 0, null,
                new BigDecimal("14"), Direction.ABOVE, BigDecimal.ONE, Duration.ofDays(1), Optional.empty(),
                Duration.ZERO), exitWait);
    }

    @Test
    void aHoldIsADurationAndADiscountRuleMayWatchForAPremium() {
        AlertConfig config = AlertConfigLoader.parse("a.yml", """
                rules:
                  lido-discount:
                    metric: market-discount-bps
                    pool: lido
                    threshold: -50.5
                    direction: below
                    for: 90m
                  premium:
                    metric: market-discount-bps
                    threshold: -5
                    hysteresis: 20
                    for: 0
                  wait:
                    metric: exit-wait-days
                    threshold: 30
                    for: 1d
                """);
        assertEquals(Duration.ofMinutes(90), config.rules().get(0).hold());
        assertEquals(Optional.of("lido"), config.rules().get(0).pool());
        // a discount is signed: above -5 bps with a hysteresis of 20 resolves at -25 bps, a value it can reach
        assertEquals(Duration.ZERO, config.rules().get(1).hold());
        assertEquals(new BigDecimal("20"), config.rules().get(1).hysteresis());
        assertEquals(Duration.ofDays(1), config.rules().get(2).hold());
    }

    @Test
    void aFullRule() {
        AlertConfig config = AlertConfigLoader.parse("a.yml", """
                rules:
                  few-hold-half:
                    metric: tau-of-staked
                    tau: 1/2
                    threshold: 3
                    direction: below
                    hysteresis: 1
                    cooldown: 6h
                webhooks:
                  chat:
                    url: https://hooks.slack.com/services/T/B/X
                    format: slack
                """);
        AlertRule rule = config.rules().get(0);
        assertEquals(new AlertRule("few-hold-half", Metric.TAU_OF_STAKED, Optional.empty(), 0, "1/2",
                new BigDecimal("3"), Direction.BELOW, BigDecimal.ONE, Duration.ofHours(6)), rule);
        assertEquals(Webhook.Format.SLACK, config.webhooks().get(0).format());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            rules: {r: {metric: share, threshold: 1}}                          | a.yml:1: rules.r.metric: unknown metric 'share' (known: entity-share-of-staked, client-majority-share, execution-client-majority-share, pool-share-of-staked,
            rules: {r: {metric: hhi-of-lsts}}                                  | a.yml:1: rules.r.threshold: expected a number, found nothing
            rules: {r: {metric: hhi-of-lsts, threshold: lots}}                 | a.yml:1: rules.r.threshold: expected a number, found 'lots'
            rules: {r: {metric: hhi-of-lsts, threshold: 1, pool: lido}}        | a.yml:1: rules.r.pool: metric hhi-of-lsts is not per pool
            rules: {r: {metric: pool-share-of-staked, threshold: 1, entity: lido}} | a.yml:1: rules.r.entity: metric pool-share-of-staked is not per entity
            rules: {r: {metric: entity-share-of-staked, threshold: 1, pool: lido}} | a.yml:1: rules.r.pool: metric entity-share-of-staked is not per pool
            rules: {r: {metric: entity-share-of-staked, threshold: 1, entity: unidentified}} | a.yml:1: rules.r.entity: 'unidentified' is not an entity (it is the stake no rule attributes, many stakers)
            rules: {r: {metric: top-n-share-of-lsts, threshold: 1}}            | a.yml:1: rules.r.n: a top-N metric needs n
            rules: {r: {metric: tau-of-lsts, tau: 1/4, threshold: 1}}          | a.yml:1: rules.r.tau: '1/4' is not one of 1/3, 1/2, 2/3
            rules: {r: {metric: hhi-of-lsts, threshold: 1, direction: up}}     | a.yml:1: rules.r.direction: 'up' is not above or below
            rules: {r: {metric: hhi-of-lsts, threshold: 1, cooldown: soon}}    | a.yml:1: rules.r.cooldown: expected a duration
            rules: {r: {metric: hhi-of-lsts, threshold: 1, hysteresis: -1}}    | a.yml:1: rules.r.hysteresis: must not be negative
            rules: {r: {metric: hhi-of-lsts, threshold: 1, colour: red}}       | a.yml:1: rules.r.colour: unknown key
            rules: {R1: {metric: hhi-of-lsts, threshold: 1}}                   | a.yml:1: rules.R1: a rule id is
            webhooks: {w: {url: 'ftp://x'}}                                    | a.yml:1: webhooks.w.url: ftp://x is not an http(s) URL
            webhooks: {w: {url: 'file:///etc/passwd'}}                         | a.yml:1: webhooks.w.url: (not a URL) is not an http(s) URL
            webhooks: {w: {url: 'gopher://127.0.0.1:70/x'}}                    | a.yml:1: webhooks.w.url: gopher://127.0.0.1:70/… is not an http(s) URL
            rules: {r: {metric: hhi-of-lsts, threshold: abc}}                  | a.yml:1: rules.r.threshold: expected a number, found 'abc'
            rules: {r: {metric: hhi-of-lsts, threshold: NaN}}                  | a.yml:1: rules.r.threshold: expected a number, found 'NaN'
            rules: {r: {metric: hhi-of-lsts, threshold: .nan}}                 | a.yml:1: rules.r.threshold: Malformed numeric value '.nan'
            rules: {r: {metric: hhi-of-lsts, threshold: [1, 2]}}               | a.yml:1: rules.r.threshold: expected a number, found a list
            rules: {r: {metric: hhi-of-lsts, threshold: 1, cooldown: -1h}}     | a.yml:1: rules.r.cooldown: expected a duration such as 30s, 15m, 1h or 1d, found '-1h'
            rules: {r: {metric: hhi-of-lsts, threshold: 1e40}}                 | a.yml:1: rules.r.threshold: 1E+40 is too large: at most 33 digits before the point
            rules: {r: {metric: hhi-of-lsts, threshold: 0.0000000000000000000000000001}} | a.yml:1: rules.r.threshold: 1E-28 has more than 27 decimals
            rules: {r: {metric: hhi-of-lsts, threshold: 1, hysteresis: 1e34}}  | a.yml:1: rules.r.hysteresis: 1E+34 is too large
            rules: {r: {metric: pool-share-of-lsts, threshold: 0.25, hysteresis: 0.3}} | a.yml:1: rules.r.hysteresis: 0.3 is larger than the threshold 0.25: the value can never fall to -0.05, so the alert would never resolve
            rules: {r: {metric: pool-share-of-lsts, threshold: 0.25}, r: {metric: hhi-of-lsts, threshold: 1}} | a.yml:1: rules.r: written twice (first on line 1); keep one
            webhooks: {w: {url: 'http://x'}, w: {url: 'http://y'}}             | a.yml:1: webhooks.w: written twice (first on line 1); keep one
            webhooks: {w: {url: 'http://x', format: teams}}                    | a.yml:1: webhooks.w.format: 'teams' is not one of generic, slack, discord
            alerts: []                                                         | a.yml:1: alerts: unknown key
            rules: {r: {metric: hhi-of-lsts, threshold: 1, for: 1h}}           | a.yml:1: rules.r.for: only for the metrics whose every reading is stored (market-discount-bps, exit-wait-days), so the hold is judged from the store; not hhi-of-lsts
            rules: {r: {metric: market-discount-bps, threshold: -100, for: soon}} | a.yml:1: rules.r.for: expected a duration such as 30s, 15m, 1h or 1d, found 'soon'
            rules: {r: {metric: market-discount-bps, threshold: -100, for: -1h}}  | a.yml:1: rules.r.for: expected a duration such as 30s, 15m, 1h or 1d, found '-1h'
            rules: {r: {metric: market-discount-bps, threshold: -100, for: 60}}   | a.yml:1: rules.r.for: expected a duration such as 30s, 15m, 1h or 1d, found '60'
            rules: {r: {metric: exit-wait-days, threshold: 14, for: [1h]}}     | a.yml:1: rules.r.for: expected a duration such as 30s, 15m, 1h or 1d, found a mapping or a list
            rules: {r: {metric: exit-wait-days, threshold: 14, for: 25h}}      | a.yml:1: rules.r.for: 25h is longer than the longest hold, 1d
            rules: {r: {metric: exit-wait-days, threshold: 14, pool: lido}}    | a.yml:1: rules.r.pool: metric exit-wait-days is not per pool
            rules: {r: {metric: exit-wait-days, threshold: 1, hysteresis: 2}} | a.yml:1: rules.r.hysteresis: 2 is larger than the threshold 1
            """)
    void badConfigNamesTheKey(String yaml, String message) {
        ConfigException e = assertThrows(ConfigException.class, () -> AlertConfigLoader.parse("a.yml", yaml));
        assertEquals(true, e.getMessage().startsWith(message), e.getMessage());
    }

    @Test
    void anEntityRuleNamesAnEntityOfTheRegistryOrAny() {
        AlertConfig config = AlertConfigLoader.parse("a.yml", """
                rules:
                  lido-over-third:
                    metric: entity-share-of-staked
                    entity: lido
                    threshold: 0.333
                  any-over-half:
                    metric: entity-share-of-staked
                    entity: any
                    threshold: 0.5
                  default-any:
                    metric: entity-share-of-staked
                    threshold: 0.667
                """, ENTITIES);
        assertEquals(new AlertRule("lido-over-third", Metric.ENTITY_SHARE_OF_STAKED, Optional.empty(), 0, null,
                new BigDecimal("0.333"), Direction.ABOVE, BigDecimal.ZERO, Duration.ZERO, Optional.of("lido")),
                config.rules().get(0));
        assertEquals(Optional.empty(), config.rules().get(1).entity());
        assertEquals(Optional.empty(), config.rules().get(2).entity());
    }

    @Test
    void anUnknownEntityIsNamedWithItsFileLineAndKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> AlertConfigLoader.parse("a.yml", """
                rules:
                  kraken-over-third:
                    metric: entity-share-of-staked
                    entity: krakken
                    threshold: 0.333
                """, ENTITIES));
        assertEquals("a.yml:4: rules.kraken-over-third.entity: no entity 'krakken' in " + ENTITIES.source(),
                e.getMessage());
    }

    @Test
    void aWebhookNameTheDatabaseCannotHoldIsRefused() {
        String name = "w".repeat(81);
        ConfigException e = assertThrows(ConfigException.class, () -> AlertConfigLoader.parse("a.yml",
                "webhooks: {" + name + ": {url: 'http://x'}}"));
        assertEquals("a.yml:1: webhooks." + name + ": a webhook name is 1-80 characters, this one has 81", e.getMessage());
        assertEquals(1, AlertConfigLoader.parse("a.yml", "webhooks: {" + "w".repeat(80) + ": {url: 'http://x'}}")
                .webhooks().size());
    }

    @Test
    void aHysteresisUpToTheThresholdOrBelowOrOnANegativeMetricIsKept() {
        AlertConfig config = AlertConfigLoader.parse("a.yml", """
                rules:
                  equal: {metric: pool-share-of-lsts, threshold: 0.25, hysteresis: 0.25}
                  below: {metric: tau-of-lsts, tau: 1/2, threshold: 2, direction: below, hysteresis: 5}
                  rebase-up: {metric: negative-rebase, threshold: 0.001, hysteresis: 0.01}
                """);
        assertEquals(3, config.rules().size());
    }

    private static final String TWO_RULES = """
            rules:
              first:
                metric: top-n-share-of-lsts
                n: 2
                threshold: 0.5
              second:
                metric: hhi-of-lsts
                threshold: 2500
                cooldown: 1h
            webhooks:
              ops:
                url: https://hooks.example.com/lst
            """;

    /**
     * In a file written over many lines, as config/alerts.yml is, each error names the line of its key, or for a
     * key left out the line of the mapping it belongs in; a key written with no value is not taken as left out.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            n: 2            | n: 0               | a.yml:4: rules.first.n: a top-N metric needs n, a whole number of at least 1, found '0'
            n: 2            | n: 2.5             | a.yml:4: rules.first.n: expected a whole number, found '2.5'
            n: 2            | direction: above   | a.yml:2: rules.first.n: a top-N metric needs n, a whole number of at least 1, found nothing
            threshold: 2500 | threshold: 2x      | a.yml:8: rules.second.threshold: expected a number, found '2x'
            threshold: 2500 | threshold:         | a.yml:8: rules.second.threshold: expected a number, found nothing
            cooldown: 1h    | cooldwn: 1h        | a.yml:9: rules.second.cooldwn: unknown key (known: cooldown, direction, entity, for, hysteresis, metric, n, pool, tau, threshold)
            cooldown: 1h    | cooldown:          | a.yml:9: rules.second.cooldown: expected a duration such as 30s, 15m, 1h or 1d, found nothing
            cooldown: 1h    | direction:         | a.yml:9: rules.second.direction: expected a non-empty string, found nothing
            cooldown: 1h    | pool: lido         | a.yml:9: rules.second.pool: metric hhi-of-lsts is not per pool
            metric: hhi-of-lsts | metric: 7      | a.yml:7: rules.second.metric: expected a non-empty string, found '7'
            url: https://hooks.example.com/lst | url: hooks.example.com | a.yml:12: webhooks.ops.url: (not a URL) is not an http(s) URL
            url: https://hooks.example.com/lst | url:                   | a.yml:12: webhooks.ops.url: expected a non-empty string, found nothing
            url: https://hooks.example.com/lst | format: slack          | a.yml:11: webhooks.ops.url: expected a non-empty string, found nothing
            """)
    void errorsNameTheLineOfTheirKey(String written, String instead, String message) {
        String yaml = TWO_RULES.replace(written, instead);
        ConfigException e = assertThrows(ConfigException.class, () -> AlertConfigLoader.parse("a.yml", yaml));
        assertEquals(message, e.getMessage().substring(0, Math.min(message.length(), e.getMessage().length())),
                yaml + " -> " + e.getMessage());
    }

    @Test
    void aFileThatIsNotYamlGetsOneLineWithItsLine() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> AlertConfigLoader.parse("a.yml", TWO_RULES.replace("    cooldown: 1h", "   cooldown: 1h")));
        assertEquals(true, e.getMessage().startsWith("a.yml:9: not valid YAML: "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void emptyPartsAndAnEmptyFileHaveNoRules() {
        assertEquals(List.of(), AlertConfigLoader.parse("a.yml", "rules:\nwebhooks:\n").rules());
        assertEquals(List.of(), AlertConfigLoader.parse("a.yml", "# every rule is off\n").rules());
        assertEquals(2, AlertConfigLoader.parse("a.yml", TWO_RULES).rules().size());
    }
}
