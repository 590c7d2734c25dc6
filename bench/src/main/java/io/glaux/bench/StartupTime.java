package io.glaux.bench;

import io.glaux.Glaux;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Start-up to first answered query: launches {@code java -jar glaux.jar serve} (or the README's launcher,
 * {@code --launcher ./glaux}, with the JVM arguments in {@code JAVA_OPTS}) as a child process and times, from the
 * moment the process is started, until a query has gone StartQueryExecution → SUCCEEDED → GetQueryResults over plain
 * HTTP (Athena's JSON 1.1 protocol; no SDK, so the harness adds no client start-up of its own). Where the system
 * shows it ({@code /proc/<pid>/stat}, Linux), also the CPU time (user and system, every thread) the process had used
 * when the answer arrived, which a shared machine moves much less than the wall time. Repeats and reports every run,
 * then min and median.
 *
 * <pre>
 * java -cp ... io.glaux.bench.StartupTime [--jar server/target/glaux.jar] [--runs 5] [--reuse-data [--history N]]
 *      [--launcher ./glaux [--env NAME=VALUE ...]] ... [--query "SQL"] [--jvm-arg -XX:TieredStopAtLevel=1 ...]
 * </pre>
 *
 * Without {@code --reuse-data} every run starts on a new, empty data folder (the sample dataset is installed, as on
 * a first start); with it, runs after the first reuse one folder, as a developer restarting Glaux does. Several
 * {@code --launcher}s (each with the environment variables of the {@code --env}s after it, e.g. {@code JAVA=java})
 * are measured in turn, run 1 of each, then run 2 of each, ..., so that a change in the machine's load falls on all
 * of them alike; each keeps a data folder of its own. {@code --history N} first runs N queries in each reused folder
 * (in this process, with the engine), so it starts with the history of a folder in use for a while.
 */
public final class StartupTime {

    private static final Pattern ID = Pattern.compile("\"QueryExecutionId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STATE = Pattern.compile("\"State\"\\s*:\\s*\"([A-Z]+)\"");
    private static final Duration DEADLINE = Duration.ofMinutes(1);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * One way of starting Glaux: a launcher script with extra environment variables, or (launcher null)
     * {@code java -jar}.
     */
    private record Configuration(Path launcher, Map<String, String> environment) {

        String describe(Path jar) {
            if (launcher == null) {
                return "java -jar " + jar;
            }
            StringBuilder text = new StringBuilder();
            environment.forEach((name, value) -> text.append(name).append('=').append(value).append(' '));
            return text.append(launcher).toString();
        }
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of("server/target/glaux.jar");
        int runs = 5;
        boolean reuseData = false;
        int history = 0;
        String query = "SELECT count(*) FROM shop.products";
        List<String> jvmArgs = new ArrayList<>();
        List<Path> launchers = new ArrayList<>();
        List<Map<String, String>> environments = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--jar" -> jar = Path.of(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--reuse-data" -> reuseData = true;
                case "--history" -> history = Integer.parseInt(args[++i]);
                case "--query" -> query = args[++i];
                case "--jvm-arg" -> jvmArgs.add(args[++i]);
                case "--launcher" -> {
                    launchers.add(Path.of(args[++i]));
                    environments.add(new LinkedHashMap<>());
                }
                case "--env" -> {
                    String assignment = args[++i];
                    int equals = assignment.indexOf('=');
                    if (launchers.isEmpty() || equals < 1) {
                        throw new IllegalArgumentException("--env NAME=VALUE follows the --launcher it is for");
                    }
                    environments.get(environments.size() - 1).put(assignment.substring(0, equals),
                            assignment.substring(equals + 1));
                }
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]);
            }
        }
        if (history > 0 && !reuseData) {
            throw new IllegalArgumentException("--history N is for --reuse-data (a new folder has no history)");
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("No jar at " + jar.toAbsolutePath() + " (build with mvn package)");
        }
        List<Configuration> configurations = new ArrayList<>();
        for (int i = 0; i < launchers.size(); i++) {
            configurations.add(new Configuration(launchers.get(i), environments.get(i)));
        }
        if (configurations.isEmpty()) {
            configurations.add(new Configuration(null, Map.of()));
        }
        new StartupTime().measure(configurations, jar, runs, reuseData, history, query, jvmArgs);
    }

    private void measure(List<Configuration> configurations, Path jar, int runs, boolean reuseData, int history,
            String query, List<String> jvmArgs) throws Exception {
        warmUpClient();
        System.out.printf("%s, JVM args %s, query: %s%n", reuseData ? "one data folder reused"
                + (history > 0 ? " (with " + history + " past queries)" : "") : "a new data folder each run",
                jvmArgs, query);
        int count = configurations.size();
        List<Path> shared = new ArrayList<>();
        List<List<Long>> listening = new ArrayList<>();
        List<List<Long>> answered = new ArrayList<>();
        List<List<Long>> cpu = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            System.out.printf("[%d] %s serve%n", c + 1, configurations.get(c).describe(jar));
            shared.add(reuseData ? withHistory(Files.createTempDirectory("glaux-startup-"), history) : null);
            listening.add(new ArrayList<>());
            answered.add(new ArrayList<>());
            cpu.add(new ArrayList<>());
        }
        try {
            for (int run = 1; run <= runs; run++) {
                for (int c = 0; c < count; c++) {
                    Path data = shared.get(c) != null ? shared.get(c) : Files.createTempDirectory("glaux-startup-");
                    try {
                        long[] times = once(configurations.get(c), jar, data, query, jvmArgs);
                        listening.get(c).add(times[0]);
                        answered.get(c).add(times[1]);
                        if (times[2] >= 0) {
                            cpu.get(c).add(times[2]);
                        }
                        System.out.printf("[%d] run %d: listening after %d ms, first query answered after %d ms%s%n",
                                c + 1, run, times[0], times[1], times[2] >= 0 ? " (" + times[2] + " ms of CPU)" : "");
                    } finally {
                        if (shared.get(c) == null) {
                            deleteTree(data);
                        }
                    }
                }
            }
        } finally {
            for (Path folder : shared) {
                if (folder != null) {
                    deleteTree(folder);
                }
            }
        }
        for (int c = 0; c < count; c++) {
            System.out.printf("[%d] %s serve%n", c + 1, configurations.get(c).describe(jar));
            System.out.printf("    listening:      min %d ms, median %d ms%n", min(listening.get(c)),
                    median(listening.get(c)));
            System.out.printf("    first answered: min %d ms, median %d ms%n", min(answered.get(c)),
                    median(answered.get(c)));
            if (!cpu.get(c).isEmpty()) {
                System.out.printf("    CPU by then:    min %d ms, median %d ms%n", min(cpu.get(c)), median(cpu.get(c)));
            }
        }
    }

    /** Runs {@code queries} queries in {@code folder}, so a start there reads their history; returns the folder. */
    private static Path withHistory(Path folder, int queries) throws IOException {
        if (queries > 0) {
            try (Glaux glaux = Glaux.builder().dataFolder(folder).build()) {
                for (int i = 0; i < queries; i++) {
                    glaux.execute("SELECT " + i + " AS n");
                }
            }
        }
        return folder;
    }

    /**
     * Returns {ms until the port answers, ms until the first query's results arrived, from process start; ms of CPU
     * the process had used then, or -1 where the system does not show it}.
     */
    private long[] once(Configuration configuration, Path jar, Path data, String query, List<String> jvmArgs)
            throws Exception {
        Path launcher = configuration.launcher();
        int port = freePort();
        List<String> command = new ArrayList<>();
        if (launcher != null) {
            command.add(launcher.toString());
        } else {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmArgs);
            command.addAll(List.of("-jar", jar.toString()));
        }
        command.addAll(List.of("serve", "--port", Integer.toString(port), "--data", data.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        if (launcher != null) {
            builder.environment().put("JAVA_OPTS", String.join(" ", jvmArgs));
            builder.environment().putAll(configuration.environment());
        }
        String endpoint = "http://127.0.0.1:" + port + "/";
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            long deadline = start + DEADLINE.toNanos();
            String started = null;
            long listeningAt = 0;
            while (started == null) {
                check(process, deadline);
                try {
                    started = call(endpoint, "StartQueryExecution", "{\"QueryString\":" + json(query) + "}");
                    listeningAt = System.nanoTime();
                } catch (ConnectException notYet) {
                    Thread.sleep(2);
                }
            }
            Matcher id = ID.matcher(started);
            if (!id.find()) {
                throw new IllegalStateException("StartQueryExecution answered " + started);
            }
            String idJson = "{\"QueryExecutionId\":\"" + id.group(1) + "\"}";
            while (true) {
                check(process, deadline);
                String execution = call(endpoint, "GetQueryExecution", idJson);
                Matcher state = STATE.matcher(execution);
                String value = state.find() ? state.group(1) : "?";
                if (value.equals("SUCCEEDED")) {
                    break;
                }
                if (!value.equals("QUEUED") && !value.equals("RUNNING")) {
                    throw new IllegalStateException("The query ended " + value + ": " + execution);
                }
                Thread.sleep(1);
            }
            String results = call(endpoint, "GetQueryResults", idJson);
            if (!results.contains("\"ResultSet\"")) {
                throw new IllegalStateException("GetQueryResults answered " + results);
            }
            long end = System.nanoTime();
            long cpuMillis = cpuMillis(process.pid());
            return new long[] {(listeningAt - start) / 1_000_000, (end - start) / 1_000_000, cpuMillis};
        } finally {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /**
     * The CPU time (user and system) process {@code pid} has used, from {@code /proc/<pid>/stat} (fields 14 and 15,
     * in clock ticks of 1/100 s, as Linux reports them to user space); -1 where there is no such file. The launcher
     * execs Java, so the process started is the JVM.
     */
    static long cpuMillis(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        try {
            return cpuMillis(Files.readString(stat));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The CPU time in a {@code /proc/<pid>/stat} line (the command name may hold spaces and parentheses). */
    static long cpuMillis(String statLine) {
        String[] fields = statLine.substring(statLine.lastIndexOf(')') + 2).trim().split(" ");
        // After the name: state is field 3, so utime (field 14) and stime (15) are at 11 and 12.
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }

    private String call(String endpoint, String operation, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint))
                .header("X-Amz-Target", "AmazonAthena." + operation)
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(operation + " answered HTTP " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    /** Loads the harness's own HTTP classes before any timing, against a port nobody listens on. */
    private void warmUpClient() throws Exception {
        try {
            call("http://127.0.0.1:" + freePort() + "/", "ListWorkGroups", "{}");
        } catch (ConnectException expected) {
            // Nothing listens there: only the client's classes were loaded.
        }
    }

    private static void check(Process process, long deadline) {
        if (!process.isAlive()) {
            throw new IllegalStateException("glaux serve exited with " + process.exitValue());
        }
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("No answer within " + DEADLINE);
        }
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static long min(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).min().orElse(0);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
