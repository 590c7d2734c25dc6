package io.glaux.connectors.jdbc;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL cluster for the tests: {@code initdb} in a temporary folder, the server started with {@code
 * pg_ctl} on a free loopback port (TCP only, password authentication), stopped and deleted by {@link #close()}. The
 * newest PostgreSQL under {@code /usr/lib/postgresql/<version>/bin} is used; without one the tests are skipped (and
 * fail under {@code CI}, whose script installs it). PostgreSQL refuses to run as root, so when the tests run as root
 * the cluster belongs to the {@code postgres} user (created by Debian's package) and its commands run as that user.
 *
 * <p>Every statement the server runs is logged ({@code log_statement=all}), each line starting with the backend's
 * process ID in brackets: {@link #logged} reads back what the connector sent.
 */
public final class PostgresServer implements AutoCloseable {

    static final String USER = "postgres";
    static final String PASSWORD = "glaux-test-secret";
    static final String INSTALL_HINT = "install PostgreSQL (Debian: apt-get install postgresql)";

    private static final Path VERSIONS = Path.of("/usr/lib/postgresql");
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);

    private final Path bin;
    private final Path root;
    private final Path data;
    private final Path log;
    private final boolean asPostgresUser;
    private int port;
    private boolean stopped;

    private PostgresServer(Path bin, Path root, boolean asPostgresUser) {
        this.bin = bin;
        this.root = root;
        this.data = root.resolve("data");
        this.log = root.resolve("server.log");
        this.asPostgresUser = asPostgresUser;
    }

    /** The newest installed PostgreSQL's bin folder, or a skip (a failure under CI) naming the package. */
    public static Path binaries() {
        Path found = null;
        int newest = -1;
        if (Files.isDirectory(VERSIONS)) {
            try (Stream<Path> versions = Files.list(VERSIONS)) {
                for (Path version : versions.toList()) {
                    Path bin = version.resolve("bin");
                    String name = version.getFileName().toString();
                    if (name.matches("[0-9]+") && Files.isExecutable(bin.resolve("initdb"))
                            && Files.isExecutable(bin.resolve("pg_ctl")) && Integer.parseInt(name) > newest) {
                        newest = Integer.parseInt(name);
                        found = bin;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (found == null) {
            String message = "No PostgreSQL server under " + VERSIONS + "/<version>/bin: " + INSTALL_HINT;
            if (System.getenv("CI") != null && !System.getenv("CI").isBlank()) {
                Assertions.fail(message + " (CI is set: .ci/run must install it)");
            }
            Assumptions.abort(message);
        }
        return found;
    }

    public static PostgresServer start() throws IOException, InterruptedException {
        Path bin = binaries();
        boolean root = isRoot();
        Path folder = Files.createTempDirectory("glaux-postgres");
        PostgresServer server = new PostgresServer(bin, folder, root);
        try {
            server.init();
            server.startServer();
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            server.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "glaux-postgres-stop"));
        return server;
    }

    private static boolean isRoot() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue() == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private void init() throws IOException, InterruptedException {
        Path passwordFile = root.resolve("password");
        Files.writeString(passwordFile, PASSWORD + "\n");
        if (asPostgresUser) {
            UserPrincipal postgres = root.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName("postgres");
            Files.setOwner(root, postgres);
            Files.setOwner(passwordFile, postgres);
        }
        run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER,
                "--pwfile=" + passwordFile, "--auth=scram-sha-256", "--encoding=UTF8", "--no-locale",
                "--no-sync"));
        Files.delete(passwordFile);
        String settings = String.join("\n",
                "",
                "# Glaux tests: loopback TCP only, every statement logged with its backend's pid.",
                "listen_addresses = '127.0.0.1'",
                "unix_socket_directories = ''",
                "fsync = off",
                "synchronous_commit = off",
                "full_page_writes = off",
                "log_statement = 'all'",
                "log_line_prefix = '[%p] '",
                "log_min_messages = warning",
                "shared_buffers = 32MB",
                "max_connections = 60",
                "");
        Files.writeString(data.resolve("postgresql.conf"), settings, StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
    }

    private void startServer() throws IOException, InterruptedException {
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            port = freePort();
            try {
                run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", log.toString(), "-w",
                        "-t", "60", "-o", "-p " + port, "start"));
                return;
            } catch (IOException e) {
                last = e;
            }
        }
        throw last;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Runs a PostgreSQL program (as the postgres user when the tests are root); fails with its output. */
    private void run(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            if (Files.isExecutable(Path.of("/usr/sbin/runuser")) || Files.isExecutable(Path.of("/sbin/runuser"))) {
                full.addAll(List.of("runuser", "-u", "postgres", "--"));
                full.addAll(command);
            } else {
                full.addAll(List.of("su", "-s", "/bin/sh", "postgres", "-c", shellJoin(command)));
            }
        } else {
            full.addAll(command);
        }
        Path output = Files.createTempFile("glaux-postgres-command", ".txt");
        try {
            Process process = new ProcessBuilder(full).directory(root.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish within " + COMMAND_TIMEOUT);
            }
            if (process.exitValue() != 0) {
                String serverLog = Files.exists(log) ? Files.readString(log) : "";
                throw new IOException(String.join(" ", command) + " failed (" + process.exitValue() + "): "
                        + Files.readString(output) + serverLog);
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static String shellJoin(List<String> command) {
        StringBuilder line = new StringBuilder();
        for (String part : command) {
            line.append(line.length() == 0 ? "" : " ").append('\'').append(part.replace("'", "'\\''")).append('\'');
        }
        return line.toString();
    }

    public int port() {
        return port;
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>/<database>}, without credentials. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** The AWS connectors' {@code default} connection string format, with the superuser's credentials. */
    public String connectionString(String database) {
        return "postgres://" + jdbcUrl(database) + "?user=" + USER + "&password=" + PASSWORD;
    }

    public Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("password", PASSWORD);
        properties.setProperty("ApplicationName", "glaux-test");
        return DriverManager.getConnection(jdbcUrl(database), properties);
    }

    /** Runs statements, each committed on its own. */
    public void execute(String database, String... statements) {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** A new, empty database of that name (dropped first if a previous run left it). */
    public void recreateDatabase(String database) {
        execute("postgres", "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)", "CREATE DATABASE " + database);
    }

    /** One statement the server ran, as its log shows it. */
    record Logged(int pid, String kind, String sql, String parameters) {
        boolean isFetch() {
            return kind.startsWith("execute fetch from");
        }
    }

    private static final Pattern STATEMENT = Pattern.compile(
            "^\\[(\\d+)] LOG:  (statement|execute fetch from [^:]*|execute [^:]*): (.*)$");
    private static final Pattern PARAMETERS = Pattern.compile("^\\[(\\d+)] DETAIL:  parameters: (.*)$");

    /** The statements logged so far whose text contains {@code marker}, in order, with their bind parameters. */
    List<Logged> logged(String marker) {
        List<String> lines;
        try {
            lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Logged> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher statement = STATEMENT.matcher(lines.get(i));
            if (!statement.matches() || !statement.group(3).contains(marker)) {
                continue;
            }
            int pid = Integer.parseInt(statement.group(1));
            String parameters = "";
            for (int j = i + 1; j < lines.size() && j <= i + 20; j++) {
                Matcher detail = PARAMETERS.matcher(lines.get(j));
                if (detail.matches() && Integer.parseInt(detail.group(1)) == pid) {
                    parameters = detail.group(2);
                    break;
                }
                if (lines.get(j).startsWith("[" + pid + "] LOG:")) {
                    break;
                }
            }
            found.add(new Logged(pid, statement.group(2), statement.group(3), parameters));
        }
        return found;
    }

    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w",
                        "stop"));
            }
        } catch (IOException | InterruptedException e) {
            System.err.println("Could not stop the test PostgreSQL server: " + e.getMessage());
        } finally {
            deleteTree(root);
        }
    }

    private static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // Left for the system's temporary folder cleaning.
                }
            });
        } catch (IOException ignored) {
            // As above.
        }
    }
}
