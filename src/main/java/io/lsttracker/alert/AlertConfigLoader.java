package io.lsttracker.alert;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import io.lsttracker.alert.AlertRule.Direction;
import io.lsttracker.alert.AlertRule.Metric;
import io.lsttracker.chain.RedactedUrl;
import io.lsttracker.config.ConfigException;
import io.lsttracker.config.ConfigFile;
import io.lsttracker.domain.PoolId;
import io.lsttracker.entity.Entity;
import io.lsttracker.entity.EntityRegistry;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads config/alerts.yml (or LST_ALERTS_FILE), failing with a message naming the file, the line and the key.
 *
 * <pre>
 * rules:
 *   entity-over-quarter:          # the rule id
 *     metric: entity-share-of-staked
 *     entity: any                 # per-entity metrics: an entity id of config/entities.yml or any (default);
 *                                 # client-majority metrics also take network (any includes it)
 *   pool-over-quarter:
 *     metric: pool-share-of-staked
 *     pool: any                   # per-pool metrics: a pool id or any (default)
 *     threshold: 0.25
 *     direction: above            # above (default) or below
 *     hysteresis: 0.005           # default 0
 *     cooldown: 1h                # default 0; s, m, h or d
 *   discount-held:
 *     metric: market-discount-bps
 *     threshold: -100
 *     direction: below
 *     for: 1h                     # default 0; across at every stored reading for this long before firing (at most
 *                                 # 1d; only market-discount-bps and exit-wait-days, whose readings are stored)
 * webhooks:
 *   ops:                          # the webhook's name
 *     url: https://hooks.example.com/lst
 *     format: generic             # generic (default), slack or discord
 * </pre>
 */
public final class AlertConfigLoader {
    static final String PACKAGED = "config/alerts.yml";
    private static final Set<String> TAUS = Set.of("1/3", "1/2", "2/3");
    /**
     * What the alert tables hold (db/migration V21__alerts.sql): thresholds and observed values in
     * NUMERIC(60, 27), so at most 33 digits before the point and 27 after; names and rule ids in VARCHAR(80). A
     * value outside these would be accepted here and then fail every evaluation that stores it.
     */
    static final int MAX_INTEGER_DIGITS = 33;
    static final int MAX_DECIMALS = 27;
    static final int MAX_NAME = 80;
    /**
     * A client-majority rule judges a subject with at least this many identified blocks in its 7 days unless the rule
     * says otherwise (n): an entity proposes 7,200 x 7 x its share blocks a week, so 100 is an entity of about 0.2%.
     */
    static final int DEFAULT_LEAST_BLOCKS = 100;

    /** The file's top level; either part may be left out or empty (every webhook commented out, say). */
    private record AlertsFile(Map<String, RuleEntry> rules, Map<String, WebhookEntry> webhooks) {
        AlertsFile {
            rules = rules == null ? Map.of() : rules;
            webhooks = webhooks == null ? Map.of() : webhooks;
        }
    }

    /** One rule as written; what is left out is null here and defaulted in {@link #rule}. */
    private record RuleEntry(String metric, String pool, String entity, Integer n, String tau, BigDecimal threshold,
            String direction, BigDecimal hysteresis, @JsonDeserialize(using = CooldownText.class) Duration cooldown,
            @JsonProperty("for") @JsonDeserialize(using = CooldownText.class) Duration hold) {
    }

    private record WebhookEntry(String url, String format) {
    }

    private AlertConfigLoader() {
    }

    /**
     * From {@code explicitFile}, else ./config/alerts.yml, else the packaged copy; each rule's {@code entity} must be
     * one of {@code entities}.
     */
    public static AlertConfig load(String explicitFile, EntityRegistry entities) {
        if (explicitFile != null && !explicitFile.isBlank() && !Files.isRegularFile(Path.of(explicitFile))) {
            throw new ConfigException("tracker.alerts.file (LST_ALERTS_FILE): " + explicitFile + " does not exist");
        }
        return config(ConfigFile.load(explicitFile, PACKAGED, "alert rules", "LST_ALERTS_FILE", AlertsFile.class),
                Optional.of(entities));
    }

    /** Rules whose {@code entity} must be one of {@code entities}. */
    public static AlertConfig parse(String source, String yaml, EntityRegistry entities) {
        return config(ConfigFile.parse(source, yaml, AlertsFile.class), Optional.of(entities));
    }

    /** Rules whose {@code entity}, if any, is checked for its form only, not against an entity registry. */
    public static AlertConfig parse(String source, String yaml) {
        return config(ConfigFile.parse(source, yaml, AlertsFile.class), Optional.empty());
    }

    private static AlertConfig config(ConfigFile<AlertsFile> file, Optional<EntityRegistry> entities) {
        List<AlertRule> rules = new ArrayList<>();
        file.content().rules().forEach((id, entry) -> rules.add(rule(file, id, entry, entities)));
        List<Webhook> webhooks = new ArrayList<>();
        file.content().webhooks().forEach((name, entry) -> webhooks.add(webhook(file, name, entry)));
        return new AlertConfig(file.source(), rules, webhooks);
    }

