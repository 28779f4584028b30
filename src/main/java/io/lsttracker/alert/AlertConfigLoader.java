package io.lsttracker.alert;

import io.lsttracker.alert.AlertRule.Direction;
import io.lsttracker.alert.AlertRule.Metric;
import io.lsttracker.config.ConfigException;
import io.lsttracker.domain.PoolId;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
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
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads config/alerts.yml (or LST_ALERTS_FILE), failing with a message naming the file and the key.
 *
 * <pre>
 * rules:
 *   pool-over-quarter:            # the rule id
 *     metric: pool-share-of-staked
 *     pool: any                   # per-pool metrics: a pool id or any (default)
 *     threshold: 0.25
 *     direction: above            # above (default) or below
 *     hysteresis: 0.005           # default 0
 *     cooldown: 1h                # default 0; s, m, h or d
 * webhooks:
 *   ops:                          # the webhook's name
 *     url: https://hooks.example.com/lst
 *     format: generic             # generic (default), slack or discord
 * </pre>
 */
public final class AlertConfigLoader {
    static final String PACKAGED = "config/alerts.yml";
    private static final Set<String> RULE_KEYS = Set.of("metric", "pool", "n", "tau", "threshold", "direction",
            "hysteresis", "cooldown");
    private static final Set<String> WEBHOOK_KEYS = Set.of("url", "format");
    private static final Set<String> TAUS = Set.of("1/3", "1/2", "2/3");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})([smhd])");

    private AlertConfigLoader() {
    }

    /** From {@code explicitFile}, else ./config/alerts.yml, else the packaged copy. */
    public static AlertConfig load(String explicitFile) {
        Path file = explicitFile != null && !explicitFile.isBlank() ? Path.of(explicitFile) : Path.of(PACKAGED);
        if (Files.isRegularFile(file)) {
            try {
                return parse(file.toString(), Files.readString(file));
            } catch (IOException e) {
                throw new ConfigException("cannot read alert rules " + file + ": " + e);
            }
        }
        if (explicitFile != null && !explicitFile.isBlank()) {
            throw new ConfigException("tracker.alerts.file (LST_ALERTS_FILE): " + explicitFile + " does not exist");
        }
        try (InputStream in = AlertConfigLoader.class.getClassLoader().getResourceAsStream(PACKAGED)) {
            if (in == null) {
                throw new ConfigException("no alert rules: " + PACKAGED + " is neither here nor packaged");
            }
            return parse("classpath:" + PACKAGED, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException("cannot read the packaged " + PACKAGED + ": " + e.getMessage());
        }
    }

    public static AlertConfig parse(String source, String yaml) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException e) {
            throw new ConfigException(source + ": not valid YAML: " + e.getMessage());
        }
        Map<String, Object> top = root == null ? Map.of() : map(source, "(top level)", root);
        unknownKeys(source, "", top, Set.of("rules", "webhooks"));
        List<AlertRule> rules = new ArrayList<>();
        if (top.get("rules") != null) {
            map(source, "rules", top.get("rules")).forEach((id, value) -> rules.add(rule(source, id, value)));
        }
        List<Webhook> webhooks = new ArrayList<>();
        if (top.get("webhooks") != null) {
            map(source, "webhooks", top.get("webhooks")).forEach((name, value) -> webhooks.add(webhook(source, name, value)));
        }
        return new AlertConfig(source, rules, webhooks);
    }

    private static AlertRule rule(String source, String id, Object value) {
        String key = "rules." + id;
        if (!id.matches("[a-z0-9][a-z0-9-]{0,79}")) {
            throw new ConfigException(source + ": " + key + ": a rule id is 1-80 lowercase letters, digits or dashes");
        }
        Map<String, Object> f = map(source, key, value);
        unknownKeys(source, key + ".", f, RULE_KEYS);
        String metricName = text(source, key + ".metric", f.get("metric"));
        Metric metric = Metric.fromConfigName(metricName).orElseThrow(() -> new ConfigException(source + ": " + key
                + ".metric: unknown metric '" + metricName + "' (known: "
                + Arrays.stream(Metric.values()).map(Metric::configName).collect(Collectors.joining(", ")) + ")"));
        Optional<String> pool = Optional.empty();
        if (f.containsKey("pool")) {
            if (!metric.perPool()) {
                throw new ConfigException(source + ": " + key + ".pool: metric " + metricName + " is not per pool");
            }
            String p = text(source, key + ".pool", f.get("pool"));
            if (!p.equals("any")) {
                try {
                    pool = Optional.of(new PoolId(p).value());
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(source + ": " + key + ".pool: " + e.getMessage());
                }
            }
        }
        int n = 0;
        boolean topN = metric == Metric.TOP_N_SHARE_OF_STAKED || metric == Metric.TOP_N_SHARE_OF_LSTS;
        if (topN) {
            if (!(f.get("n") instanceof Integer i) || i < 1) {
                throw new ConfigException(source + ": " + key + ".n: a top-N metric needs n, a whole number of at "
                        + "least 1, found " + describe(f.get("n")));
            }
            n = i;
        } else if (f.containsKey("n")) {
            throw new ConfigException(source + ": " + key + ".n: only for the top-n metrics");
        }
        String tau = null;
        boolean isTau = metric == Metric.TAU_OF_STAKED || metric == Metric.TAU_OF_LSTS;
        if (isTau) {
            tau = text(source, key + ".tau", f.get("tau"));
            if (!TAUS.contains(tau)) {
                throw new ConfigException(source + ": " + key + ".tau: '" + tau + "' is not one of 1/3, 1/2, 2/3");
            }
        } else if (f.containsKey("tau")) {
            throw new ConfigException(source + ": " + key + ".tau: only for the tau metrics");
        }
        BigDecimal threshold = number(source, key + ".threshold", f.get("threshold"));
        Direction direction = Direction.ABOVE;
        if (f.containsKey("direction")) {
            String d = text(source, key + ".direction", f.get("direction"));
            direction = switch (d.toLowerCase(Locale.ROOT)) {
                case "above" -> Direction.ABOVE;
                case "below" -> Direction.BELOW;
                default -> throw new ConfigException(source + ": " + key + ".direction: '" + d + "' is not above or below");
            };
        }
        BigDecimal hysteresis = f.containsKey("hysteresis") ? number(source, key + ".hysteresis", f.get("hysteresis"))
                : BigDecimal.ZERO;
        if (hysteresis.signum() < 0) {
            throw new ConfigException(source + ": " + key + ".hysteresis: must not be negative, got " + hysteresis);
        }
        Duration cooldown = f.containsKey("cooldown") ? duration(source, key + ".cooldown", f.get("cooldown"))
                : Duration.ZERO;
        return new AlertRule(id, metric, pool, n, tau, threshold, direction, hysteresis, cooldown);
    }

    private static Webhook webhook(String source, String name, Object value) {
        String key = "webhooks." + name;
        Map<String, Object> f = map(source, key, value);
        unknownKeys(source, key + ".", f, WEBHOOK_KEYS);
        String url = text(source, key + ".url", f.get("url"));
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new ConfigException(source + ": " + key + ".url: " + io.lsttracker.chain.RedactedUrl.of(url) + " is not a URL");
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new ConfigException(source + ": " + key + ".url: " + io.lsttracker.chain.RedactedUrl.of(url) + " is not an http(s) URL");
        }
        Webhook.Format format = Webhook.Format.GENERIC;
        if (f.containsKey("format")) {
            String text = text(source, key + ".format", f.get("format"));
            format = Arrays.stream(Webhook.Format.values()).filter(x -> x.configName().equals(text)).findFirst()
                    .orElseThrow(() -> new ConfigException(source + ": " + key + ".format: '" + text
                            + "' is not one of generic, slack, discord"));
        }
        return new Webhook(name, uri, format);
    }

    private static BigDecimal number(String source, String key, Object value) {
        if (value instanceof Number || value instanceof String) {
            try {
                return new BigDecimal(value.toString().trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new ConfigException(source + ": " + key + ": expected a number, found " + describe(value));
    }

    private static Duration duration(String source, String key, Object value) {
        if (value instanceof Integer i && i == 0) {
            return Duration.ZERO;
        }
        Matcher m = value instanceof String s ? DURATION.matcher(s.trim()) : null;
        if (m == null || !m.matches()) {
            throw new ConfigException(source + ": " + key + ": expected a duration such as 30s, 15m, 1h or 1d, found "
                    + describe(value));
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    private static void unknownKeys(String source, String prefix, Map<String, Object> fields, Set<String> known) {
        for (String k : fields.keySet()) {
            if (!known.contains(k)) {
                throw new ConfigException(source + ": " + prefix + k + ": unknown key (known: "
                        + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(String source, String key, Object value) {
        if (!(value instanceof Map<?, ?> raw) || raw.keySet().stream().anyMatch(k -> !(k instanceof String))) {
            throw new ConfigException(source + ": " + key + ": expected a mapping, found " + describe(value));
        }
        return (Map<String, Object>) raw;
    }

    private static String text(String source, String key, Object value) {
        if (!(value instanceof String s) || s.isBlank()) {
            throw new ConfigException(source + ": " + key + ": expected a non-empty string, found " + describe(value));
        }
        return s.trim();
    }

    private static String describe(Object value) {
        return value == null ? "nothing" : "'" + value + "'";
    }
}
