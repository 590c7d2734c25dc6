package io.glaux.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code glaux serve} as a child process on a free port over a given data folder, for tests that stop it the hard
 * way (kill -9) or the clean way (SIGTERM) and start it again on the same folder.
 */
public final class ServeProcess implements AutoCloseable {

    private static final Pattern ENDPOINT = Pattern.compile("serving Athena.* at (http://127\\.0\\.0\\.1:\\d+) ");

    private final Process process;
    private final Path out;
    private final Path err;
    private final URI endpoint;

    private ServeProcess(Process process, Path out, Path err) throws IOException, InterruptedException {
        this.process = process;
        this.out = out;
        this.err = err;
        this.endpoint = URI.create(awaitEndpoint());
    }

    /**
     * Starts {@code glaux serve --port 0 --data <data> --no-sample-data <extra>} with its output in
     * {@code logs/<name>.out|.err}, and returns once it serves.
     */
    public static ServeProcess start(Path data, Path logs, String name, String... extra)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-XX:ActiveProcessorCount=2", "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                GlauxCommand.class.getName(), "serve", "--port", "0", "--data", data.toString(), "--no-sample-data"));
        command.addAll(List.of(extra));
        Files.createDirectories(logs);
        Path out = logs.resolve(name + ".out");
        Path err = logs.resolve(name + ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            return new ServeProcess(process, out, err);
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            process.destroyForcibly();
            throw e;
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    public Process process() {
        return process;
    }

    /** Where its standard output goes. */
    public Path out() {
        return out;
    }

    /** kill -9, and wait until the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, and wait until the process is gone (killed if it takes more than 30 s). */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private String awaitEndpoint() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher matcher = ENDPOINT.matcher(Files.readString(out));
            if (matcher.find()) {
                return matcher.group(1);
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("glaux serve did not start:\n" + Files.readString(out) + "\n"
                + Files.readString(err));
    }
}
