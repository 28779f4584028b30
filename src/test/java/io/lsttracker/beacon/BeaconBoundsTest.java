package io.lsttracker.beacon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A beacon node that misbehaves after its headers: it trickles the body, goes silent, or sends far too much. The
 * HTTP client's timeout stops at the headers; the client's bounded body ends each within its timeout or size.
 */
class BeaconBoundsTest {

    /** Answers every connection with 200 headers (no length), then runs {@code body} on the socket. */
    private static final class BadNode implements AutoCloseable {
        interface Body {
            void write(OutputStream out) throws Exception;
        }

        private final ServerSocket listener;

        BadNode(Body body) throws IOException {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread t = new Thread(() -> {
                while (!listener.isClosed()) {
                    try {
                        Socket s = listener.accept();
                        Thread h = new Thread(() -> {
                            try (s; OutputStream out = s.getOutputStream()) {
                                s.getInputStream().read(new byte[8192]);
                                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n")
                                        .getBytes(StandardCharsets.US_ASCII));
                                out.flush();
                                body.write(out);
                            } catch (Exception e) {
                                // the client gave up: what the tests want
                            }
                        });
                        h.setDaemon(true);
                        h.start();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            t.setDaemon(true);
            t.start();
        }

        String url() {
            return "http://127.0.0.1:" + listener.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            listener.close();
        }
    }

    private static BeaconReadException failsWithin(BadNode node, Duration limit) {
        BeaconClient client = new BeaconClient(node.url(), Duration.ofSeconds(1));
        long start = System.nanoTime();
        BeaconReadException e = assertThrows(BeaconReadException.class, () -> client.totalStakedAt(Instant.now()));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(limit) < 0, "took " + took + ": " + e.getMessage());
        return e;
    }

    @Test
    void aNodeThatTricklesItsAnswerIsCutAtTheTimeout() throws Exception {
        try (BadNode node = new BadNode(out -> {
            out.write("{\"data\":{\"genesis_time\":\"".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 600; i++) { // a digit every 100 ms: a minute of body, never silent for long
                out.write('1');
                out.flush();
                Thread.sleep(100);
            }
        })) {
            BeaconReadException e = failsWithin(node, Duration.ofSeconds(5));
            assertTrue(e.getMessage().endsWith("GET /eth/v1/beacon/genesis failed: the answer took longer than 1000 ms"),
                    e.getMessage());
        }
    }

    @Test
    void aNodeThatFallsSilentAfterItsHeadersIsCutAtTheTimeout() throws Exception {
        try (BadNode node = new BadNode(out -> Thread.sleep(60_000))) {
            BeaconReadException e = failsWithin(node, Duration.ofSeconds(5));
            assertTrue(e.getMessage().contains("GET /eth/v1/beacon/genesis failed"), e.getMessage());
        }
    }

    @Test
    void aGenesisAnswerLargerThan64KibIsRefused() throws Exception {
        try (BadNode node = new BadNode(out -> {
            out.write("{\"data\":{\"genesis_time\":\"1606824023\"},\"pad\":\"".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "x".repeat(8192).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 200_000; i++) { // 1.6 GB if read whole
                out.write(chunk);
            }
        })) {
            BeaconReadException e = failsWithin(node, Duration.ofSeconds(5));
            assertEquals(true, e.getMessage().endsWith("GET /eth/v1/beacon/genesis failed: the answer is larger than "
                    + "65536 bytes"), e.getMessage());
        }
    }
}
