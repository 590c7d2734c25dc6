package io.glaux.storage.testing;

import io.glaux.storage.S3StoreConfig;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * s3proxy from Maven Central as a separate process, as an external S3 store would be: its own JVM on 127.0.0.1, a
 * port chosen once and kept, objects as plain files under a folder. {@link #kill()} is kill -9 of that process;
 * {@link #restart()} starts it again on the same port over the same folder, so whatever was stored before the kill
 * is served again.
 *
 * <pre>{@code
 * try (S3ProxyProcess store = S3ProxyProcess.start(folder, logs)) {
 *     Glaux glaux = Glaux.builder().s3(store.config())...build();
 *     store.kill();     // the store is gone: reads fail naming it
 *     store.restart();  // and back, with its objects
 * }
 * }</pre>
 */
public final class S3ProxyProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private final Path folder;
    private final Path logs;
    private final int port;
    private Process process;
    private int starts;

    private S3ProxyProcess(Path folder, Path logs, int port) {
        this.folder = folder;
        this.logs = logs;
        this.port = port;
    }

    /**
     * Starts s3proxy over {@code folder} (created when missing; on a filesystem with user extended attributes, which
     * keep the metadata) with its properties and output in {@code logs}, and returns once it answers HTTP.
     */
    public static S3ProxyProcess start(Path folder, Path logs) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        Files.createDirectories(logs);
        S3ProxyProcess store = new S3ProxyProcess(folder, logs, freePort());
        store.restart();
        return store;
    }

    /** Starts the process again on the same port and folder (after {@link #kill()}); waits until it answers. */
    public synchronized void restart() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("s3proxy is still running");
        }
        Path properties = logs.resolve("s3proxy.properties");
        Files.writeString(properties, String.join("\n",
                "s3proxy.endpoint=" + endpoint(),
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + S3TestServer.ACCESS_KEY,
                "s3proxy.credential=" + S3TestServer.SECRET_KEY,
                "jclouds.provider=filesystem-nio2",
                "jclouds.filesystem.basedir=" + folder.toAbsolutePath(),
                ""));
        starts++;
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:ActiveProcessorCount=2", "-cp", System.getProperty("java.class.path"),
                "org.gaul.s3proxy.Main", "--properties", properties.toString());
        process = new ProcessBuilder(command)
                .redirectOutput(logs.resolve("s3proxy-" + starts + ".out").toFile())
                .redirectError(logs.resolve("s3proxy-" + starts + ".err").toFile())
                .start();
        try {
            awaitAnswer();
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** kill -9, and wait until the process is gone. */
    public synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** {@code http://127.0.0.1:<port>}, the same across restarts. */
    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public S3StoreConfig config() {
        return new S3StoreConfig(endpoint(), S3TestServer.REGION, S3TestServer.ACCESS_KEY, S3TestServer.SECRET_KEY);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    private void awaitAnswer() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                break;
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create(endpoint() + "/").toURL()
                        .openConnection();
                connection.setConnectTimeout(1000);
                connection.setReadTimeout(5000);
                int status = connection.getResponseCode(); // an anonymous request: any S3 answer means it serves
                connection.disconnect();
                if (status > 0) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("s3proxy did not start on " + endpoint() + ":\n"
                + Files.readString(logs.resolve("s3proxy-" + starts + ".out")) + "\n"
                + Files.readString(logs.resolve("s3proxy-" + starts + ".err")));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