    private static AlertRule rule(ConfigFile<?> file, String id, RuleEntry written,
            Optional<EntityRegistry> entities) {
        String key = "rules." + id;
        if (!id.matches("[a-z0-9][a-z0-9-]{0,79}")) {
            throw file.error(key, "a rule id is 1-80 lowercase letters, digits or dashes");
        }
        RuleEntry f = file.required(key, written, "a mapping");
        String metricName = file.text(key + ".metric", f.metric());
        Metric metric = Metric.fromConfigName(metricName).orElseThrow(() -> file.error(key + ".metric",
                "unknown metric '" + metricName + "' (known: "
                        + Arrays.stream(Metric.values()).map(Metric::configName).collect(Collectors.joining(", ")) + ")"));
        Optional<String> pool = Optional.empty();
        Optional<String> poolText = file.optional(key + ".pool", f.pool(), "a non-empty string");
        if (poolText.isPresent()) {
            if (!metric.perPool()) {
                throw file.error(key + ".pool", "metric " + metricName + " is not per pool");
            }
            String p = file.text(key + ".pool", poolText.get());
            if (!p.equals("any")) {
                try {
                    pool = Optional.of(new PoolId(p).value());
                } catch (IllegalArgumentException e) {
                    throw file.error(key + ".pool", e.getMessage());
                }
            }
        }
        Optional<String> entity = entity(file, key, metric, f.entity(), entities);
        int n = 0;
        boolean topN = metric == Metric.TOP_N_SHARE_OF_STAKED || metric == Metric.TOP_N_SHARE_OF_LSTS;
        if (metric.clientMajority()) {
            n = file.optional(key + ".n", f.n(), "a whole number").orElse(DEFAULT_LEAST_BLOCKS);
            if (n < 1) {
                throw file.error(key + ".n", "the least identified blocks a subject needs to be judged must be at "
                        + "least 1, found '" + n + "'");
            }
        } else if (topN) {
            if (f.n() == null || f.n() < 1) {
                throw file.error(key + ".n", "a top-N metric needs n, a whole number of at least 1, found "
                        + (f.n() == null ? "nothing" : "'" + f.n() + "'"));
            }
            n = f.n();
        } else if (file.optional(key + ".n", f.n(), "a whole number").isPresent()) {
            throw file.error(key + ".n", "only for the top-n and client-majority metrics");
        }
        String tau = null;
        boolean isTau = metric == Metric.TAU_OF_STAKED || metric == Metric.TAU_OF_LSTS;
        if (isTau) {
            tau = file.text(key + ".tau", f.tau());
            if (!TAUS.contains(tau)) {
                throw file.error(key + ".tau", "'" + tau + "' is not one of 1/3, 1/2, 2/3");
            }
        } else if (file.optional(key + ".tau", f.tau(), "a non-empty string").isPresent()) {
            throw file.error(key + ".tau", "only for the tau metrics");
        }
        BigDecimal threshold = storable(file, key + ".threshold", file.required(key + ".threshold", f.threshold(),
                "a number"));
        Direction direction = file.optional(key + ".direction", f.direction(), "a non-empty string")
                .map(d -> switch (file.text(key + ".direction", d).toLowerCase(Locale.ROOT)) {
                    case "above" -> Direction.ABOVE;
                    case "below" -> Direction.BELOW;
                    default -> throw file.error(key + ".direction", "'" + d.trim() + "' is not above or below");
                }).orElse(Direction.ABOVE);
        BigDecimal hysteresis = file.optional(key + ".hysteresis", f.hysteresis(), "a number").orElse(BigDecimal.ZERO);
        if (hysteresis.signum() < 0) {
            throw file.error(key + ".hysteresis", "must not be negative, got " + hysteresis);
        }
        storable(file, key + ".hysteresis", hysteresis);
        // Firing above resolves at threshold - hysteresis or less (AlertEvaluator); every metric but
        // negative-rebase and market-discount-bps is never negative, so past the threshold such a rule would fire
        // once and never re-arm.
        boolean signed = metric == Metric.NEGATIVE_REBASE || metric == Metric.MARKET_DISCOUNT_BPS;
        if (direction == Direction.ABOVE && !signed && hysteresis.compareTo(threshold) > 0) {
            throw file.error(key + ".hysteresis", hysteresis.toPlainString() + " is larger than the threshold "
                    + threshold.toPlainString() + ": the value can never fall to " + threshold.subtract(hysteresis)
                    .toPlainString() + ", so the alert would never resolve");
        }
        Duration cooldown = file.optional(key + ".cooldown", f.cooldown(), CooldownText.EXPECTED).orElse(Duration.ZERO);
        Duration hold = file.optional(key + ".for", f.hold(), CooldownText.EXPECTED).orElse(Duration.ZERO);
        if (!hold.isZero() && !metric.judgedFromHistory()) {
            throw file.error(key + ".for", "only for the metrics whose every reading is stored ("
                    + Arrays.stream(Metric.values()).filter(Metric::judgedFromHistory).map(Metric::configName)
                            .collect(Collectors.joining(", ")) + "), so the hold is judged from the store; not "
                    + metricName);
        }
        if (hold.compareTo(AlertHold.MAX_HOLD) > 0) {
            throw file.error(key + ".for", AlertMessages.duration(hold) + " is longer than the longest hold, "
                    + AlertMessages.duration(AlertHold.MAX_HOLD) + " (each judging reads the readings of twice the hold)");
        }
        return new AlertRule(id, metric, pool, n, tau, threshold, direction, hysteresis, cooldown, entity, hold);
    }

