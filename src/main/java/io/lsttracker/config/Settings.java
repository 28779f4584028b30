package io.lsttracker.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.micronaut.core.convert.ConversionService;
import io.micronaut.core.naming.NameUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the typed settings records (ChainSettings, RewardSettings ... one per feature, each bound by Micronaut
 * from its {@code tracker.*} keys) share: the checks that name the key of a bad value, and their defaults for code
 * that runs without an application context.
 *
 * <p>Every default lives once, in application.yml, beside the environment variable that overrides it
 * ({@code request-timeout: ${LST_RPC_TIMEOUT:20s}}). A record's components are {@code @Nullable} so that a value
 * Micronaut cannot convert ("20 seconds") arrives as null and the record's check names its key, instead of a
 * bare injection failure; no record fills in a default of its own. The records are created with the context
 * ({@code @Context}), so a bad value stops start-up rather than the first cycle that needs it.
 */
public final class Settings {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[A-Za-z0-9_.-]+(?::(.*))?}", Pattern.DOTALL);

    private Settings() {
    }

    /**
     * The record bound from the defaults written in the packaged application.yml under {@code prefix}, converted
     * as Micronaut converts them: for code without an application context (one-endpoint connections of tools,
     * tests, benchmarks). Environment variables are not read; these are the defaults, not the configuration.
     */
    public static <T extends Record> T defaults(String prefix, Class<T> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            String key = prefix + "." + NameUtils.hyphenate(components[i].getName());
            values[i] = value(key, components[i].getType());
        }
        try {
            return type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new)).newInstance(values);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type + " is not a settings record", e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object value(String key, Class<?> type) {
        if (type.isRecord()) {
            return defaults(key, (Class<? extends Record>) type);
        }
        JsonNode node = Packaged.APPLICATION_YML;
        for (String part : key.split("\\.")) {
            node = node.path(part);
        }
        String text = node.isValueNode() ? node.asText() : null;
        Matcher placeholder = text == null ? null : PLACEHOLDER.matcher(text);
        if (placeholder != null && placeholder.matches()) {
            text = placeholder.group(1) == null ? null : placeholder.group(1).replaceAll("^`(.*)`$", "$1");
        }
        if (text == null || type == String.class) {
            return text;
        }
        return text.isEmpty() ? null : ConversionService.SHARED.convert(text, (Class) box(type)).orElse(null);
    }

    private static Class<?> box(Class<?> type) {
        if (type == long.class) {
            return Long.class;
        }
        return type == int.class ? Integer.class : type;
    }

    /** {@code value}, or an error naming {@code key} when it is missing or could not be read as {@code expected}. */
    public static <T> T required(String key, T value, String expected) {
        if (value == null) {
            throw new ConfigException(key + ": missing, or not " + expected);
        }
        return value;
    }

    public static Duration positive(String key, Duration value) {
        Duration d = required(key, value, "a duration such as 30s");
        if (d.isZero() || d.isNegative()) {
            throw new ConfigException(key + ": must be positive, got " + d);
        }
        return d;
    }

    public static Duration notNegative(String key, Duration value) {
        Duration d = required(key, value, "a duration such as 30s");
        if (d.isNegative()) {
            throw new ConfigException(key + ": must not be negative, got " + d);
        }
        return d;
    }

    /** Read once, when a default is first asked for. */
    private static final class Packaged {
        static final JsonNode APPLICATION_YML = read();

        private static JsonNode read() {
            try (InputStream in = Settings.class.getClassLoader().getResourceAsStream("application.yml")) {
                if (in == null) {
                    throw new IllegalStateException("application.yml is not on the class path");
                }
                return new YAMLMapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException("application.yml cannot be read", e);
            }
        }
    }
}
