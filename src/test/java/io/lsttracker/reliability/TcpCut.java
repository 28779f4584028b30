package io.lsttracker.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP forwarder on 127.0.0.1 in front of a server (PostgreSQL) that a test can cut, as a stopped server is:
 * every open connection is closed and new ones are refused (closed at once) until {@link #restore()}.
 */
final class TcpCut implements AutoCloseable {
    private final ServerSocket listener;
    private final String targetHost;
    private final int targetPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean cut;

    private static final java.util.regex.Pattern JDBC_HOST_PORT =
            java.util.regex.Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/.*");
    private String jdbcUrl;

    /** A forwarder in front of {@code db}'s PostgreSQL server; {@link #jdbcUrl()} reaches the database through it. */
    static TcpCut inFrontOf(io.lsttracker.db.TestDatabases.TestDatabase db) throws IOException {
        java.util.regex.Matcher m = JDBC_HOST_PORT.matcher(db.jdbcUrl());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL with a host and port: " + db.jdbcUrl());
        }
        TcpCut proxy = new TcpCut(m.group(1), Integer.parseInt(m.group(2)));
        proxy.jdbcUrl = db.jdbcUrl().replace("//" + m.group(1) + ":" + m.group(2) + "/",
                "//127.0.0.1:" + proxy.port() + "/");
        return proxy;
    }

    /** The database's JDBC URL through this forwarder (set by {@link #inFrontOf}). */
    String jdbcUrl() {
        return jdbcUrl;
    }

    TcpCut(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::accept, "tcp-cut-accept");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    void cut() {
        cut = true;
        for (Socket s : open) {
            close(s);
        }
        open.clear();
    }

    void restore() {
        cut = false;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (cut) {
                    close(client);
                    continue;
                }
                Socket server = new Socket(targetHost, targetPort);
                open.add(client);
                open.add(server);
                pipe(client, server);
                pipe(server, client);
            } catch (IOException e) {
                // listener closed, or the target refused: the client sees its connection closed
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed
            } finally {
                close(from);
                close(to);
            }
        }, "tcp-cut-pipe");
        t.setDaemon(true);
        t.start();
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        cut();
        listener.close();
    }
}
