package io.lsttracker.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One of our YAML configuration files (config/pools.yml, config/alerts.yml) bound to records by Jackson's YAML
 * module. Every error names the file, the line and the key, as in
 * {@code pools.yml:12: pools.lido.protocol: unknown protocol 'lidoo' (known: ...)}: Jackson's own errors (not
 * YAML, an unknown key, a value of the wrong type) are turned into that form here, and the loaders' checks of the
 * bound records raise theirs through {@link #error(String, String)}.
 *
 * <p>The line of a key comes from a first pass over the parser's tokens ({@code JsonLocation} of each key), so a
 * check made after binding names the line as precisely as Jackson's own errors do.
 *
 * @param <T> the record the file's top level is bound to
 */
public final class ConfigFile<T> {
    /** The one place the files' mapper is configured (see {@link #mapper()}). */
    private static final YAMLMapper MAPPER = mapper();

    private final String source;
    private final Map<String, Value> values;
    private final List<String> duplicates;
    private final T content;

    private ConfigFile(String source, Map<String, Value> values, List<String> duplicates, T content) {
        this.source = source;
        this.values = values;
        this.duplicates = duplicates;
        this.content = content;
    }

    /**
     * Strict binding: a key the record does not have is refused; a string is never made from a number or a
     * boolean, a whole number never from a string or a fraction (what a user writes is what the record gets). A
     * key left out and a key left empty both bind as null; {@link #optional} tells them apart. Duplicate keys
     * are left to YAML's rule (the last one wins) unless the loader calls {@link #requireUniqueKeys()}.
     */
    private static YAMLMapper mapper() {
        YAMLMapper mapper = YAMLMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .build();
        for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        return mapper;
    }

    /**
     * Reads the file: {@code explicitFile} if given; else ./{@code packaged} if the working directory has one (a
     * checkout of this repository); else the copy packaged in the jar.
     *
     * @param what    what the file holds, for errors ("pool registry")
     * @param setting the environment variable that names another file, for errors
     */
    public static <T> ConfigFile<T> load(String explicitFile, String packaged, String what, String setting,
            Class<T> type) {
        if (explicitFile != null && !explicitFile.isBlank()) {
            return loadFile(Path.of(explicitFile), what, type);
        }
        Path local = Path.of(packaged);
        if (Files.isRegularFile(local)) {
            return loadFile(local, what, type);
        }
        try (InputStream in = ConfigFile.class.getClassLoader().getResourceAsStream(packaged)) {
            if (in == null) {
                throw new ConfigException("no " + what + ": " + packaged + " is neither in the working directory "
                        + "nor packaged; set " + setting);
            }
            return parse("classpath:" + packaged, new String(in.readAllBytes(), StandardCharsets.UTF_8), type);
        } catch (IOException e) {
            throw new ConfigException("cannot read the packaged " + packaged + ": " + e.getMessage());
        }
    }

    public static <T> ConfigFile<T> loadFile(Path file, String what, Class<T> type) {
        String yaml;
        try {
            yaml = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + what + " " + file + ": " + e);
        }
        return parse(file.toString(), yaml, type);
    }

    /** Binds {@code yaml} (named {@code source} in errors) to {@code type}; an empty document binds as {@code {}}. */
    public static <T> ConfigFile<T> parse(String source, String yaml, Class<T> type) {
        Map<String, Value> values = new HashMap<>();
        List<String> duplicates = new ArrayList<>();
        values(source, yaml, values, duplicates);
        try {
            T content = MAPPER.readValue(values.isEmpty() ? "{}" : yaml, type);
            return new ConfigFile<>(source, values, duplicates, content);
        } catch (JsonMappingException e) {
            throw new ConfigFile<T>(source, values, duplicates, null).bindingError(e);
        } catch (JsonProcessingException e) {
            throw notYaml(source, e);
        }
    }

    public String source() {
        return source;
    }

    public T content() {
        return content;
    }

    /**
     * A value the loader cannot use: "source:line: key: problem", with the line of {@code key}, or of the nearest
     * key above it that the file has (the mapping a missing key belongs in).
     */
    public ConfigException error(String key, String problem) {
        for (String k = key; ; k = k.substring(0, Math.max(k.lastIndexOf('.'), 0))) {
            Value value = values.get(k);
            if (value != null) {
                return new ConfigException(source + ":" + value.line() + ": " + key + ": " + problem);
            }
            if (k.isEmpty()) {
                return new ConfigException(source + ": " + key + ": " + problem);
            }
        }
    }

    /**
     * For files whose keys are identities (an entity id): an error naming the first key written twice in one
     * mapping and both its lines, where YAML's own rule would silently keep the last.
     */
    public void requireUniqueKeys() {
        if (!duplicates.isEmpty()) {
            throw new ConfigException(duplicates.get(0));
        }
    }

    /** {@code value} trimmed, or an error if it is missing, empty or blank. */
    public String text(String key, String value) {
        if (value != null && value.isBlank()) {
            throw error(key, "expected a non-empty string, found '" + value + "'");
        }
        return required(key, value, "a non-empty string").trim();
    }

    /** {@code value}, or an error if the key is missing or empty ("expected {@code expected}, found nothing"). */
    public <V> V required(String key, V value, String expected) {
        if (value == null) {
            throw error(key, "expected " + expected + ", found nothing");
        }
        return value;
    }

    /** {@code value}; empty if the key is left out; an error if it is written with no value. */
    public <V> Optional<V> optional(String key, V value, String expected) {
        return values.containsKey(key) ? Optional.of(required(key, value, expected)) : Optional.ofNullable(value);
    }

    private ConfigException bindingError(JsonMappingException e) {
        String key = key(e.getPath().stream().<Object>map(r -> r.getFieldName() != null ? r.getFieldName() : r.getIndex())
                .toList());
        String shown = key.isEmpty() ? "(top level)" : key;
        if (e instanceof UnrecognizedPropertyException unknown) {
            return error(shown, "unknown key (known: " + unknown.getKnownPropertyIds().stream().map(Object::toString)
                    .sorted().collect(Collectors.joining(", ")) + ")");
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ConfigException problem) {
                return error(shown, problem.getMessage());
            }
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Value value = values.get(key);
            return error(shown, "expected " + kind(mismatch.getTargetType()) + ", found "
                    + (value == null || value.found() == null ? "nothing" : value.found()));
        }
        return error(shown, e.getOriginalMessage());
    }

    private static String kind(Class<?> type) {
        if (type == String.class) {
            return "a non-empty string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == BigDecimal.class) {
            return "a number";
        }
        return "a mapping";
    }

    /**
     * Each key of the document (dotted, as errors name it) with its line and what its value looks like; the top
     * level is the key "". Fails on text that is not YAML, so binding only ever sees a well-formed document.
     */
    private static void values(String source, String yaml, Map<String, Value> values, List<String> duplicates) {
        try (JsonParser parser = MAPPER.createParser(yaml)) {
            String pending = "";
            int pendingLine = 1;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME) {
                    pending = key(path(parser.getParsingContext()));
                    pendingLine = parser.currentTokenLocation().getLineNr();
                    Value first = values.get(pending);
                    if (first != null) {
                        duplicates.add(source + ":" + pendingLine + ": " + pending + ": given twice (first at line "
                                + first.line() + ")");
                    }
                    continue;
                }
                if (pending != null) {
                    values.put(pending, new Value(pendingLine, found(parser, token)));
                    pending = null;
                }
            }
        } catch (JsonProcessingException e) {
            throw notYaml(source, e);
        } catch (IOException e) {
            throw new ConfigException(source + ": cannot be read: " + e.getMessage());
        }
    }

    private static List<Object> path(JsonStreamContext context) {
        List<Object> path = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            path.add(0, c.inArray() ? (Object) c.getCurrentIndex() : c.getCurrentName());
        }
        return path;
    }

    /** pools.lido.addresses.steth; a list's items as [0], [1] ... */
    private static String key(List<Object> path) {
        StringBuilder key = new StringBuilder();
        for (Object part : path) {
            if (part instanceof Integer index) {
                key.append('[').append(index).append(']');
            } else {
                key.append(key.length() == 0 ? "" : ".").append(part);
            }
        }
        return key.toString();
    }

    private static String found(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> "a mapping";
            case START_ARRAY -> "a list";
            case VALUE_NULL -> null;
            default -> "'" + parser.getText() + "'";
        };
    }

    /** Not YAML: the line, and the parser's first line of explanation (the rest repeats the text with a caret). */
    private static ConfigException notYaml(String source, JsonProcessingException e) {
        String line = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr();
        String message = e.getOriginalMessage() == null ? e.toString() : e.getOriginalMessage();
        return new ConfigException(source + line + ": not valid YAML: " + message.lines().map(String::trim)
                .filter(s -> !s.isEmpty()).findFirst().orElse(message));
    }

    /** A key's line, and its value as errors show it ('text', a mapping, a list; null when empty). */
    private record Value(int line, String found) {
    }
}
