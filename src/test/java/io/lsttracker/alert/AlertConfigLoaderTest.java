package io.lsttracker.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lsttracker.alert.AlertRule.Direction;
import io.lsttracker.alert.AlertRule.Metric;
import io.lsttracker.config.ConfigException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AlertConfigLoaderTest {

    @Test
    void theDefaultsAreTheIssuesThresholds() {
        AlertConfig config = AlertConfigLoader.load(null);
        List<String> thresholds = config.rules().stream().filter(r -> r.metric() == Metric.POOL_SHARE_OF_STAKED)
                .map(r -> r.threshold().toPlainString()).toList();
        assertEquals(List.of("0.25", "0.333", "0.5", "0.667"), thresholds);
        AlertRule negative = config.rules().stream().filter(r -> r.metric() == Metric.NEGATIVE_REBASE).findFirst()
                .orElseThrow();
        assertEquals(Direction.BELOW, negative.direction());
        assertEquals(0, negative.threshold().signum());
        AlertRule stale = config.rules().stream().filter(r -> r.metric() == Metric.STALE).findFirst().orElseThrow();
        assertEquals(new BigDecimal("3"), stale.threshold());
        assertEquals(List.of(), config.webhooks());
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
            rules: {r: {metric: share, threshold: 1}}                          | a.yml: rules.r.metric: unknown metric 'share' (known: pool-share-of-staked,
            rules: {r: {metric: hhi-of-lsts}}                                  | a.yml: rules.r.threshold: expected a number, found nothing
            rules: {r: {metric: hhi-of-lsts, threshold: lots}}                 | a.yml: rules.r.threshold: expected a number, found 'lots'
            rules: {r: {metric: hhi-of-lsts, threshold: 1, pool: lido}}        | a.yml: rules.r.pool: metric hhi-of-lsts is not per pool
            rules: {r: {metric: top-n-share-of-lsts, threshold: 1}}            | a.yml: rules.r.n: a top-N metric needs n
            rules: {r: {metric: tau-of-lsts, tau: 1/4, threshold: 1}}          | a.yml: rules.r.tau: '1/4' is not one of 1/3, 1/2, 2/3
            rules: {r: {metric: hhi-of-lsts, threshold: 1, direction: up}}     | a.yml: rules.r.direction: 'up' is not above or below
            rules: {r: {metric: hhi-of-lsts, threshold: 1, cooldown: soon}}    | a.yml: rules.r.cooldown: expected a duration
            rules: {r: {metric: hhi-of-lsts, threshold: 1, hysteresis: -1}}    | a.yml: rules.r.hysteresis: must not be negative
            rules: {r: {metric: hhi-of-lsts, threshold: 1, colour: red}}       | a.yml: rules.r.colour: unknown key
            rules: {R1: {metric: hhi-of-lsts, threshold: 1}}                   | a.yml: rules.R1: a rule id is
            webhooks: {w: {url: 'ftp://x'}}                                    | a.yml: webhooks.w.url: ftp://x is not an http(s) URL
            webhooks: {w: {url: 'http://x', format: teams}}                    | a.yml: webhooks.w.format: 'teams' is not one of generic, slack, discord
            alerts: []                                                         | a.yml: alerts: unknown key
            """)
    void badConfigNamesTheKey(String yaml, String message) {
        ConfigException e = assertThrows(ConfigException.class, () -> AlertConfigLoader.parse("a.yml", yaml));
        assertEquals(true, e.getMessage().startsWith(message), e.getMessage());
    }
}
