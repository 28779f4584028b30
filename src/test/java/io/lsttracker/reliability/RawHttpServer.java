package io.lsttracker.reliability;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server on 127.0.0.1 that answers every request with 200 headers of its choosing and then whatever
 * {@link Body} writes: a body that trickles, one that never ends, gigabytes. It stands in for a broken RPC node or
 * webhook receiver, which a well-behaved test server cannot play.
 */
public final class RawHttpServer implements AutoCloseable {
    /** What follows the headers. */
    public interface Body {
        void write(OutputStream out) throws Exception;
    }

    private final ServerSocket listener;
    private final AtomicInteger requests = new AtomicInteger();
    private final java.util.List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();

    public RawHttpServer(String headers, Body body) throws IOException {
        this(0, headers, body);
    }

    /** Waits {@code delayMillis} after each request before answering (a slow receiver). */
    public RawHttpServer(long delayMillis, String headers, Body body) throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(() -> {
            while (!listener.isClosed()) {
                try {
                    Socket s = listener.accept();
                    Thread h = new Thread(() -> {
                        try (s; OutputStream out = s.getOutputStream()) {
                            byte[] buffer = new byte[65536];
                            int n = s.getInputStream().read(buffer);
                            received.add(new String(buffer, 0, Math.max(n, 0), StandardCharsets.ISO_8859_1));
                            requests.incrementAndGet();
                            Thread.sleep(delayMillis);
                            out.write(("HTTP/1.1 200 OK\r\n" + headers + "Connection: close\r\n\r\n")
                                    .getBytes(StandardCharsets.US_ASCII));
                            out.flush();
                            body.write(out);
                        } catch (Exception e) {
                            // the client hung up: what the tests expect of it
                        }
                    }, "raw-http");
                    h.setDaemon(true);
                    h.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, "raw-http-accept");
        accept.setDaemon(true);
        accept.start();
    }

    public String url() {
        return "http://127.0.0.1:" + listener.getLocalPort() + "/";
    }

    /** Each request's text as it arrived (its line, headers and as much of its body as came with them). */
    public java.util.List<String> received() {
        return java.util.List.copyOf(received);
    }

    public int requests() {
        return requests.get();
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
