package io.glaux.athena.api;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a real client program (the AWS CLI, Node.js) as a child process. A missing program skips the test on a
 * developer machine but fails it under CI ({@code CI} set), where .ci/run installs it: client tests never skip there.
 */
public final class ExternalClient {

    /** What a finished process printed, and how it ended. */
    public record Result(int exitCode, String stdout, String stderr) {
        public String describe() {
            return "exit " + exitCode + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
        }
    }

    private ExternalClient() {
    }

    /** The program at {@code path}, or the test is skipped (or failed under CI) with {@code installHint}. */
    public static Path require(Path path, String installHint) {
        if (Files.isExecutable(path)) {
            return path;
        }
        return missing(path, installHint);
    }

    /** A file that must exist (an installed package), or a skip/fail as for {@link #require}. */
    public static Path requireFile(Path path, String installHint) {
        return Files.isRegularFile(path) ? path : missing(path, installHint);
    }

    private static Path missing(Path path, String installHint) {
        String message = path + " is missing: " + installHint;
        if (System.getenv("CI") != null && !System.getenv("CI").isBlank()) {
            Assertions.fail(message + " (CI is set: .ci/run must install it)");
        }
        Assumptions.abort(message);
        return path;
    }

    /** The first of {@code candidates} that is executable, or a skip/fail as for {@link #require}. */
    public static Path requireAny(List<Path> candidates, String installHint) {
        for (Path candidate : candidates) {
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return require(candidates.get(0), installHint);
    }

    /**
     * Runs {@code command} in {@code directory} with the current environment minus any AWS settings, plus
     * {@code env}; kills it and fails after {@code timeout}.
     */
    public static Result run(List<String> command, Path directory, Map<String, String> env, Duration timeout)
            throws IOException, InterruptedException {
        Path stdout = Files.createTempFile("client-out", ".txt");
        Path stderr = Files.createTempFile("client-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                Assertions.fail(command.get(0) + " did not finish within " + timeout + "\n--- stdout ---\n"
                        + Files.readString(stdout, StandardCharsets.UTF_8) + "\n--- stderr ---\n"
                        + Files.readString(stderr, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    /** Dummy credentials and a region (clients sign every request) and no shared config from the machine. */
    public static Map<String, String> awsEnvironment(Path scratch) {
        return Map.of("AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test",
                "AWS_DEFAULT_REGION", "us-east-1", "AWS_REGION", "us-east-1",
                "AWS_CONFIG_FILE", scratch.resolve("aws-config").toString(),
                "AWS_SHARED_CREDENTIALS_FILE", scratch.resolve("aws-credentials").toString(),
                "AWS_EC2_METADATA_DISABLED", "true", "AWS_PAGER", "");
    }

    /** The source folder of a test resource directory (where a Node.js project keeps its node_modules). */
    public static Path testResourceSource(String folder) {
        // Surefire runs in the module's folder.
        Path source = Path.of("src", "test", "resources", folder).toAbsolutePath();
        Assertions.assertTrue(Files.isDirectory(source), "no test resource folder " + source);
        return source;
    }
}
