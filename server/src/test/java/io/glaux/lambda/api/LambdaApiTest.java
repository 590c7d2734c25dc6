package io.glaux.lambda.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glaux.connectors.lambda.TestFunctions;
import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.ListFunctionsResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.PackageType;
import software.amazon.awssdk.services.lambda.model.RequestTooLargeException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.State;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Lambda's API on Glaux's port through the AWS SDK for Java v2, with functions running in processes of their own. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class LambdaApiTest {

    private static final String ROLE = "arn:aws:iam::000000000000:role/lambda";
    private static final String ARN_PREFIX = "arn:aws:lambda:us-east-1:000000000000:function:";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;

    private GlauxServer server;
    private LambdaClient lambda;

    @BeforeAll
    void start() throws Exception {
        server = GlauxServer.builder().dataFolder(data).syncWrites(false).start();
        lambda = LambdaClient.builder().endpointOverride(URI.create(server.endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        GlauxServer.ACCESS_KEY_ID, GlauxServer.SECRET_ACCESS_KEY))).build();
    }

    @AfterAll
    void stop() {
        lambda.close();
        server.close();
    }

    private CreateFunctionResponse create(String name, String handler, byte[] zip) {
        return create(name, handler, zip, b -> { });
    }

    private CreateFunctionResponse create(String name, String handler, byte[] zip,
                                          Consumer<software.amazon.awssdk.services.lambda.model.CreateFunctionRequest
                                                  .Builder> more) {
        return lambda.createFunction(b -> {
            b.functionName(name).runtime(Runtime.JAVA17).role(ROLE).handler(handler)
                    .code(c -> c.zipFile(SdkBytes.fromByteArray(zip)));
            more.accept(b);
        });
    }

    private static String sha256(byte[] bytes) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private InvokeResponse invoke(String name, String payload) {
        return lambda.invoke(b -> b.functionName(name).payload(SdkBytes.fromUtf8String(payload)));
    }

    @Test
    void anInlineZipBecomesAnActiveFunctionThatGetFunctionDescribes() throws Exception {
        byte[] zip = TestFunctions.zipWithLib();
        CreateFunctionResponse created = create("described", "fn.Echo", zip, b -> b.description("an echo")
                .timeout(10).memorySize(256).tags(Map.of("team", "data")));
        assertThat(created.sdkHttpResponse().statusCode()).isEqualTo(201);
        assertThat(created.functionArn()).isEqualTo(ARN_PREFIX + "described");
        assertThat(created.state()).isEqualTo(State.PENDING);
        assertThat(created.stateReasonCodeAsString()).isEqualTo("Creating");
        assertThat(created.codeSha256()).isEqualTo(sha256(zip));
        assertThat(created.codeSize()).isEqualTo(zip.length);
        assertThat(created.version()).isEqualTo("$LATEST");
        assertThat(created.packageType()).isEqualTo(PackageType.ZIP);
        assertThat(created.lastModified()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000");

        GetFunctionResponse active = lambda.waiter().waitUntilFunctionActiveV2(b -> b.functionName("described"))
                .matched().response().orElseThrow();
        FunctionConfiguration configuration = active.configuration();
        assertThat(configuration.state()).isEqualTo(State.ACTIVE);
        assertThat(configuration.lastUpdateStatus()).isEqualTo(LastUpdateStatus.SUCCESSFUL);
        assertThat(configuration.description()).isEqualTo("an echo");
        assertThat(configuration.timeout()).isEqualTo(10);
        assertThat(configuration.memorySize()).isEqualTo(256);
        assertThat(configuration.runtime()).isEqualTo(Runtime.JAVA17);
        assertThat(configuration.handler()).isEqualTo("fn.Echo");
        assertThat(configuration.role()).isEqualTo(ROLE);
        assertThat(configuration.ephemeralStorage().size()).isEqualTo(512);
        assertThat(configuration.loggingConfig().logGroup()).isEqualTo("/aws/lambda/described");
        assertThat(active.tags()).containsEntry("team", "data");
        assertThat(active.code().repositoryType()).isEqualTo("S3");
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(active.code().location())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(zip);

        var byArn = lambda.getFunctionConfiguration(b -> b.functionName(ARN_PREFIX + "described"));
        assertThat(byArn.functionName()).isEqualTo("described");
        assertThat(byArn.revisionId()).isEqualTo(configuration.revisionId());
        assertThat(invoke("described", "{\"echo\":true}").payload().asUtf8String()).isEqualTo("{\"echo\":true}");
    }

    @Test
    void codeFromGlauxsOwnS3IsTakenAndAMissingObjectRefused() throws Exception {
        byte[] zip = TestFunctions.jar();
        try (S3Client s3 = S3Client.builder().endpointOverride(URI.create(server.endpoint())).region(Region.US_EAST_1)
                .forcePathStyle(true).credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials
                        .create(GlauxServer.ACCESS_KEY_ID, GlauxServer.SECRET_ACCESS_KEY))).build()) {
            s3.createBucket(b -> b.bucket("lambda-code"));
            s3.putObject(b -> b.bucket("lambda-code").key("functions/plain.jar"), RequestBody.fromBytes(zip));
        }
        CreateFunctionResponse created = lambda.createFunction(b -> b.functionName("from-s3").runtime(Runtime.JAVA21)
                .role(ROLE).handler("fn.Plain::memory").memorySize(160)
                .code(c -> c.s3Bucket("lambda-code").s3Key("functions/plain.jar")));
        assertThat(created.codeSha256()).isEqualTo(sha256(zip));
        assertThat(created.codeSize()).isEqualTo(zip.length);
        assertThat(Long.parseLong(invoke("from-s3", "{}").payload().asUtf8String())).isLessThanOrEqualTo(160L << 20);

        assertThatThrownBy(() -> lambda.createFunction(b -> b.functionName("no-object").runtime(Runtime.JAVA17)
                .role(ROLE).handler("fn.Echo").code(c -> c.s3Bucket("lambda-code").s3Key("missing.zip"))))
                .isInstanceOfSatisfying(InvalidParameterValueException.class, e -> assertThat(
                        e.awsErrorDetails().errorMessage()).isEqualTo("Error occurred while GetObject. S3 Error Code:"
                        + " NoSuchKey. S3 Error Message: The specified key does not exist."));
        assertThatThrownBy(() -> lambda.createFunction(b -> b.functionName("no-bucket").runtime(Runtime.JAVA17)
                .role(ROLE).handler("fn.Echo").code(c -> c.s3Bucket("no-such-bucket").s3Key("a.zip"))))
                .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("NoSuchBucket");
    }

    @Test
    void listFunctionsPagesThroughEveryFunction() {
        for (String name : List.of("list-a", "list-b", "list-c")) {
            create(name, "fn.Echo", TestFunctions.jar());
        }
        List<String> names = new ArrayList<>();
        String marker = null;
        int pages = 0;
        do {
            String from = marker;
            ListFunctionsResponse page = lambda.listFunctions(b -> b.maxItems(2).marker(from));
            assertThat(page.functions()).hasSizeLessThanOrEqualTo(2);
            page.functions().forEach(f -> names.add(f.functionName()));
            page.functions().forEach(f -> assertThat(f.state()).isNull());
            marker = page.nextMarker();
            pages++;
        } while (marker != null);
        assertThat(pages).isGreaterThanOrEqualTo(2);
        assertThat(names).doesNotHaveDuplicates().contains("list-a", "list-b", "list-c").isSorted();
        List<String> paginated = lambda.listFunctionsPaginator(b -> b.maxItems(1)).functions().stream()
                .map(FunctionConfiguration::functionName).toList();
        assertThat(paginated).isEqualTo(names);
    }

    @Test
    void configurationAndCodeUpdatesServeTheNextInvocations() throws Exception {
        create("updated", "fn.Plain::env", TestFunctions.jar(), b -> b.environment(e -> e.variables(
                Map.of("FIRST", "1"))));
        lambda.waiter().waitUntilFunctionActiveV2(b -> b.functionName("updated"));
        assertThat(invoke("updated", "{}").payload().asUtf8String()).contains("FIRST=1\n");

        var updating = lambda.updateFunctionConfiguration(b -> b.functionName("updated")
                .environment(e -> e.variables(Map.of("SECOND", "2"))).description("second").memorySize(300)
                .timeout(20));
        assertThat(updating.lastUpdateStatus()).isEqualTo(LastUpdateStatus.IN_PROGRESS);
        assertThat(updating.environment().variables()).containsExactly(Map.entry("SECOND", "2"));
        FunctionConfiguration updated = lambda.waiter().waitUntilFunctionUpdatedV2(b -> b.functionName("updated"))
                .matched().response().orElseThrow().configuration();
        assertThat(updated.lastUpdateStatus()).isEqualTo(LastUpdateStatus.SUCCESSFUL);
        assertThat(updated.description()).isEqualTo("second");
        assertThat(updated.memorySize()).isEqualTo(300);
        assertThat(updated.timeout()).isEqualTo(20);
        assertThat(updated.handler()).isEqualTo("fn.Plain::env");
        String env = invoke("updated", "{}").payload().asUtf8String();
        assertThat(env).contains("SECOND=2\n", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE=300\n").doesNotContain("FIRST=1");

        byte[] newCode = TestFunctions.zipWithLib();
        var codeUpdated = lambda.updateFunctionCode(b -> b.functionName(ARN_PREFIX + "updated")
                .zipFile(SdkBytes.fromByteArray(newCode)).revisionId(updated.revisionId()));
        assertThat(codeUpdated.codeSha256()).isEqualTo(sha256(newCode));
        assertThat(codeUpdated.lastUpdateStatus()).isEqualTo(LastUpdateStatus.IN_PROGRESS);
        lambda.waiter().waitUntilFunctionUpdatedV2(b -> b.functionName("updated"));
        assertThat(invoke("updated", "{}").functionError()).isNull();
        assertThatThrownBy(() -> lambda.updateFunctionCode(b -> b.functionName("updated")
                .zipFile(SdkBytes.fromByteArray(newCode)).revisionId(updated.revisionId())))
                .isInstanceOf(software.amazon.awssdk.services.lambda.model.PreconditionFailedException.class);
    }

    @Test
    void aDeletedFunctionIsNotFound() {
        create("deleted", "fn.Echo", TestFunctions.jar());
        var deleted = lambda.deleteFunction(b -> b.functionName("deleted"));
        assertThat(deleted.sdkHttpResponse().statusCode()).isEqualTo(204);
        assertThatThrownBy(() -> lambda.getFunction(b -> b.functionName("deleted")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void invokeWithLogTypeTailReturnsTheEndOfTheInvocationsLog() throws Exception {
        create("tail", "fn.Ctx::handle", TestFunctions.zipWithLib(), b -> b.timeout(30));
        InvokeResponse response = lambda.invoke(b -> b.functionName("tail").logType(LogType.TAIL)
                .payload(SdkBytes.fromUtf8String("\"ping\"")));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.functionError()).isNull();
        assertThat(response.executedVersion()).isEqualTo("$LATEST");
        String requestId = response.responseMetadata().requestId();
        String[] answer = response.payload().asUtf8String().split("\\|");
        assertThat(answer[0]).isEqualTo(requestId);
        assertThat(answer[3]).isEqualTo(ARN_PREFIX + "tail");
        String log = new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8);
        assertThat(log).startsWith("START RequestId: " + requestId + " Version: $LATEST\n")
                .contains("logged through the context: \"ping\"\n", "to stderr\n", "END RequestId: " + requestId,
                        "REPORT RequestId: " + requestId + "\tDuration: ");
        assertThat(lambda.invoke(b -> b.functionName("tail").payload(SdkBytes.fromUtf8String("{}"))).logResult())
                .isNull();
    }

    @Test
    void aFunctionErrorIsA200WithTheFunctionErrorHeaderAndLambdasErrorJson() throws Exception {
        create("failing", "fn.Plain::fail", TestFunctions.jar());
        InvokeResponse failed = invoke("failing", "{}");
        assertThat(failed.statusCode()).isEqualTo(200);
        assertThat(failed.functionError()).isEqualTo("Unhandled");
        JsonNode error = JSON.readTree(failed.payload().asUtf8String());
        assertThat(error.get("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(error.get("errorMessage").asText()).isEqualTo("boom: the handler failed");
        assertThat(error.get("stackTrace").get(0).asText()).startsWith("fn.Plain.fail(Plain.java:");

        create("pojo", "fn.Pojo::handleRequest", TestFunctions.zipWithLib());
        InvokeResponse refused = invoke("pojo", "\"x\"");
        assertThat(refused.functionError()).isEqualTo("Unhandled");
        assertThat(refused.payload().asUtf8String()).contains("Glaux runs stream handlers only");
    }

    @Test
    void dryRunAndEventInvocationsAnswerWithoutThePayload() throws Exception {
        create("event", "fn.Plain::pid", TestFunctions.jar());
        InvokeResponse dryRun = lambda.invoke(b -> b.functionName("event").invocationType(InvocationType.DRY_RUN));
        assertThat(dryRun.statusCode()).isEqualTo(204);
        InvokeResponse event = lambda.invoke(b -> b.functionName("event").invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String("{}")));
        assertThat(event.statusCode()).isEqualTo(202);
        assertThat(event.payload().asByteArray()).isEmpty();
        String requestId = event.responseMetadata().requestId();
        for (int i = 0; i < 300 && !server.lambda().log("event", 100_000).contains("END RequestId: " + requestId);
             i++) {
            Thread.sleep(100);
        }
        assertThat(server.lambda().log("event", 100_000)).contains("REPORT RequestId: " + requestId);
        assertThatThrownBy(() -> lambda.invoke(b -> b.functionName("no-such-function")
                .invocationType(InvocationType.EVENT))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void reservedEnvironmentVariablesAreRefusedWithLambdasMessage() {
        String message = "Lambda was unable to configure your environment variables because the environment"
                + " variables you have provided contains reserved keys that are currently not supported for"
                + " modification. Reserved keys used in this request: AWS_REGION";
        assertThatThrownBy(() -> create("reserved", "fn.Echo", TestFunctions.jar(), b -> b.environment(e ->
                e.variables(Map.of("AWS_REGION", "eu-west-1", "MINE", "x")))))
                .isInstanceOfSatisfying(InvalidParameterValueException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
                });
        create("reserved-later", "fn.Echo", TestFunctions.jar());
        lambda.waiter().waitUntilFunctionActiveV2(b -> b.functionName("reserved-later"));
        assertThatThrownBy(() -> lambda.updateFunctionConfiguration(b -> b.functionName("reserved-later")
                .environment(e -> e.variables(Map.of("AWS_REGION", "eu-west-1")))))
                .isInstanceOf(InvalidParameterValueException.class).hasMessageStartingWith(message);
    }

    @Test
    void unknownFunctionsAreResourceNotFoundWithTheirArn() {
        String message = "Function not found: " + ARN_PREFIX + "nowhere";
        List<Runnable> calls = List.of(
                () -> lambda.getFunction(b -> b.functionName("nowhere")),
                () -> lambda.getFunctionConfiguration(b -> b.functionName(ARN_PREFIX + "nowhere")),
                () -> invoke("nowhere", "{}"),
                () -> lambda.deleteFunction(b -> b.functionName("nowhere")),
                () -> lambda.updateFunctionConfiguration(b -> b.functionName("nowhere").timeout(5)),
                () -> lambda.updateFunctionCode(b -> b.functionName("nowhere")
                        .zipFile(SdkBytes.fromByteArray(TestFunctions.jar()))));
        for (Runnable call : calls) {
            assertThatThrownBy(call::run).isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(404);
                assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
            });
        }
        assertThatThrownBy(() -> lambda.getFunction(b -> b.functionName("nowhere").qualifier("7")))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining(ARN_PREFIX + "nowhere:7");
    }

    @Test
    void requestsLambdaRefusesAreRefusedWithItsErrors() {
        create("twice", "fn.Echo", TestFunctions.jar());
        assertThatThrownBy(() -> create("twice", "fn.Echo", TestFunctions.jar()))
                .isInstanceOfSatisfying(ResourceConflictException.class, e -> assertThat(
                        e.awsErrorDetails().errorMessage()).isEqualTo("Function already exist: twice"));
        assertThatThrownBy(() -> lambda.createFunction(b -> b.functionName("python").runtime(Runtime.PYTHON3_12)
                .role(ROLE).handler("index.handler").code(c -> c.zipFile(SdkBytes.fromByteArray(
                        TestFunctions.jar())))))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining("The runtime parameter of python3.12 is not supported by Glaux");
        assertThatThrownBy(() -> lambda.createFunction(b -> b.functionName("cobol").runtime("cobol85")
                .role(ROLE).handler("x").code(c -> c.zipFile(SdkBytes.fromByteArray(TestFunctions.jar())))))
                .isInstanceOfSatisfying(LambdaException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).startsWith("1 validation error detected: Value"
                            + " 'cobol85' at 'runtime' failed to satisfy constraint: Member must satisfy enum value"
                            + " set: [nodejs,");
                });
        assertThatThrownBy(() -> lambda.createFunction(b -> b.functionName("not-a-zip").runtime(Runtime.JAVA17)
                .role(ROLE).handler("x.Y").code(c -> c.zipFile(SdkBytes.fromUtf8String("not a zip")))))
                .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("Could not unzip");
        assertThatThrownBy(() -> invoke("twice", "{not json"))
                .isInstanceOfSatisfying(LambdaException.class, e -> assertThat(e.awsErrorDetails().errorCode())
                        .isEqualTo("InvalidRequestContentException"));
        String big = "\"" + "x".repeat(6 * 1024 * 1024) + "\"";
        assertThatThrownBy(() -> invoke("twice", big)).isInstanceOfSatisfying(RequestTooLargeException.class,
                e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Request must be smaller than"
                        + " 6291456 bytes for the InvokeFunction operation"));
        assertThatThrownBy(() -> lambda.listAliases(b -> b.functionName("twice")))
                .isInstanceOfSatisfying(LambdaException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnsupportedOperationException");
                    assertThat(e.awsErrorDetails().errorMessage()).startsWith("Glaux's Lambda does not support"
                            + " ListAliases");
                });
    }

    @Test
    void accountSettingsCountTheFunctionsAndTheirCode() {
        var settings = lambda.getAccountSettings();
        assertThat(settings.accountLimit().codeSizeZipped()).isEqualTo(52_428_800L);
        assertThat(settings.accountUsage().functionCount()).isEqualTo(server.lambda().list().size());
        assertThat(settings.accountUsage().totalCodeSize()).isEqualTo(server.lambda().totalCodeSize());
    }
}
