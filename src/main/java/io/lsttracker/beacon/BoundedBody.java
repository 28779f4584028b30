package io.lsttracker.beacon;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A beacon node's answer body read with a deadline and a size limit. The HTTP client's timeout ends when the
 * headers arrive; a node that then trickles bytes, or sends none, or sends gigabytes, would hold the snapshot
 * cycle as long as it likes (README: "Reliability and security"). Every read checks both bounds, and at the
 * deadline the underlying stream is closed, which also ends a read blocked on a silent node.
 */
final class BoundedBody extends FilterInputStream {
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "beacon-body-deadline");
        t.setDaemon(true);
        return t;
    });

    private final long maxBytes;
    private final long deadlineNanos;
    private final long timeoutMillis;
    private final ScheduledFuture<?> closer;
    private long read;
    private volatile boolean expired;

    BoundedBody(InputStream in, long maxBytes, long timeoutMillis) {
        super(in);
        this.maxBytes = maxBytes;
        this.timeoutMillis = timeoutMillis;
        this.deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        this.closer = DEADLINES.schedule(() -> {
            expired = true;
            try {
                in.close();
            } catch (IOException e) {
                // closing is all that is wanted
            }
        }, timeoutMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public int read() throws IOException {
        check();
        int b;
        try {
            b = super.read();
        } catch (IOException e) {
            throw expired ? late() : e;
        }
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        check();
        int n;
        try {
            n = super.read(buffer, offset, (int) Math.min(length, maxBytes - read + 1));
        } catch (IOException e) {
            throw expired ? late() : e;
        }
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] sink = new byte[(int) Math.min(8192, Math.max(n, 1))];
        long skipped = 0;
        while (skipped < n) {
            int r = read(sink, 0, (int) Math.min(sink.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public void close() throws IOException {
        closer.cancel(false);
        super.close();
    }

    private void check() throws IOException {
        if (expired || System.nanoTime() - deadlineNanos > 0) {
            expired = true;
            throw late();
        }
    }

    private void count(int n) throws IOException {
        read += n;
        if (read > maxBytes) {
            throw new IOException("the answer is larger than " + maxBytes + " bytes");
        }
    }

    private IOException late() {
        return new IOException("the answer took longer than " + timeoutMillis + " ms");
    }
}
