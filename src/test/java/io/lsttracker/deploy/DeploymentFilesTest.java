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
public class DeploymentFilesTest {
    private static final Path PROJECT = Path.of(System.getenv().getOrDefault("LST_PROJECT_DIR", "."));

    @Test
    @SuppressWarnings("unchecked")
    void composeGivesTheTrackerOnlyEnvironmentTheAppReads() throws Exception {
        Map<String, Object> compose = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(PROJECT.resolve("docker-compose.yml")));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        assertEquals(Set.of("postgres", "tracker", "prometheus", "grafana"), services.keySet());
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

    @Test
    @SuppressWarnings("unchecked")
    void prometheusScrapesTheTrackerAndGrafanaGetsItsDashboard() throws Exception {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        Map<String, Object> compose = yaml.load(Files.readString(PROJECT.resolve("docker-compose.yml")));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");

        Map<String, Object> prometheus = yaml.load(Files.readString(PROJECT.resolve("deploy/prometheus/prometheus.yml")));
        Map<String, Object> job = ((java.util.List<Map<String, Object>>) prometheus.get("scrape_configs")).get(0);
        assertEquals("/prometheus", job.get("metrics_path"));
        String port = ((Map<String, Object>) ((Map<String, Object>) services.get("tracker")).get("environment"))
                .get("LST_HTTP_PORT").toString();
        Map<String, Object> staticConfig = ((java.util.List<Map<String, Object>>) job.get("static_configs")).get(0);
        assertEquals(java.util.List.of("tracker:" + port), staticConfig.get("targets"));
        java.util.List<String> prometheusVolumes = (java.util.List<String>) ((Map<String, Object>) services.get("prometheus")).get("volumes");
        assertTrue(prometheusVolumes.contains("./deploy/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro"));

        Map<String, Object> grafana = (Map<String, Object>) services.get("grafana");
        java.util.List<String> volumes = (java.util.List<String>) grafana.get("volumes");
        assertTrue(volumes.contains("./deploy/grafana/provisioning:/etc/grafana/provisioning:ro"));
        assertTrue(volumes.contains("./deploy/grafana/dashboards:/var/lib/grafana/dashboards:ro"));
        Map<String, Object> provider = yaml.load(Files.readString(PROJECT.resolve(
                "deploy/grafana/provisioning/dashboards/lst-tracker.yml")));
        Map<String, Object> options = (Map<String, Object>) ((java.util.List<Map<String, Object>>) provider.get("providers")).get(0).get("options");
        assertEquals("/var/lib/grafana/dashboards", options.get("path"));
        Map<String, Object> datasource = ((java.util.List<Map<String, Object>>) ((Map<String, Object>) yaml.load(Files.readString(
                PROJECT.resolve("deploy/grafana/provisioning/datasources/prometheus.yml")))).get("datasources")).get(0);
        assertEquals("http://prometheus:9090", datasource.get("url"));

        com.fasterxml.jackson.databind.JsonNode dashboard = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(PROJECT.resolve("deploy/grafana/dashboards/lst-tracker.json").toFile());
        for (com.fasterxml.jackson.databind.JsonNode panel : dashboard.get("panels")) {
            assertEquals(datasource.get("uid"), panel.get("datasource").get("uid").asText(), panel.get("title").asText());
        }
    }

    /** The PromQL expressions of the provisioned Grafana dashboard (checked against a real Prometheus elsewhere). */
    public static java.util.List<String> grafanaExpressions() throws Exception {
        java.util.List<String> expressions = new java.util.ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode panel : new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(PROJECT.resolve("deploy/grafana/dashboards/lst-tracker.json").toFile()).get("panels")) {
            panel.get("targets").forEach(t -> expressions.add(t.get("expr").asText()));
        }
        return expressions;
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

    /** A JVM out of memory hangs half alive and ignores SIGTERM: the image and README's run line make it exit. */
    @Test
    void theJvmExitsOnOutOfMemoryInTheImageAndTheReadmesRunLine() throws Exception {
        String dockerfile = Files.readString(PROJECT.resolve("Dockerfile"));
        assertTrue(dockerfile.contains("ENTRYPOINT [\"java\", \"-XX:+ExitOnOutOfMemoryError\", \"-jar\""), dockerfile);
        String readme = Files.readString(PROJECT.resolve("README.md")).replaceAll("\\s+", " ");
        assertTrue(readme.contains("java -XX:+ExitOnOutOfMemoryError -jar target/lst-tracker.jar serve"),
                "README's mainnet run line");
    }
}
