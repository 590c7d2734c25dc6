package io.glaux.lambda.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.glaux.athena.api.ExternalClient;
import io.glaux.clients.AwsCli;
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
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AWS CLI v2 (Debian's awscli, {@code /usr/bin/aws}) against Glaux's Lambda: create-function from a zip file,
 * the function-active-v2 waiter, invoke with the log tail, get-function, and a missing function's error.
 */
@Tag("clients")
class LambdaCliTest {

    @TempDir
    static Path data;
    @TempDir
    static Path out;

    private static GlauxServer server;
    private static AwsCli lambda;

    @BeforeAll
    static void start() throws Exception {
        AwsCli cli = AwsCli.installed(out);
        server = GlauxServer.builder().dataFolder(data).syncWrites(false).start();
        lambda = cli.against(server).service("lambda");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theCliCreatesWaitsForAndInvokesAFunction() throws Exception {
        Path zip = out.resolve("function.zip");
        Files.write(zip, TestFunctions.zipWithLib());
        JsonNode function = lambda.json("create-function", "--function-name", "cli-echo", "--runtime", "java17",
                "--role", "arn:aws:iam::000000000000:role/lambda", "--handler", "fn.Echo", "--timeout", "15",
                "--zip-file", "fileb://" + zip, "--environment", "Variables={GREETING=hello}");
        assertThat(function.get("FunctionArn").asText())
                .isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:cli-echo");
        assertThat(function.get("State").asText()).isEqualTo("Pending");

        lambda.ok("wait", "function-active-v2", "--function-name", "cli-echo");

        Path answer = out.resolve("answer.json");
        JsonNode result = lambda.json("invoke", "--function-name", "cli-echo", "--cli-binary-format",
                "raw-in-base64-out", "--payload", "{\"from\":\"the cli\"}", "--log-type", "Tail", answer.toString());
        assertThat(Files.readString(answer)).isEqualTo("{\"from\":\"the cli\"}");
        assertThat(result.get("StatusCode").asInt()).isEqualTo(200);
        assertThat(result.get("ExecutedVersion").asText()).isEqualTo("$LATEST");
        assertThat(result.has("FunctionError")).isFalse();
        String log = new String(Base64.getDecoder().decode(result.get("LogResult").asText()), StandardCharsets.UTF_8);
        assertThat(log).contains("START RequestId: ", "END RequestId: ", "REPORT RequestId: ");

        JsonNode configuration = lambda.json("get-function", "--function-name", "cli-echo").get("Configuration");
        assertThat(configuration.get("State").asText()).isEqualTo("Active");
        assertThat(configuration.get("Environment").get("Variables").get("GREETING").asText()).isEqualTo("hello");

        ExternalClient.Result missing = lambda.run("invoke", "--function-name", "no-such-function",
                out.resolve("missing.json").toString());
        assertThat(missing.exitCode()).isEqualTo(254);
        assertThat(missing.stderr()).contains("An error occurred (ResourceNotFoundException) when calling the Invoke"
                + " operation: Function not found: arn:aws:lambda:us-east-1:000000000000:function:no-such-function");
    }
}
