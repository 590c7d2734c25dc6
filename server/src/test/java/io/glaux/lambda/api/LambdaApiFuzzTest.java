package io.glaux.lambda.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.aws.protocol.RestRoute;
import io.glaux.connectors.lambda.TestFunctions;
import io.glaux.server.GlauxServer;
import io.glaux.server.RestJsonFuzz;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static io.glaux.server.RestJsonFuzz.pick;

/**
 * Malformed and random requests against Lambda's REST-JSON endpoint, over every route it serves (taken from the API
 * itself), with a few real functions created, updated, invoked and deleted among them: each is answered with a 2xx,
 * or a 4xx with {@code x-amzn-ErrorType} and Lambda's error body ({@code Type} and the message) — never a 5xx or a
 * hang — and the server still serves a real call afterwards. The same requests go, a fifth as many, to a server
 * enforcing IAM, signed as the account's root (answered as before) and as a user allowed nothing (never a 2xx;
 * refused by authorization with Lambda's 403 AccessDeniedException and AWS's sentence). Request {@code i} comes from
 * {@code new Random(seed + i)} alone ({@code -Dglaux.fuzz.seed=...}, {@code -Dglaux.fuzz.requests=...}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LambdaApiFuzzTest {

    private static final long SEED = Long.getLong("glaux.fuzz.seed", 0x6c616d62L);
    private static final int REQUESTS = Integer.getInteger("glaux.fuzz.requests", 1_500);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> NAMES = List.of("fuzz-1", "fuzz-2", "fuzz-3",
            "arn:aws:lambda:us-east-1:000000000000:function:fuzz-1", "000000000000:function:fuzz-2", "fuzz-1:$LATEST",
            "fuzz-1:7", "", "x".repeat(300), "a b", "../..", "%", "\u00e9", "arn:aws:s3:::x");
    private static final List<String> TEXTS = List.of("", "x", "java17", "java21", "python3.12", "Zip", "Image",
            "fn.Plain::pid", "fn.Echo", "fn.Plain::fail", "arn:aws:iam::000000000000:role/lambda", "AWS_REGION",
            "null", "{}", "\u0000", "x".repeat(3000));
    private static final List<String> MEMBERS = List.of("FunctionName", "Runtime", "Role", "Handler", "Code",
            "ZipFile", "S3Bucket", "S3Key", "Timeout", "MemorySize", "Environment", "Variables", "Description",
            "PackageType", "Architectures", "EphemeralStorage", "Size", "Tags", "RevisionId", "DryRun", "Layers",
            "TracingConfig", "Mode", "LoggingConfig");

    private GlauxServer server;
    private List<RestRoute> routes;
    private String validZip;
    /** Lambda's AccessDeniedException is a 403; an invocation may take a while. */
    private final RestJsonFuzz fuzz = new RestJsonFuzz("lambda", SEED, 403, LambdaApiFuzzTest::messageOf,
            Duration.ofSeconds(60), this::probe);

    @BeforeAll
    void start() throws Exception {
        server = GlauxServer.builder().syncWrites(false).start();
        routes = new LambdaApi(server.lambda()).routes();
        validZip = Base64.getEncoder().encodeToString(TestFunctions.jar());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void nothingAClientSendsIsAServerErrorAndTheServerKeepsServing() throws Exception {
        fuzz.run(server, REQUESTS);
        fuzz.assertStillServes(server, "/2015-03-31/functions", "Functions");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void underEnforcedIamRootIsAnsweredAsBeforeAndACallerAllowedNothingNeverSucceeds() throws Exception {
        fuzz.runUnderEnforcedIam(REQUESTS / 5);
    }

    /** A request on a random route (half of them among the function calls), with Invoke's headers now and then. */
    private RestJsonFuzz.Probe probe(Random random) {
        RestRoute route = routes.get(random.nextInt(Math.min(routes.size(), random.nextBoolean() ? 9 : 1000)));
        String method = RestJsonFuzz.method(random, route);
        String path = RestJsonFuzz.path(route, label -> label.equals("FunctionName") ? pick(random, NAMES)
                : pick(random, TEXTS)) + query(random);
        byte[] body = body(random);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        if (random.nextInt(4) == 0) {
            headers.put("X-Amz-Invocation-Type", pick(random, List.of("Event", "DryRun", "RequestResponse",
                    "Bogus")));
        }
        if (random.nextInt(4) == 0) {
            headers.put("X-Amz-Log-Type", pick(random, List.of("Tail", "None", "Bogus")));
        }
        return new RestJsonFuzz.Probe(method, path, headers, body);
    }

    /** The message of Lambda's error body ({@code Type} User, then {@code message} or {@code Message}), or null. */
    private static String messageOf(JsonNode error) {
        if (!error.path("Type").asText().equals("User")) {
            return null;
        }
        JsonNode message = error.has("message") ? error.path("message") : error.path("Message");
        return message.isTextual() ? message.asText() : null;
    }

    private static String query(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> "?MaxItems=" + (random.nextInt(300) - 100);
            case 1 -> "?Marker=" + URLEncoder.encode(pick(random, TEXTS), StandardCharsets.UTF_8);
            case 2 -> "?Qualifier=" + URLEncoder.encode(pick(random, List.of("$LATEST", "1", "", "a b")),
                    StandardCharsets.UTF_8);
            case 3 -> "?MaxItems=abc&Marker=%25zz&=&&x";
            default -> "";
        };
    }

    private byte[] body(Random random) {
        return switch (random.nextInt(9)) {
            case 0 -> null;
            case 1 -> "{\"FunctionName\":".getBytes(StandardCharsets.UTF_8);
            case 2 -> "[1,2]".getBytes(StandardCharsets.UTF_8);
            case 3 -> new byte[] {(byte) 0xff, (byte) 0xfe, 0x00};
            case 4, 5 -> function(random).toString().getBytes(StandardCharsets.UTF_8);
            default -> object(random, 0).toString().getBytes(StandardCharsets.UTF_8);
        };
    }

    /** A CreateFunction or UpdateFunction* body that is often valid, so real functions come and go. */
    private ObjectNode function(Random random) {
        ObjectNode node = NODES.objectNode();
        node.put("FunctionName", pick(random, NAMES.subList(0, 3)));
        node.put("Runtime", random.nextInt(5) == 0 ? "python3.12" : "java17");
        node.put("Role", "arn:aws:iam::000000000000:role/lambda");
        node.put("Handler", pick(random, List.of("fn.Plain::pid", "fn.Plain::fail", "fn.Echo", "fn.Nothing")));
        node.put("Timeout", 1 + random.nextInt(5));
        node.putObject("Code").put("ZipFile", random.nextInt(6) == 0 ? "bm90IGEgemlw" : validZip);
        node.put("ZipFile", validZip);
        if (random.nextBoolean()) {
            node.putObject("Environment").putObject("Variables").put(pick(random, List.of("A", "AWS_REGION", "1x")),
                    "v");
        }
        return node;
    }

    private static ObjectNode object(Random random, int depth) {
        ObjectNode node = NODES.objectNode();
        int members = random.nextInt(6);
        for (int i = 0; i < members; i++) {
            node.set(pick(random, MEMBERS), value(random, depth + 1));
        }
        return node;
    }

    private static JsonNode value(Random random, int depth) {
        return switch (random.nextInt(depth > 3 ? 4 : 6)) {
            case 0 -> NODES.textNode(pick(random, TEXTS));
            case 1 -> NODES.numberNode(random.nextInt(70000) - 1000);
            case 2 -> NODES.booleanNode(random.nextBoolean());
            case 3 -> NODES.nullNode();
            case 4 -> object(random, depth);
            default -> NODES.arrayNode().add(pick(random, TEXTS)).add(random.nextInt(10));
        };
    }
}
