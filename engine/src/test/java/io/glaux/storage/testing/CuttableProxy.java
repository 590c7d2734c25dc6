package io.glaux.storage.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay on 127.0.0.1 in front of a server, for tests of a store that goes away: {@link #cut()} drops every
 * connection and refuses new ones, as a store that died would; {@link #cutAfter(long)} does so once that many bytes
 * of answers have passed, so a read is cut off mid-object at a known point; {@link #restore()} lets connections
 * through again on the same port.
 */
public final class CuttableProxy implements AutoCloseable {

    private final int targetPort;
    private final int port;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicLong answerBytes = new AtomicLong();
    private volatile long cutAt = Long.MAX_VALUE;
    private volatile ServerSocket listener;
    private volatile boolean closed;

    public CuttableProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.port = listener.getLocalPort();
        startAccepting(listener);
    }

    public int port() {
        return port;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** Drops every connection now and refuses new ones (the port is closed) until {@link #restore()}. */
    public synchronized void cut() {
        down.set(true);
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    /** Cuts once {@code bytes} more bytes of answers have been relayed. */
    public void cutAfter(long bytes) {
        cutAt = answerBytes.get() + bytes;
    }

    /** Listens on the same port again. */
    public synchronized void restore() throws IOException {
        cutAt = Long.MAX_VALUE;
        ServerSocket again = new ServerSocket();
        again.setReuseAddress(true);
        again.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        listener = again;
        down.set(false);
        startAccepting(again);
    }

    public boolean isDown() {
        return down.get();
    }

    private void startAccepting(ServerSocket server) {
        Thread acceptor = new Thread(() -> {
            while (!closed && !server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                    open.add(client);
                    open.add(upstream);
                    relay(client, upstream, false);
                    relay(upstream, client, true);
                } catch (IOException e) {
                    return; // closed by cut() or close()
                }
            }
        }, "cuttable-proxy-accept-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void relay(Socket from, Socket to, boolean answers) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    if (answers) {
                        long total = answerBytes.addAndGet(n);
                        if (total >= cutAt) {
                            int allowed = (int) Math.max(0, n - (total - cutAt));
                            out.write(buffer, 0, allowed);
                            out.flush();
                            cut();
                            return;
                        }
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (SocketException e) {
                // the other side or cut() closed the connection
            } catch (IOException e) {
                // same: a relay ends with its connection
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "cuttable-proxy-relay-" + port);
        pump.setDaemon(true);
        pump.start();
    }

    @Override
    public void close() {
        closed = true;
        cut();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
