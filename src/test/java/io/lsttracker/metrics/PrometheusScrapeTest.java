package io.lsttracker.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lsttracker.api.Await;
import io.lsttracker.api.ServerTest;
import io.lsttracker.deploy.DeploymentFilesTest;
import io.lsttracker.devchain.AnvilProcess;
import io.lsttracker.devchain.Devchain;
import io.lsttracker.devchain.TestDevchain;
import io.lsttracker.domain.Wei;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real Prometheus (Debian's) scrapes the running tracker; its query API returns the per-pool series. */
class PrometheusScrapeTest extends ServerTest {
    private final Devchain devchain = TestDevchain.shared();

    @Inject
    EmbeddedServer server;

    @Override
    protected Map<String, ?> settings() {
        return Map.of("tracker.chain.rpc-url", devchain.url(), "tracker.beacon.url", devchain.beaconUrl());
    }

    @Test
    void prometheusScrapesThePerPoolSeries(@TempDir Path dir) throws Exception {
        Path prometheus = ExternalTools.require("LST_PROMETHEUS_BIN", "/usr/bin/prometheus");
        Await.snapshot(api);
        int port = AnvilProcess.freePort();
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
                + "scrape_configs:\n  - job_name: lst-tracker\n    metrics_path: /prometheus\n"
                + "    static_configs:\n      - targets: ['127.0.0.1:" + server.getPort() + "']\n");
        Process process = new ProcessBuilder(prometheus.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        try (HttpClient http = HttpClient.create(new URL("http://127.0.0.1:" + port))) {
            PrometheusQueries queries = new PrometheusQueries(http.toBlocking());
            Map<String, Double> series = new TreeMap<>();
            long deadline = System.currentTimeMillis() + 30_000;
            while (series.size() < devchain.poolIds().size() && System.currentTimeMillis() < deadline) {
                Thread.sleep(500);
                series = queries.query("lst_pool_eth_per_token");
            }
            assertEquals(new TreeMap<>(expectedRates(devchain)).keySet(), series.keySet(),
                    Files.readString(dir.resolve("prometheus.log")));
            for (Map.Entry<String, Double> e : expectedRates(devchain).entrySet()) {
                assertEquals(e.getValue(), series.get(e.getKey()), 1e-12, e.getKey());
            }
            assertTrue(queries.query("lst_snapshot_cycles_total").size() > 0);
            // Every query of the provisioned Grafana dashboard returns series from this Prometheus. Rates over
            // [5m] need two scrapes of a counter, which the loop above has waited for only partly: retry briefly.
            for (String expr : DeploymentFilesTest.grafanaExpressions()) {
                Map<String, Double> result = Map.of();
                for (int i = 0; i < 40 && result.isEmpty(); i++) {
                    result = queries.query(expr);
                    if (result.isEmpty()) {
                        Thread.sleep(250);
                    }
                }
                assertTrue(!result.isEmpty(), "the Grafana query returns nothing: " + expr);
            }
            assertEquals(devchain.poolIds().size(), queries.query("lst_pool_share_of_staked_ratio").size());
            // The liquidity gauges are ingested too: a series per pool (NaN until the pool's market is quoted).
            assertEquals(devchain.poolIds().size(), queries.query("lst_market_quote_ok").size());
            assertEquals(3.0 * devchain.poolIds().size(), queries.query("count(lst_market_discount_bps)").values()
                    .iterator().next(), "a discount series per pool for each of the sizes 1, 100, 10000");
            // Five windows per pool, and Lido's SDK window for the one Lido pool.
            assertEquals(5.0 * devchain.poolIds().size() + 1, queries.query("count(lst_pool_apr_ratio)").values()
                    .iterator().next(), "an APR series per pool for each of the 5 windows, plus lido-sdk-7d");
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static Map<String, Double> expectedRates(Devchain devchain) {
        Map<String, Double> rates = new HashMap<>();
        for (String id : devchain.poolIds()) {
            rates.put(id, Wei.toEther(devchain.expected(id).ethPerToken()).doubleValue());
        }
        return rates;
    }

    /** Prometheus's instant-query API (/api/v1/query), read with the framework's HTTP client. */
    private record PrometheusQueries(BlockingHttpClient http) {
        /** The query's result as label value of 'pool' (or of the first label) -> value; empty until Prometheus answers. */
        Map<String, Double> query(String promql) {
            Map<String, Double> values = new TreeMap<>();
            JsonNode answer;
            try {
                answer = http.retrieve(HttpRequest.GET(UriBuilder.of("/api/v1/query").queryParam("query", promql)
                        .build()), JsonNode.class);
            } catch (HttpClientException notUpYet) {
                return values;
            }
            for (JsonNode result : answer.get("data").get("result")) {
                JsonNode metric = result.get("metric");
                String key = metric.has("pool") ? metric.get("pool").asText()
                        : metric.has("outcome") ? metric.get("outcome").asText() : metric.toString();
                values.put(key, Double.parseDouble(result.get("value").get(1).asText()));
            }
            return values;
        }
    }
}
