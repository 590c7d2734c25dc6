package io.glaux.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glaux.athena.api.ExternalClient;
import io.glaux.server.GlauxServer;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AWS CLI v2 as the client tests run it: Debian's {@code /usr/bin/aws} (another {@code aws} may come first on
 * PATH), against one Glaux server ({@code --endpoint-url}, {@code --output json}), in a scratch folder that also holds
 * its config and credentials files (none of the machine's), with the account root's key {@code test}/{@code test} or
 * another caller's, region us-east-1, no instance metadata and no pager, each command killed after two minutes. A
 * missing CLI skips the test on a developer machine and fails it under CI ({@link ExternalClient#require}).
 * Immutable: {@link #as}, {@link #service} and {@link #withEnvironment} give a CLI that differs in one thing.
 */
public final class AwsCli {

    /** Where the client tests expect the CLI ({@code .ci/run} installs Debian's awscli there). */
    public static final Path BINARY = Path.of("/usr/bin/aws");
    private static final String INSTALL_HINT = "apt-get install -y awscli (the AWS CLI v2)";
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path scratch;
    private final String endpoint;
    private final List<String> service;
    private final Map<String, String> environment;

    private AwsCli(Path scratch, String endpoint, List<String> service, Map<String, String> environment) {
        this.scratch = scratch;
        this.endpoint = endpoint;
        this.service = List.copyOf(service);
        this.environment = Map.copyOf(environment);
    }

    /**
     * The installed CLI, working in {@code scratch}; the test is skipped (failed under CI) when it is not installed.
     * Call it before starting a server, so a skipped test starts none; then {@link #against} the server.
     */
    public static AwsCli installed(Path scratch) {
        ExternalClient.require(BINARY, INSTALL_HINT);
        return in(scratch);
    }

    /** The CLI in {@code scratch} without looking for it (what a command would run, for its own tests). */
    static AwsCli in(Path scratch) {
        Map<String, String> environment = new LinkedHashMap<>(ExternalClient.awsEnvironment(scratch));
        // The test scripts run the CLI through $AWS_CLI.
        environment.put("AWS_CLI", BINARY.toString());
        return new AwsCli(scratch, null, List.of(), environment);
    }

    /** This CLI with every command sent to {@code server}. */
    public AwsCli against(GlauxServer server) {
        return against(server.endpoint());
    }

    /** This CLI with every command sent to {@code endpoint}. */
    public AwsCli against(String endpoint) {
        return new AwsCli(scratch, endpoint, service, environment);
    }

    /** This CLI signing with {@code credentials} (a session's token included) instead of the root's key. */
    public AwsCli as(AwsCredentials credentials) {
        Map<String, String> changed = new LinkedHashMap<>(environment);
        changed.put("AWS_ACCESS_KEY_ID", credentials.accessKeyId());
        changed.put("AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey());
        if (credentials instanceof AwsSessionCredentials session) {
            changed.put("AWS_SESSION_TOKEN", session.sessionToken());
        } else {
            changed.remove("AWS_SESSION_TOKEN");
        }
        return new AwsCli(scratch, endpoint, service, changed);
    }

    /** This CLI with every command one of {@code name}'s ({@code aws <name> <arguments>}). */
    public AwsCli service(String name) {
        return new AwsCli(scratch, endpoint, List.of(name), environment);
    }

    /** This CLI with one more environment variable ({@code AWS_MAX_ATTEMPTS=1}, say). */
    public AwsCli withEnvironment(String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(environment);
        changed.put(name, value);
        return new AwsCli(scratch, endpoint, service, changed);
    }

    /** The environment commands and scripts run with (on top of the test's own, minus its AWS settings). */
    public Map<String, String> environment() {
        return environment;
    }

    /** The command line of {@code aws <arguments>}. */
    List<String> command(String... arguments) {
        if (endpoint == null) {
            throw new IllegalStateException("No server: call against(server) first");
        }
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--endpoint-url", endpoint, "--output",
                "json"));
        command.addAll(service);
        command.addAll(List.of(arguments));
        return command;
    }

    /** Runs {@code aws <arguments>}: its exit code and output, whatever they are. */
    public ExternalClient.Result run(String... arguments) {
        return execute(command(arguments), TIMEOUT);
    }

    /** Runs {@code aws <arguments>}, which must succeed: its standard output. */
    public String ok(String... arguments) {
        ExternalClient.Result result = run(arguments);
        assertThat(result.exitCode()).as(String.join(" ", arguments) + "\n" + result.describe()).isZero();
        return result.stdout();
    }

    /** Runs {@code aws <arguments>}, which must succeed: its output as JSON (an empty object for none). */
    public JsonNode json(String... arguments) {
        return parse(ok(arguments));
    }

    /** A command's JSON output; an empty object for a command that prints nothing. */
    static JsonNode parse(String stdout) {
        try {
            return stdout.isBlank() ? JSON.createObjectNode() : JSON.readTree(stdout);
        } catch (IOException e) {
            throw new UncheckedIOException("The CLI printed no JSON: " + stdout, e);
        }
    }

    /**
     * Runs {@code bash <script> <arguments>} in the scratch folder with this CLI's environment (the script reaches
     * the CLI as {@code $AWS_CLI} and the server by an argument), killed after {@code timeout}.
     */
    public ExternalClient.Result script(Path script, Duration timeout, String... arguments) {
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(arguments));
        return execute(command, timeout);
    }

    private ExternalClient.Result execute(List<String> command, Duration timeout) {
        try {
            return ExternalClient.run(command, scratch, environment, timeout);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted running " + command.get(0), e);
        }
    }
}
