package io.glaux.lambda.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glaux.athena.api.ExternalClient;
import io.glaux.connectors.lambda.TestFunctions;
import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AWS CLI v2 (Debian's awscli, {@code /usr/bin/aws}) against Glaux's Lambda: create-function from a zip file,
 * the function-active-v2 waiter, invoke with the log tail, get-function, and a missing function's error.
 */
@Tag("clients")
class LambdaCliTest {

    private static final Path AWS = Path.of("/usr/bin/aws");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;
    @TempDir
    static Path out;

    private static GlauxServer server;

    @BeforeAll
    static void start() throws Exception {
        ExternalClient.require(AWS, "apt-get install -y awscli (the AWS CLI v2)");
        server = GlauxServer.builder().dataFolder(data).syncWrites(false).start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static ExternalClient.Result aws(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(AWS.toString(), "--endpoint-url", server.endpoint(),
                "--output", "json", "lambda"));
        command.addAll(List.of(arguments));
        return ExternalClient.run(command, out, ExternalClient.awsEnvironment(out), Duration.ofMinutes(2));
    }

    @Test
    void theCliCreatesWaitsForAndInvokesAFunction() throws Exception {
        Path zip = out.resolve("function.zip");
        Files.write(zip, TestFunctions.zipWithLib());
        ExternalClient.Result created = aws("create-function", "--function-name", "cli-echo", "--runtime", "java17",
                "--role", "arn:aws:iam::000000000000:role/lambda", "--handler", "fn.Echo", "--timeout", "15",
                "--zip-file", "fileb://" + zip, "--environment", "Variables={GREETING=hello}");
        assertThat(created.exitCode()).as(created.describe()).isZero();
        JsonNode function = JSON.readTree(created.stdout());
        assertThat(function.get("FunctionArn").asText())
                .isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:cli-echo");
        assertThat(function.get("State").asText()).isEqualTo("Pending");

        ExternalClient.Result waited = aws("wait", "function-active-v2", "--function-name", "cli-echo");
        assertThat(waited.exitCode()).as(waited.describe()).isZero();

        Path answer = out.resolve("answer.json");
        ExternalClient.Result invoked = aws("invoke", "--function-name", "cli-echo", "--cli-binary-format",
                "raw-in-base64-out", "--payload", "{\"from\":\"the cli\"}", "--log-type", "Tail", answer.toString());
        assertThat(invoked.exitCode()).as(invoked.describe()).isZero();
        assertThat(Files.readString(answer)).isEqualTo("{\"from\":\"the cli\"}");
        JsonNode result = JSON.readTree(invoked.stdout());
        assertThat(result.get("StatusCode").asInt()).isEqualTo(200);
        assertThat(result.get("ExecutedVersion").asText()).isEqualTo("$LATEST");
        assertThat(result.has("FunctionError")).isFalse();
        String log = new String(Base64.getDecoder().decode(result.get("LogResult").asText()), StandardCharsets.UTF_8);
        assertThat(log).contains("START RequestId: ", "END RequestId: ", "REPORT RequestId: ");

        ExternalClient.Result described = aws("get-function", "--function-name", "cli-echo");
        assertThat(described.exitCode()).as(described.describe()).isZero();
        JsonNode configuration = JSON.readTree(described.stdout()).get("Configuration");
        assertThat(configuration.get("State").asText()).isEqualTo("Active");
        assertThat(configuration.get("Environment").get("Variables").get("GREETING").asText()).isEqualTo("hello");

        ExternalClient.Result missing = aws("invoke", "--function-name", "no-such-function",
                out.resolve("missing.json").toString());
        assertThat(missing.exitCode()).isEqualTo(254);
        assertThat(missing.stderr()).contains("An error occurred (ResourceNotFoundException) when calling the Invoke"
                + " operation: Function not found: arn:aws:lambda:us-east-1:000000000000:function:no-such-function");
    }
}
