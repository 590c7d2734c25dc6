package io.glaux.lambda.api;

import io.glaux.athena.api.AccessFixture;
import io.glaux.athena.api.AccessFixture.AccessCase;
import io.glaux.connectors.lambda.TestFunctions;
import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.Runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static io.glaux.athena.api.AccessFixture.allow;
import static io.glaux.athena.api.AccessFixture.deny;
import static io.glaux.athena.api.AccessFixture.noPolicyAllows;
import static io.glaux.athena.api.AccessFixture.userArn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Lambda with enforcement on, through the SDK's LambdaClient: users and a role session allowed {@code lambda:}
 * actions on some functions and not others, each call allowed or refused with Lambda's 403 AccessDeniedException
 * (AWS's sentence naming the caller, the action, such as {@code lambda:InvokeFunction} for Invoke, and the function's
 * ARN, then the fix).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LambdaAuthorizationTest {

    private static final String FUNCTION = "arn:aws:lambda:us-east-1:000000000000:function:";
    private static final String ROLE = "arn:aws:iam::000000000000:role/lambda";

    @TempDir
    static Path data;

    private GlauxServer server;
    private final List<LambdaClient> clients = new ArrayList<>();
    private LambdaClient reader;
    private LambdaClient lister;
    private LambdaClient deployer;
    private LambdaClient invoker;
    private LambdaClient session;

    @BeforeAll
    void start() throws Exception {
        server = GlauxServer.builder().dataFolder(data).syncWrites(false).enforceIam(true).start();
        LambdaClient root = client(AwsBasicCredentials.create("test", "test"));
        for (String name : List.of("orders", "team-prod")) {
            root.createFunction(b -> b.functionName(name).runtime(Runtime.JAVA17).role(ROLE).handler("fn.Echo")
                    .code(c -> c.zipFile(SdkBytes.fromByteArray(TestFunctions.zipWithLib()))));
        }
        reader = client(AccessFixture.user(server, "fn-reader", allow("lambda:GetFunction*", FUNCTION + "orders")));
        lister = client(AccessFixture.user(server, "fn-lister", allow("lambda:ListFunctions", "*")));
        deployer = client(AccessFixture.user(server, "deployer", allow("lambda:*", FUNCTION + "*"),
                deny("lambda:DeleteFunction", FUNCTION + "team-*")));
        invoker = client(AccessFixture.user(server, "invoker", allow("lambda:InvokeFunction", FUNCTION + "orders")));
        session = client(AccessFixture.roleSession(server, "fn-viewer", "s1",
                allow("lambda:GetFunction", FUNCTION + "*")));
    }

    @AfterAll
    void stop() {
        clients.forEach(LambdaClient::close);
        if (server != null) {
            server.close();
        }
    }

    private LambdaClient client(AwsCredentials credentials) {
        LambdaClient client = AccessFixture.client(LambdaClient.builder(), server, credentials, Region.US_EAST_1);
        clients.add(client);
        return client;
    }

    private static AccessCase<LambdaClient> allowed(String name, LambdaClient client, Consumer<LambdaClient> call) {
        return AccessCase.allowed(name, client, call);
    }

    private static AccessCase<LambdaClient> denied(String name, LambdaClient client, Consumer<LambdaClient> call,
                                                   String principal, String action, String resource) {
        return AccessCase.denied(name, client, call, principal, action, resource);
    }

    List<AccessCase<LambdaClient>> cases() {
        String reader = userArn("fn-reader");
        return List.of(
                allowed("GetFunction* covers GetFunction on its function", this.reader,
                        c -> assertThat(c.getFunction(b -> b.functionName("orders")).configuration().functionArn())
                                .isEqualTo(FUNCTION + "orders")),
                allowed("GetFunction* covers GetFunctionConfiguration", this.reader,
                        c -> assertThat(c.getFunctionConfiguration(b -> b.functionName(FUNCTION + "orders"))
                                .functionName()).isEqualTo("orders")),
                denied("another function is not covered", this.reader,
                        c -> c.getFunction(b -> b.functionName("team-prod")), reader, "lambda:GetFunction",
                        FUNCTION + "team-prod"),
                denied("Invoke needs lambda:InvokeFunction", this.reader,
                        c -> c.invoke(b -> b.functionName("orders").invocationType(InvocationType.DRY_RUN)), reader,
                        "lambda:InvokeFunction", FUNCTION + "orders"),
                denied("ListFunctions has no resource", this.reader, c -> c.listFunctions(b -> { }), reader,
                        "lambda:ListFunctions", "*"),
                allowed("the lister lists the functions", this.lister,
                        c -> assertThat(c.listFunctions(b -> { }).functions()).extracting(
                                FunctionConfiguration::functionName).contains("orders", "team-prod")),
                allowed("lambda:InvokeFunction allows a dry run of its function", this.invoker,
                        c -> assertThat(c.invoke(b -> b.functionName("orders").invocationType(InvocationType.DRY_RUN))
                                .statusCode()).isEqualTo(204)),
                allowed("the deployer's lambda:* updates a function", this.deployer,
                        c -> assertThat(c.updateFunctionConfiguration(b -> b.functionName("orders")
                                .description("updated")).description()).isEqualTo("updated")),
                AccessCase.deniedByDeny("an explicit Deny beats the deployer's lambda:*", this.deployer,
                        c -> c.deleteFunction(b -> b.functionName("team-prod")), userArn("deployer"),
                        "lambda:DeleteFunction", FUNCTION + "team-prod"),
                allowed("a role session reads any function, as its role may", this.session,
                        c -> c.getFunction(b -> b.functionName("team-prod"))),
                denied("a role session may not delete", this.session,
                        c -> c.deleteFunction(b -> b.functionName("orders")),
                        "arn:aws:sts::000000000000:assumed-role/fn-viewer/s1", "lambda:DeleteFunction",
                        FUNCTION + "orders"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachCallIsAllowedOrRefusedAsTheCallersPoliciesSay(AccessCase<LambdaClient> c) {
        c.check(403, "AccessDeniedException");
    }

    @Test
    void aRefusalIsLambdasUserErrorWithItsMessage() {
        assertThatThrownBy(() -> reader.deleteFunction(b -> b.functionName("orders"))).satisfies(e -> {
            var error = (software.amazon.awssdk.services.lambda.model.LambdaException) e;
            assertThat(error.statusCode()).isEqualTo(403);
            assertThat(error.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            assertThat(error.awsErrorDetails().errorMessage()).startsWith(noPolicyAllows(userArn("fn-reader"),
                    "lambda:DeleteFunction", FUNCTION + "orders"));
        });
        // Nothing was deleted.
        assertThat(lister.listFunctions(b -> { }).functions()).extracting(FunctionConfiguration::functionName)
                .contains("orders");
    }

    @Test
    void aFunctionOfAnotherRegionIsNotFoundAsBefore() {
        assertThatThrownBy(() -> reader.getFunction(b -> b.functionName(
                "arn:aws:lambda:eu-west-1:000000000000:function:orders")))
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