    /** A per-entity rule's subject: empty for "any" (the default), else an entity id of the registry. */
    private static Optional<String> entity(ConfigFile<?> file, String key, Metric metric, String written,
            Optional<EntityRegistry> entities) {
        Optional<String> text = file.optional(key + ".entity", written, "a non-empty string");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (!metric.perEntity()) {
            throw file.error(key + ".entity", "metric " + metric.configName() + " is not per entity");
        }
        String e = file.text(key + ".entity", text.get());
        if (e.equals("any")) {
            return Optional.empty();
        }
        if (e.equals(Observations.NETWORK) && metric.clientMajority()) {
            return Optional.of(e);
        }
        if (e.equals(Entity.UNIDENTIFIED)) {
            // docs/ENTITIES.md: the unidentified stake is many stakers, never counted as one entity.
            throw file.error(key + ".entity", "'" + Entity.UNIDENTIFIED + "' is not an entity (it is the stake no "
                    + "rule attributes, many stakers); its share is in GET /api/entities and lst_entity_share_of_staked");
        }
        if (entities.isPresent() && entities.get().byId(e).isEmpty()) {
            throw file.error(key + ".entity", "no entity '" + e + "' in " + entities.get().source());
        }
        return Optional.of(e);
    }

    /** {@code value} if the alert tables can hold it (see {@link #MAX_INTEGER_DIGITS}), else an error naming it. */
    private static BigDecimal storable(ConfigFile<?> file, String key, BigDecimal value) {
        BigDecimal plain = value.stripTrailingZeros();
        if (plain.precision() - plain.scale() > MAX_INTEGER_DIGITS) {
            throw file.error(key, value + " is too large: at most " + MAX_INTEGER_DIGITS + " digits before the point");
        }
        if (plain.scale() > MAX_DECIMALS) {
            throw file.error(key, value + " has more than " + MAX_DECIMALS + " decimals");
        }
        return value;
    }

    private static Webhook webhook(ConfigFile<?> file, String name, WebhookEntry written) {
        String key = "webhooks." + name;
        if (name.isBlank() || name.length() > MAX_NAME) {
            throw file.error(key, "a webhook name is 1-" + MAX_NAME + " characters, this one has " + name.length());
        }
        WebhookEntry f = file.required(key, written, "a mapping");
        String url = file.text(key + ".url", f.url());
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw file.error(key + ".url", RedactedUrl.of(url) + " is not a URL");
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw file.error(key + ".url", RedactedUrl.of(url) + " is not an http(s) URL");
        }
        Webhook.Format format = file.optional(key + ".format", f.format(), "a non-empty string")
                .map(text -> file.text(key + ".format", text))
                .map(text -> Arrays.stream(Webhook.Format.values()).filter(x -> x.configName().equals(text)).findFirst()
                        .orElseThrow(() -> file.error(key + ".format", "'" + text + "' is not one of generic, slack, discord")))
                .orElse(Webhook.Format.GENERIC);
        return new Webhook(name, uri, format);
    }

    /** A cooldown as alerts.yml writes it: a whole number of s, m, h or d (30s, 15m, 1h, 1d), or 0. */
    static final class CooldownText extends StdScalarDeserializer<Duration> {
        static final String EXPECTED = "a duration such as 30s, 15m, 1h or 1d";
        private static final Pattern DURATION = Pattern.compile("(\\d{1,9})([smhd])");

        CooldownText() {
            super(Duration.class);
        }

        @Override
        public Duration deserialize(JsonParser p, DeserializationContext context) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NUMBER_INT && p.getNumberValue() instanceof Integer i && i == 0) {
                return Duration.ZERO;
            }
            Matcher m = p.currentToken() == JsonToken.VALUE_STRING ? DURATION.matcher(p.getText().trim()) : null;
            if (m == null || !m.matches()) {
                throw new ConfigException("expected " + EXPECTED + ", found "
                        + (p.currentToken().isScalarValue() ? "'" + p.getText() + "'" : "a mapping or a list"));
            }
            long amount = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
    }
}
