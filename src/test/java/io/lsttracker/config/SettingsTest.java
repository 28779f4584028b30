package io.lsttracker.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.alert.AlertSettings;
import io.lsttracker.api.ApiSettings;
import io.lsttracker.backfill.BackfillSettings;
import io.lsttracker.beacon.BeaconSettings;
import io.lsttracker.chain.ChainSettings;
import io.lsttracker.pool.PoolSettings;
import io.lsttracker.rewards.RewardSettings;
import io.lsttracker.snapshot.SnapshotSettings;
import io.micronaut.context.ApplicationContext;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The typed settings records: every default is application.yml's (bound the same with or without an application
 * context), and a bad value stops the context naming its key.
 */
class SettingsTest {
    /** Each settings record and the prefix it is bound at. */
    private static final Map<Class<? extends Record>, String> RECORDS = Map.of(
            ChainSettings.class, "tracker.chain",
            BeaconSettings.class, "tracker.beacon",
            PoolSettings.class, "tracker",
            SnapshotSettings.class, "tracker",
            RewardSettings.class, "tracker.rewards",
            AlertSettings.class, "tracker.alerts",
            BackfillSettings.class, "tracker.backfill",
            ApiSettings.class, "tracker");

    private static ApplicationContext context(Map<String, Object> properties) {
        return ApplicationContext.builder().deduceEnvironment(false).banner(false).properties(properties).start();
    }

    @Test
    void theDefaultsWithoutAContextAreTheContextsOwn() throws Exception {
        try (InputStream in = Settings.class.getClassLoader().getResourceAsStream("application.yml")) {
            Matcher variables = Pattern.compile("\\$\\{(LST_[A-Z_]+)").matcher(new String(in.readAllBytes(),
                    StandardCharsets.UTF_8));
            while (variables.find()) {
                Assumptions.assumeTrue(System.getenv(variables.group(1)) == null,
                        variables.group(1) + " is set: the context's values are not the defaults");
            }
        }
        try (ApplicationContext context = context(Map.of())) {
            RECORDS.forEach((type, prefix) -> assertEquals(context.getBean(type), Settings.defaults(prefix, type),
                    type.getSimpleName()));
        }
    }

    @Test
    void theDefaultsAreThoseApplicationYmlDocuments() {
        SnapshotSettings snapshot = Settings.defaults("tracker", SnapshotSettings.class);
        assertEquals(new SnapshotSettings(Duration.ofSeconds(60), 2L, 128L), snapshot);
        assertEquals(new RewardSettings(2000L, 250_000L), Settings.defaults("tracker.rewards", RewardSettings.class));
        assertEquals(new BackfillSettings(50, 2), Settings.defaults("tracker.backfill", BackfillSettings.class));
        assertEquals(new AlertSettings("", Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofHours(1),
                Duration.ofSeconds(10)), Settings.defaults("tracker.alerts", AlertSettings.class));
        assertEquals(new BeaconSettings("", Duration.ofSeconds(120)), BeaconSettings.defaults());
        ApiSettings api = Settings.defaults("tracker", ApiSettings.class);
        assertEquals(Duration.ofMinutes(10), api.maxSnapshotAge());
        assertEquals(10_000L, api.api().maxHistoryPoints());
        assertEquals("", api.admin().token());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            SnapshotSettings | tracker.poll-interval          | 0s    | tracker.poll-interval: must be positive, got PT0S
            SnapshotSettings | tracker.poll-interval          | often | tracker.poll-interval: missing, or not a duration such as 30s
            SnapshotSettings | tracker.confirmations          | -1    | tracker.confirmations: must not be negative, got -1
            SnapshotSettings | tracker.confirmations          | two   | tracker.confirmations: missing, or not a whole number
            SnapshotSettings | tracker.reorg-depth            | 0     | tracker.reorg-depth: must be at least 1, got 0
            RewardSettings   | tracker.rewards.page-blocks    | lots  | tracker.rewards.page-blocks: missing, or not a whole number
            BackfillSettings | tracker.backfill.batch-size    | 0     | tracker.backfill.batch-size: must be between 1 and 1000, got 0
            AlertSettings    | tracker.alerts.retry-max       | 0s    | tracker.alerts.retry-max: must be positive, got PT0S
            BeaconSettings   | tracker.beacon.timeout         | ''    | tracker.beacon.timeout: missing, or not a duration such as 30s
            ChainSettings    | tracker.chain.max-attempts     | four  | tracker.chain.max-attempts (LST_RPC_MAX_ATTEMPTS): missing, or not a whole number
            ChainSettings    | tracker.chain.request-timeout  | 20 s  | tracker.chain.request-timeout: missing, or not a duration such as 30s
            ApiSettings      | tracker.max-snapshot-age       | 0s    | tracker.max-snapshot-age: must be positive, got PT0S
            """)
    void aBadValueStopsTheContextNamingItsKey(String record, String key, String value, String message) {
        RuntimeException e = assertThrows(RuntimeException.class, () -> context(Map.of(key, value)).close());
        Throwable known = e;
        while (known != null && !(known instanceof ConfigException)) {
            known = known.getCause();
        }
        assertTrue(known != null, e.toString());
        assertEquals(message, known.getMessage());
        assertTrue(e.getMessage().contains(record), record + " is the bean that failed: " + e.getMessage());
    }
}
