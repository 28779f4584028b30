package io.lsttracker.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Options;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.client.HttpClientConfiguration;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * The tracker's HTTP API as its tests call it: a declarative client of the server of the context it is taken
 * from ({@code @Client("/")} is that context's embedded server). Every method answers the whole response, an
 * error status included ({@link Settings}), so a test can check status codes, headers and bodies. JSON answers,
 * the API's {error, message} errors among them, come as Jackson trees (the raw body stays readable with
 * {@code getBody(String.class)}); others (CSV, YAML, the Prometheus text) as strings. The routes are those of
 * src/main/resources/openapi.yml.
 */
@Client(value = "/", configuration = TrackerApi.Settings.class, errorType = JsonNode.class)
public interface TrackerApi {

    @Get("/api/pools")
    HttpResponse<JsonNode> pools();

    /** The pools as a page on {@code origin} asks for them (a cross-origin read). */
    @Get("/api/pools")
    HttpResponse<JsonNode> pools(@Header(HttpHeaders.ORIGIN) String origin);

    /** A CORS preflight of a page on {@code origin} that wants to send {@code method} to /api/pools. */
    @Options("/api/pools")
    HttpResponse<JsonNode> poolsPreflight(@Header(HttpHeaders.ORIGIN) String origin,
            @Header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) String method);

    @Delete("/api/pools")
    HttpResponse<JsonNode> deletePools();

    @Get("/api/pools/{id}")
    HttpResponse<JsonNode> pool(@PathVariable String id);

    @Get("/api/pools/{id}/history{?from,to,interval}")
    HttpResponse<JsonNode> history(@PathVariable String id, @Nullable @QueryValue String from,
            @Nullable @QueryValue String to, @Nullable @QueryValue String interval);

    /** The history in the media type asked for by the {@code format} parameter or else by {@code accept}. */
    @Get("/api/pools/{id}/history{?from,to,interval,format}")
    HttpResponse<String> historyText(@PathVariable String id, @Nullable @QueryValue String from,
            @Nullable @QueryValue String to, @Nullable @QueryValue String interval,
            @Nullable @QueryValue String format, @Header(HttpHeaders.ACCEPT) String accept);

    @Get("/api/pools/{id}/rewards")
    HttpResponse<JsonNode> rewards(@PathVariable String id);

    @Get("/api/pools/{id}/rewards/history{?from,to}")
    HttpResponse<JsonNode> rewardsHistory(@PathVariable String id, @Nullable @QueryValue String from,
            @Nullable @QueryValue String to);

    @Get("/api/snapshots/latest")
    HttpResponse<JsonNode> latestSnapshot();

    @Get("/api/concentration")
    HttpResponse<JsonNode> concentration();

    @Get("/api/concentration/history{?from,to,interval}")
    HttpResponse<JsonNode> concentrationHistory(@Nullable @QueryValue String from, @Nullable @QueryValue String to,
            @Nullable @QueryValue String interval);

    @Get("/api/entities")
    HttpResponse<JsonNode> entities();

    @Get("/api/clients{?window}")
    HttpResponse<JsonNode> clients(@Nullable @QueryValue String window);

    @Get("/api/clients/history{?entity,days}")
    HttpResponse<JsonNode> clientsHistory(@Nullable @QueryValue String entity, @Nullable @QueryValue String days);

    @Get("/api/clients/history{?entity,days,format}")
    HttpResponse<String> clientsHistoryText(@Nullable @QueryValue String entity, @Nullable @QueryValue String days,
            @Nullable @QueryValue String format);

    @Get("/api/entities/{id}/clients{?window}")
    HttpResponse<JsonNode> entityClients(@PathVariable String id, @Nullable @QueryValue String window);

    @Get("/api/entities/{id}")
    HttpResponse<JsonNode> entity(@PathVariable String id);

    @Get("/api/entities/history{?from,to}")
    HttpResponse<JsonNode> entitiesHistory(@Nullable @QueryValue String from, @Nullable @QueryValue String to);

    @Get("/api/entities/history{?from,to,interval}")
    HttpResponse<JsonNode> entitiesHistory(@Nullable @QueryValue String from, @Nullable @QueryValue String to,
            @Nullable @QueryValue String interval);

    /** The history in the media type asked for by the {@code format} parameter or else by {@code accept}. */
    @Get("/api/entities/history{?from,to,format}")
    HttpResponse<String> entitiesHistoryText(@Nullable @QueryValue String from, @Nullable @QueryValue String to,
            @Nullable @QueryValue String format, @Header(HttpHeaders.ACCEPT) String accept);

    @Get("/api/alerts{?state,limit}")
    HttpResponse<JsonNode> alerts(@Nullable @QueryValue String state, @Nullable @QueryValue String limit);

    @Get("/api/alerts/active")
    HttpResponse<JsonNode> activeAlerts();

    @Get("/api/liquidity")
    HttpResponse<JsonNode> liquidity();

    @Get("/api/pools/{id}/liquidity{?from,to,limit}")
    HttpResponse<JsonNode> poolLiquidity(@PathVariable String id, @Nullable @QueryValue String from,
            @Nullable @QueryValue String to, @Nullable @QueryValue String limit);

    /** The pool's liquidity history in the media type asked for by {@code format} or else by {@code accept}. */
    @Get("/api/pools/{id}/liquidity{?from,to,limit,format}")
    HttpResponse<String> poolLiquidityText(@PathVariable String id, @Nullable @QueryValue String from,
            @Nullable @QueryValue String to, @Nullable @QueryValue String limit, @Nullable @QueryValue String format,
            @Header(HttpHeaders.ACCEPT) String accept);

    @Get("/api/liquidity/exit-queue{?from,to,limit}")
    HttpResponse<JsonNode> exitQueue(@Nullable @QueryValue String from, @Nullable @QueryValue String to,
            @Nullable @QueryValue String limit);

    @Get("/api/liquidity/exit-queue{?from,to,limit,format}")
    HttpResponse<String> exitQueueText(@Nullable @QueryValue String from, @Nullable @QueryValue String to,
            @Nullable @QueryValue String limit, @Nullable @QueryValue String format,
            @Header(HttpHeaders.ACCEPT) String accept);

    /** The pool's liquidity history per interval (with a limit too, to see the two refused together). */
    @Get("/api/pools/{id}/liquidity{?from,to,interval,limit}")
    HttpResponse<JsonNode> poolLiquidityPer(@PathVariable String id, @Nullable @QueryValue String from,
            @Nullable @QueryValue String to, @Nullable @QueryValue String interval, @Nullable @QueryValue String limit);

    @Get("/api/pools/{id}/liquidity{?from,to,interval,format}")
    HttpResponse<String> poolLiquidityPerText(@PathVariable String id, @Nullable @QueryValue String from,
            @Nullable @QueryValue String to, @Nullable @QueryValue String interval, @Nullable @QueryValue String format,
            @Header(HttpHeaders.ACCEPT) String accept);

    @Get("/api/liquidity/exit-queue{?from,to,interval,limit}")
    HttpResponse<JsonNode> exitQueuePer(@Nullable @QueryValue String from, @Nullable @QueryValue String to,
            @Nullable @QueryValue String interval, @Nullable @QueryValue String limit);

    @Get("/api/liquidity/exit-queue{?from,to,interval,format}")
    HttpResponse<String> exitQueuePerText(@Nullable @QueryValue String from, @Nullable @QueryValue String to,
            @Nullable @QueryValue String interval, @Nullable @QueryValue String format,
            @Header(HttpHeaders.ACCEPT) String accept);

    @Get("/health")
    HttpResponse<JsonNode> health();

    @Get("/openapi.yml")
    @Header(name = HttpHeaders.ACCEPT, value = "application/yaml")
    HttpResponse<String> openApi();

    @Get("/prometheus")
    @Header(name = HttpHeaders.ACCEPT, value = MediaType.TEXT_PLAIN)
    HttpResponse<String> prometheus();

    /** Starts a backfill; {@code body} is sent as it is (it may be anything but JSON, on purpose). */
    @Post(value = "/api/admin/backfill", processes = MediaType.APPLICATION_JSON)
    HttpResponse<JsonNode> startBackfill(@Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization,
            @Body String body);

    @Get("/api/admin/backfill/{id}")
    HttpResponse<JsonNode> backfill(@PathVariable String id,
            @Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization);

    /**
     * GET of a path and query written out by hand, sent as written (percent-escapes included): for routes that
     * do not exist and for bad input that the typed methods above would encode away.
     */
    @Get("{+target}")
    HttpResponse<JsonNode> get(@PathVariable String target);

    /**
     * Error statuses are answers to check, not exceptions (the framework returns them only where the body type is
     * the client's error type, hence {@code errorType = JsonNode.class}); a read timeout that a loaded machine's
     * slowest answer stays well inside.
     */
    @Singleton
    final class Settings extends HttpClientConfiguration {
        private final ConnectionPoolConfiguration pool = new ConnectionPoolConfiguration();

        Settings() {
            setExceptionOnErrorStatus(false);
            setReadTimeout(Duration.ofSeconds(30));
        }

        @Override
        public ConnectionPoolConfiguration getConnectionPoolConfiguration() {
            return pool;
        }
    }
}
