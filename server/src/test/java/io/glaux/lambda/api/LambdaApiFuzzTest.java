package io.glaux.lambda.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.aws.protocol.RestRoute;
import io.glaux.connectors.lambda.TestFunctions;
import io.glaux.server.EnforcedIamServer;
import io.glaux.server.FuzzCaller;
import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

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
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern LABEL = Pattern.compile("\\{([A-Za-z]+)}");
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");
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
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

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
        fuzz(FuzzCaller.unverified(server, "lambda"), REQUESTS);
        HttpResponse<String> list = http.send(FuzzCaller.unverified(server, "lambda").request("GET",
                "/2015-03-31/functions", Map.of(), null, Duration.ofSeconds(30)), HttpResponse.BodyHandlers.ofString());
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(list.body()).get("Functions").isArray()).isTrue();
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void underEnforcedIamRootIsAnsweredAsBeforeAndACallerAllowedNothingNeverSucceeds() throws Exception {
        try (EnforcedIamServer iam = EnforcedIamServer.start()) {
            fuzz(iam.root("lambda"), REQUESTS / 5);
            fuzz(iam.allowedNothing("lambda"), REQUESTS / 5);
        }
    }

    /**
     * Sends {@code requests} random requests as {@code caller}: none is a 5xx, each 4xx is in Lambda's error shape,
     * and a caller allowed nothing gets no 2xx, its refusals by authorization Lambda's 403 AccessDeniedException with
     * AWS's sentence.
     */
    private void fuzz(FuzzCaller caller, int requests) throws Exception {
        int refused = 0;
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int i = 0; i < requests; i++) {
            Random random = new Random(SEED + i);
            RestRoute route = routes.get(random.nextInt(Math.min(routes.size(), random.nextBoolean() ? 9 : 1000)));
            String method = random.nextInt(10) < 8 ? route.method() : pick(random, METHODS);
            String path = path(route.uri().toString(), random) + query(random);
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
            HttpResponse<String> response = http.send(caller.request(method, path, headers, body,
                    Duration.ofSeconds(60)), HttpResponse.BodyHandlers.ofString());
            String context = "request " + i + " (seed " + SEED + ", " + caller + "): " + method + " "
                    + abbreviate(path) + " " + (body == null ? "" : abbreviate(new String(body, StandardCharsets.UTF_8)))
                    + " -> " + response.statusCode() + " " + abbreviate(response.body());
            outcomes.merge(response.statusCode() + response.headers().firstValue("x-amzn-ErrorType")
                    .map(type -> " " + type).orElse(""), 1, Integer::sum);
            assertThat(response.statusCode()).as(context).isLessThan(500);
            if (response.statusCode() >= 400) {
                String code = response.headers().firstValue("x-amzn-ErrorType").orElse(null);
                assertThat(code).as(context).isNotNull();
                JsonNode error = JSON.readTree(response.body());
                assertThat(error.path("Type").asText()).as(context).isEqualTo("User");
                JsonNode message = error.has("message") ? error.path("message") : error.path("Message");
                assertThat(message.isTextual()).as(context).isTrue();
                assertThat(caller.problemWithError(response.statusCode(), code, message.asText(), 403)).as(context)
                        .isNull();
                refused += caller.refusedByPolicy(code, message.asText()) ? 1 : 0;
            } else {
                assertThat(caller.deniedEverything()).as(context + ": a caller allowed nothing succeeded").isFalse();
            }
        }
        System.out.println(requests + " requests (" + caller + "): " + outcomes);
        if (caller.deniedEverything()) {
            assertThat(refused).as("calls refused by authorization").isPositive();
        }
    }

    private static String path(String template, Random random) {
        Matcher matcher = LABEL.matcher(template);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String value = matcher.group(1).equals("FunctionName") ? pick(random, NAMES) : pick(random, TEXTS);
            String encoded = URLEncoder.encode(value.replace("\u0000", "\u0001"), StandardCharsets.UTF_8)
                    .replace("+", "%20");
            matcher.appendReplacement(path, Matcher.quoteReplacement(encoded.isEmpty() ? "x" : encoded));
        }
        matcher.appendTail(path);
        return path.toString();
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

    private byte[] body(Random random) throws Exception {
        return switch (random.nextInt(9)) {
            case 0 -> null;
            case 1 -> "{\"FunctionName\":".getBytes(StandardCharsets.UTF_8);
            case 2 -> "[1,2]".getBytes(StandardCharsets.UTF_8);
            case 3 -> new byte[] {(byte) 0xff, (byte) 0xfe, 0x00};
            case 4, 5 -> JSON.writeValueAsBytes(function(random));
            default -> JSON.writeValueAsBytes(object(random, 0));
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

    private static <T> T pick(Random random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
