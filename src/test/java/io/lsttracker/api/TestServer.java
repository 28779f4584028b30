package io.lsttracker.api;

import io.lsttracker.domain.BlockSelector;
import io.lsttracker.snapshot.SnapshotRecorder;
import io.lsttracker.snapshot.SnapshotService;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The tracker as `serve` runs it (environment "server", scheduler on) on a random port of 127.0.0.1 with a private
 * in-memory H2. A test class is usually a {@link ServerTest}, which Micronaut starts once for the class with
 * {@link #properties}; a test that needs its own start (a server per method, something to set up before the
 * start, a database that must outlive the server) uses {@link #start}. Either way the API is called through
 * {@link TrackerApi}.
 */
public final class TestServer implements AutoCloseable {
    private final EmbeddedServer server;

    private TestServer(EmbeddedServer server) {
        this.server = server;
    }

    /**
     * The configuration of a test server: {@code overrides} over a random port of 127.0.0.1, a fresh H2 database,
     * a 1 s poll of the head (no confirmations), and an RPC endpoint on 127.0.0.1 where nothing listens (tests
     * that read a chain set theirs).
     */
    public static Map<String, String> properties(Map<String, ?> overrides) {
        Map<String, String> properties = new HashMap<>();
        properties.put("micronaut.server.port", "-1");
        properties.put("micronaut.server.host", "127.0.0.1");
        properties.put("datasources.default.url", "jdbc:h2:mem:api_" + UUID.randomUUID().toString().replace("-", "")
                + ";DB_CLOSE_DELAY=-1");
        properties.put("tracker.chain.rpc-url", "http://127.0.0.1:1");
        properties.put("tracker.poll-interval", "1s");
        properties.put("tracker.confirmations", "0");
        properties.put("tracker.scheduler.enabled", "true");
        overrides.forEach((key, value) -> properties.put(key, String.valueOf(value)));
        return properties;
    }

    /** Starts a server with {@link #properties} over {@code overrides}. */
    public static TestServer start(Map<String, ?> overrides) {
        return new TestServer(ApplicationContext.builder().environments("server").deduceEnvironment(false)
                .banner(false).properties(new HashMap<>(properties(overrides))).run(EmbeddedServer.class));
    }

    /** Where this server listens, e.g. http://127.0.0.1:40123/ (for raw requests a declarative client cannot make). */
    public java.net.URI url() {
        return java.net.URI.create(server.getURL().toString() + "/");
    }

    /** The API of this server. */
    public TrackerApi api() {
        return server.getApplicationContext().getBean(TrackerApi.class);
    }

    /**
     * Records a snapshot of every block of the chain so far, as `demo` does: history for charts. Returns the head,
     * the number of blocks recorded.
     */
    public static long storeHistory(ApplicationContext context) {
        SnapshotService snapshots = context.getBean(SnapshotService.class);
        SnapshotRecorder recorder = context.getBean(SnapshotRecorder.class);
        long head = snapshots.take(BlockSelector.LATEST).block().number();
        for (long block = 1; block <= head; block++) {
            recorder.record(snapshots.take(new BlockSelector.Number(block)));
        }
        return head;
    }

    /**
     * Records one snapshot, at the head, as a first `serve` does: the report events are indexed from lookback-blocks
     * before it.
     */
    public static void recordHead(ApplicationContext context) {
        SnapshotService snapshots = context.getBean(SnapshotService.class);
        context.getBean(SnapshotRecorder.class).record(snapshots.take(BlockSelector.LATEST));
    }

    @Override
    public void close() {
        server.getApplicationContext().close();
    }
}
