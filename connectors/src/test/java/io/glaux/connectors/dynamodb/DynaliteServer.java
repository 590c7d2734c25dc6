package io.glaux.connectors.dynamodb;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A throw-away DynamoDB-API server for the tests: dynalite (an MIT-licensed implementation of the DynamoDB API; Amazon's
 * DynamoDB Local may not be used here), run by Node.js from {@code connectors/src/test/resources/dynalite} (installed
 * by {@code npm ci} there, as {@code .ci/run} does), in memory on a free loopback port, stopped by {@link #close()}.
 * Without node or the installed package the tests are skipped (and fail under {@code CI}).
 *
 * <p>In front of it runs a recording proxy: {@link #endpoint()} goes through it and {@link #requests()} lists the
 * DynamoDB operations (X-Amz-Target) and JSON bodies the server received, which is how tests see whether a read ran
 * as a Query or a Scan and with which expressions.
 */
public final class DynaliteServer implements AutoCloseable {

    public static final String INSTALL_HINT = "install Node.js and npm (Debian: apt-get install nodejs npm) and run"
            + " npm ci in connectors/src/test/resources/dynalite";

    /** One request as the server received it. */
    public record Request(String operation, String body) {
    }

    private final Process process;
    private final int port;
    private final HttpServer proxy;
    private final List<Request> requests;

    private DynaliteServer(Process process, int port, HttpServer proxy, List<Request> requests) {
        this.process = process;
        this.port = port;
        this.proxy = proxy;
        this.requests = requests;
    }

    /** The installed dynalite folder, or a skip (a failure under CI) naming what to install. */
    public static Path installation() {
        Path found = null;
        for (String candidate : List.of("src/test/resources/dynalite", "../connectors/src/test/resources/dynalite",
                "connectors/src/test/resources/dynalite")) {
            Path folder = Path.of(candidate).toAbsolutePath().normalize();
            if (Files.isRegularFile(folder.resolve("node_modules/dynalite/cli.js"))) {
                found = folder;
                break;
            }
        }
        String problem = null;
        if (found == null) {
            problem = "dynalite is not installed under connectors/src/test/resources/dynalite/node_modules";
        } else if (node() == null) {
            problem = "no node on PATH";
        }
        if (problem != null) {
            String message = problem + ": " + INSTALL_HINT;
            if (System.getenv("CI") != null && !System.getenv("CI").isBlank()) {
                Assertions.fail(message + " (CI is set: .ci/run must install it)");
            }
            Assumptions.abort(message);
        }
        return found;
    }

    private static String node() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "node"))) {
                return Path.of(dir, "node").toString();
            }
        }
        return null;
    }

    public static DynaliteServer start() throws IOException, InterruptedException {
        Path folder = installation();
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freePort();
            Process process = new ProcessBuilder(node(), folder.resolve("node_modules/dynalite/cli.js").toString(),
                    "--host", "127.0.0.1", "--port", Integer.toString(port), "--createTableMs", "0",
                    "--deleteTableMs", "0", "--updateTableMs", "0")
                    .directory(folder.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (waitForPort(port, process)) {
                List<Request> recorded = new CopyOnWriteArrayList<>();
                DynaliteServer server = new DynaliteServer(process, port, startProxy(port, recorded), recorded);
                Runtime.getRuntime().addShutdownHook(new Thread(server::close, "glaux-dynalite-stop"));
                return server;
            }
            process.destroyForcibly();
            last = new IOException("dynalite did not start on port " + port);
        }
        throw last;
    }

    private static boolean waitForPort(int port, Process process) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return true;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        return false;
    }

    /** Forwards each request to dynalite unchanged, recording its operation and body. */
    private static HttpServer startProxy(int target, List<Request> recorded) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "glaux-dynalite-proxy");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                String operation = exchange.getRequestHeaders().getFirst("X-Amz-Target");
                recorded.add(new Request(operation == null ? "" : operation.substring(operation.indexOf('.') + 1),
                        new String(body, StandardCharsets.UTF_8)));
                HttpURLConnection forward = (HttpURLConnection) URI.create("http://127.0.0.1:" + target
                        + exchange.getRequestURI()).toURL().openConnection();
                forward.setRequestMethod(exchange.getRequestMethod());
                for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
                    String name = header.getKey();
                    if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Host")
                            && !name.equalsIgnoreCase("Connection") && !name.equalsIgnoreCase("Expect")) {
                        for (String value : header.getValue()) {
                            forward.addRequestProperty(name, value);
                        }
                    }
                }
                if (body.length > 0 || "POST".equals(exchange.getRequestMethod())) {
                    forward.setDoOutput(true);
                    try (OutputStream out = forward.getOutputStream()) {
                        out.write(body);
                    }
                }
                int status = forward.getResponseCode();
                InputStream in = status >= 400 ? forward.getErrorStream() : forward.getInputStream();
                byte[] response = in == null ? new byte[0] : in.readAllBytes();
                for (Map.Entry<String, List<String>> header : forward.getHeaderFields().entrySet()) {
                    if (header.getKey() != null && !header.getKey().equalsIgnoreCase("Content-Length")
                            && !header.getKey().equalsIgnoreCase("Transfer-Encoding")
                            && !header.getKey().equalsIgnoreCase("Connection")) {
                        exchange.getResponseHeaders().put(header.getKey(), header.getValue());
                    }
                }
                exchange.sendResponseHeaders(status, response.length == 0 ? -1 : response.length);
                if (response.length > 0) {
                    exchange.getResponseBody().write(response);
                }
            }
        });
        server.start();
        return server;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The endpoint through the recording proxy. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getAddress().getPort());
    }

    /** dynalite's own endpoint, not recorded. */
    public URI directEndpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** {@code dynamodb://<endpoint>?region=us-east-1}, through the recording proxy. */
    public String connectionString() {
        return "dynamodb://" + endpoint() + "?region=us-east-1";
    }

    /** A client for setting up data, straight to dynalite. */
    public DynamoDbClient client() {
        return DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.US_EAST_1)
                .endpointOverride(directEndpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    /** The requests received through the proxy so far. */
    public List<Request> requests() {
        return new ArrayList<>(requests);
    }

    public void clearRequests() {
        requests.clear();
    }

    @Override
    public synchronized void close() {
        proxy.stop(0);
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
