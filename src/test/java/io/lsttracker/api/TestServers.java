package io.lsttracker.api;

import java.net.URI;
import java.util.Map;

/** Access to {@link TestServer} from tests in other packages. */
public final class TestServers {
    private TestServers() {
    }

    public static AutoCloseable serve(Map<String, Object> overrides) {
        return new TestServer(overrides);
    }

    public static URI uri(AutoCloseable server) {
        return ((TestServer) server).base;
    }

    /** Stores a snapshot of every block of the chain so far, as `demo` does: history for charts. */
    public static void storeHistory(AutoCloseable server) {
        TestServer s = (TestServer) server;
        var snapshots = s.context.getBean(io.lsttracker.snapshot.SnapshotService.class);
        var recorder = s.context.getBean(io.lsttracker.snapshot.SnapshotRecorder.class);
        long head = snapshots.take(io.lsttracker.domain.BlockSelector.LATEST).block().number();
        for (long block = 1; block <= head; block++) {
            recorder.record(snapshots.take(new io.lsttracker.domain.BlockSelector.Number(block)));
        }
    }

    /** Waits until the scheduler has stored a snapshot with every pool ok. */
    public static void awaitSnapshot(AutoCloseable server) throws InterruptedException {
        TestServer s = (TestServer) server;
        long deadline = System.currentTimeMillis() + 30_000;
        while (!s.get("/api/pools").body().contains("\"status\":\"ok\"")) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("no snapshot stored within 30 s: " + s.get("/health").body());
            }
            Thread.sleep(200);
        }
    }
}
