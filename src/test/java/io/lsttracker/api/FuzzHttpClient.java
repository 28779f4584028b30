package io.lsttracker.api;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client over one kept-alive socket that writes requests byte for byte as given: the JDK's
 * HttpClient refuses unencoded paths, odd methods and restricted headers, which are exactly what a fuzz run
 * must send. It reconnects when the server closes the connection (after "Connection: close" or a refused
 * request) and reads bodies by Content-Length, chunked transfer coding, or until the connection closes.
 */
final class FuzzHttpClient implements AutoCloseable {
    /** One answer; {@code status} 0 means the server closed the connection without answering. */
    record Answer(int status, Map<String, String> headers, String body) {
    }

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private int connections;

    FuzzHttpClient(String host, int port) {
        this.host = host;
        this.port = port;
    }

    int connections() {
        return connections;
    }

    /**
     * Sends one request and reads its answer. After a request that is not HTTP ({@code wellFormed} false), a
     * 413, or a refused request with a body, the server may not have read all we sent, so that connection is
     * not used again.
     */
    Answer send(String method, String target, Map<String, String> headers, byte[] body, boolean wellFormed)
            throws IOException {
        if (!wellFormed) {
            disconnect();
        }
        Answer answer = send(method, target, headers, body);
        if (!wellFormed || answer.status() == 413 || (body != null && answer.status() >= 400)) {
            disconnect();
        }
        return answer;
    }

    Answer send(String method, String target, Map<String, String> headers, byte[] body) throws IOException {
        boolean reused = socket != null;
        Answer answer = attempt(method, target, headers, body);
        if (answer.status() == 0 && reused) {
            // The server may have closed an idle kept-alive connection just before we wrote: once more, fresh.
            answer = attempt(method, target, headers, body);
        }
        return answer;
    }

    private Answer attempt(String method, String target, Map<String, String> headers, byte[] body) throws IOException {
        connect();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.writeBytes((method + " " + target + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, String> h : headers.entrySet()) {
            head.writeBytes((h.getKey() + ": " + h.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        if (body != null) {
            head.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        head.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        try {
            out.write(head.toByteArray());
            if (body != null) {
                out.write(body);
            }
            out.flush();
        } catch (IOException e) {
            // A server may answer (413, 400) and close before it has read a large body: read what it sent.
        }
        Answer answer;
        try {
            answer = read(method.equals("HEAD"));
        } catch (IOException e) {
            disconnect();
            return new Answer(0, Map.of(), "(no answer: " + e.getMessage() + ")");
        } catch (RuntimeException e) {
            // Not HTTP where a status line or a header should be: the framing of an earlier answer was off.
            disconnect();
            return new Answer(-1, Map.of(), "(unreadable answer: " + e.getMessage() + ")");
        }
        if ("close".equalsIgnoreCase(answer.headers().getOrDefault("connection", ""))) {
            disconnect();
        }
        return answer;
    }

    private Answer read(boolean head) throws IOException {
        String statusLine = line();
        if (statusLine == null) {
            throw new IOException("connection closed before a status line");
        }
        String[] parts = statusLine.split(" ", 3);
        int status = Integer.parseInt(parts[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(); line != null && !line.isEmpty(); line = line()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        byte[] body;
        if (head || status == 204 || status == 304 || status / 100 == 1) {
            body = new byte[0];
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream chunks = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                    size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                chunks.writeBytes(in.readNBytes(size));
                line();
            }
            for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
                // trailers are not used by the API; skip them
            }
            body = chunks.toByteArray();
        } else if (headers.containsKey("content-length")) {
            int length = Integer.parseInt(headers.get("content-length"));
            body = in.readNBytes(length);
            if (body.length < length) {
                throw new IOException("body truncated at " + body.length + " of " + length + " bytes");
            }
        } else {
            body = in.readAllBytes();
            disconnect();
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private void connect() throws IOException {
        if (socket != null) {
            return;
        }
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(3_000);
        socket.connect(new InetSocketAddress(host, port), 5_000);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        connections++;
    }

    private void disconnect() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a socket the server already closed
            }
            socket = null;
        }
    }

    @Override
    public void close() {
        disconnect();
    }
}
