package io.lsttracker.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * docker-compose.yml and the Dockerfile, checked without a Docker engine (none runs on this machine): the
 * compose file parses, the tracker gets only environment variables the app reads and all those it needs for
 * PostgreSQL, and the ports agree. Building and running the images is left to a machine with Docker.
 */
class DeploymentFilesTest {
    private static final Path PROJECT = Path.of(System.getenv().getOrDefault("LST_PROJECT_DIR", "."));

    @Test
    @SuppressWarnings("unchecked")
    void composeGivesTheTrackerOnlyEnvironmentTheAppReads() throws Exception {
        Map<String, Object> compose = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(PROJECT.resolve("docker-compose.yml")));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        assertEquals(Set.of("postgres", "tracker"), services.keySet());
        Map<String, Object> tracker = (Map<String, Object>) services.get("tracker");
        Map<String, Object> environment = (Map<String, Object>) tracker.get("environment");

        Set<String> read = appEnvironment();
        for (String name : environment.keySet()) {
            assertTrue(read.contains(name), name + " is set in docker-compose.yml but the app reads no such variable; it reads " + read);
        }
        for (String needed : Set.of("LST_RPC_URL", "LST_DB_URL", "LST_DB_USER", "LST_DB_PASSWORD")) {
            assertTrue(environment.containsKey(needed), "docker-compose.yml does not set " + needed);
        }
        assertTrue(environment.get("LST_DB_URL").toString().startsWith("jdbc:postgresql://postgres:5432/"));

        Map<String, Object> postgres = (Map<String, Object>) services.get("postgres");
        Map<String, Object> pgEnvironment = (Map<String, Object>) postgres.get("environment");
        assertEquals(pgEnvironment.get("POSTGRES_USER"), environment.get("LST_DB_USER"));
        assertEquals(pgEnvironment.get("POSTGRES_PASSWORD"), environment.get("LST_DB_PASSWORD"));
        assertTrue(environment.get("LST_DB_URL").toString().endsWith("/" + pgEnvironment.get("POSTGRES_DB")));

        String port = environment.get("LST_HTTP_PORT").toString();
        assertTrue(((java.util.List<Object>) tracker.get("ports")).contains(port + ":" + port));
        String dockerfile = Files.readString(PROJECT.resolve("Dockerfile"));
        assertTrue(dockerfile.contains("EXPOSE " + port), "the Dockerfile exposes another port");
        assertTrue(dockerfile.contains("CMD [\"serve\"]"));
    }

    /** The LST_* variables that application*.yml and the code read. */
    private static Set<String> appEnvironment() throws Exception {
        Set<String> names = new TreeSet<>();
        Pattern placeholder = Pattern.compile("\\$\\{(LST_[A-Z_]+)");
        try (var files = Files.list(PROJECT.resolve("src/main/resources"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("application")).toList()) {
                Matcher m = placeholder.matcher(Files.readString(file));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }
}
