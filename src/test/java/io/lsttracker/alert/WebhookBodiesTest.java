package io.lsttracker.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookBodiesTest {
    private static final AlertEvent EVENT = new AlertEvent("0b3c7e0c-1111-4222-8333-944455556666", "pool-over-25pct",
            AlertRule.Metric.POOL_SHARE_OF_STAKED, "lido", AlertTransition.Kind.FIRING,
            new BigDecimal("0.255672961503265432"), new BigDecimal("0.25"), AlertRule.Direction.ABOVE,
            Instant.parse("2026-11-23T12:00:00Z"), Optional.of(307L), "lido's share of all staked ETH is 25.57%");

    @Test
    void genericCarriesEveryFieldExactly() {
        assertEquals("{\"id\":\"0b3c7e0c-1111-4222-8333-944455556666\",\"kind\":\"firing\",\"rule\":\"pool-over-25pct\","
                + "\"metric\":\"pool-share-of-staked\",\"subject\":\"lido\",\"value\":\"0.255672961503265432\","
                + "\"threshold\":\"0.25\",\"direction\":\"above\",\"time\":\"2026-11-23T12:00:00Z\",\"blockNumber\":307,"
                + "\"message\":\"lido's share of all staked ETH is 25.57%\"}", WebhookBodies.body(Webhook.Format.GENERIC, EVENT));
    }

    @Test
    void slackAndDiscordGetOneLineWithTheId() {
        String line = "FIRING: lido's share of all staked ETH is 25.57% at 2026-11-23T12:00:00Z "
                + "[event 0b3c7e0c-1111-4222-8333-944455556666]";
        assertEquals("{\"text\":\"" + line + "\"}", WebhookBodies.body(Webhook.Format.SLACK, EVENT));
        assertEquals("{\"content\":\"" + line + "\"}", WebhookBodies.body(Webhook.Format.DISCORD, EVENT));
    }
}
