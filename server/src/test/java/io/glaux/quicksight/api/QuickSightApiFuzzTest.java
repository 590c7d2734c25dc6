package io.glaux.quicksight.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.aws.protocol.RestRoute;
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
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed and random requests against QuickSight's REST-JSON endpoint, over every route it serves (taken from the
 * API itself, so new operations are covered as they come): each is answered with a 2xx, or a 4xx with
 * {@code x-amzn-ErrorType} and a JSON body with {@code Message} and {@code RequestId} — never a 5xx or a hang — and
 * the server still serves a real call afterwards. The same requests go, a fifth as many, to a server enforcing IAM,
 * signed as the account's root (answered as before) and as a user allowed nothing (never a 2xx; refused by
 * authorization with QuickSight's 401 AccessDeniedException and AWS's sentence). Request {@code i} comes from
 * {@code new Random(seed + i)} alone ({@code -Dglaux.fuzz.seed=...}, {@code -Dglaux.fuzz.requests=...}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuickSightApiFuzzTest {

    /** URIs longer than this may not fit the HTTP server's request header limit with the headers sent. */
    private static final int MAX_ROUTED_URI = 7 * 1024;
    private static final long SEED = Long.getLong("glaux.fuzz.seed", 0x71756963L);
    private static final int REQUESTS = Integer.getInteger("glaux.fuzz.requests", 3_000);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern LABEL = Pattern.compile("\\{([A-Za-z]+)}");
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");
    private static final List<String> MEMBERS = List.of("Name", "DataSourceId", "Type", "DataSourceParameters",
            "AthenaParameters", "WorkGroup", "Permissions", "Principal", "Actions", "Tags", "Key", "Value",
            "GrantPermissions", "RevokePermissions", "SslProperties", "DisableSsl", "DataSetId", "ImportMode",
            "PhysicalTableMap", "LogicalTableMap", "RelationalTable", "CustomSql", "SqlQuery", "Columns",
            "InputColumns", "DataSourceArn", "Definition", "Sheets", "Visuals", "IngestionType", "Schedule");
    private static final List<String> TEXTS = List.of("", "x", "athena", "ATHENA", "SPICE", "DIRECT_QUERY",
            "primary", "no-such", "000000000000", "arn:aws:quicksight:us-east-1:000000000000:datasource/x",
            "\u00e9\u00e8", "../..", "%", "a b", "\u0000", "null", "{}", "x".repeat(3000));

    private GlauxServer server;
    private List<RestRoute> routes;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    void start() throws Exception {
        server = GlauxServer.builder().syncWrites(false).start();
        routes = new QuickSightApi(server.quickSight()).routes();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    /**
     * Sends a request; a request the server cannot have refused for its length that meets a closed connection (a
     * pooled connection the server closed after an earlier refusal, which the client learns only by using it) is sent
     * once more on a new connection, as the AWS SDKs retry an I/O failure. The second attempt must be answered.
     */
    private HttpResponse<String> sendRetryingAClosedConnection(HttpRequest request, String path)
            throws java.io.IOException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException closed) {
            if (path.length() > MAX_ROUTED_URI) {
                throw closed;
            }
            return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void nothingAClientSendsIsAServerErrorAndTheServerKeepsServing() throws Exception {
        fuzz(FuzzCaller.unverified(server, "quicksight"), REQUESTS);
        HttpResponse<String> list = http.send(FuzzCaller.unverified(server, "quicksight").request("GET",
                "/accounts/000000000000/data-sources", Map.of(), null, Duration.ofSeconds(30)),
                HttpResponse.BodyHandlers.ofString());
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(list.body()).get("DataSources").isArray()).isTrue();
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void underEnforcedIamRootIsAnsweredAsBeforeAndACallerAllowedNothingNeverSucceeds() throws Exception {
        try (EnforcedIamServer iam = EnforcedIamServer.start()) {
            fuzz(iam.root("quicksight"), REQUESTS / 5);
            fuzz(iam.allowedNothing("quicksight"), REQUESTS / 5);
        }
    }

    /**
     * Sends {@code requests} random requests as {@code caller}: none is a 5xx, each 4xx is in QuickSight's error
     * shape, and a caller allowed nothing gets no 2xx, its refusals by authorization QuickSight's 401
     * AccessDeniedException with AWS's sentence.
     */
    private void fuzz(FuzzCaller caller, int requests) throws Exception {
        int refused = 0;
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int i = 0; i < requests; i++) {
            Random random = new Random(SEED + i);
            RestRoute route = routes.get(random.nextInt(routes.size()));
            String method = random.nextInt(10) < 8 ? route.method() : pick(random, METHODS);
            String path = path(route.uri().toString(), random) + query(random);
            byte[] body = body(random);
            HttpRequest request = caller.request(method, path, Map.of("Content-Type", "application/json"), body,
                    Duration.ofSeconds(30));
            HttpResponse<String> response;
            try {
                response = sendRetryingAClosedConnection(request, path);
            } catch (java.io.IOException e) {
                // Past the HTTP server's 8 KiB of request line and headers (S3's limit too) the parser refuses the
                // request and closes the connection; with a body still being sent, the client may see that close
                // before the refusal. Any other request must be answered.
                assertThat(path.length()).as("request " + i + " (seed " + SEED + ", " + caller + "): " + method + " "
                        + abbreviate(path) + " was not answered: " + e).isGreaterThan(MAX_ROUTED_URI);
                continue;
            }
            String context = "request " + i + " (seed " + SEED + ", " + caller + "): " + method + " "
                    + abbreviate(path) + " " + (body == null ? "" : abbreviate(new String(body, StandardCharsets.UTF_8)))
                    + " -> " + response.statusCode() + " " + abbreviate(response.body());
            outcomes.merge(response.statusCode() + response.headers().firstValue("x-amzn-ErrorType")
                    .map(type -> " " + type).orElse(""), 1, Integer::sum);
            assertThat(response.statusCode()).as(context).isLessThan(500);
            if (path.length() > MAX_ROUTED_URI) {
                // Refused by the HTTP parser before its signature is read, so no service is known: a generic 4xx.
                assertThat(response.statusCode()).as(context).isBetween(400, 499);
            } else if (response.statusCode() >= 400) {
                String code = response.headers().firstValue("x-amzn-ErrorType").orElse(null);
                assertThat(code).as(context).isNotNull();
                JsonNode error = JSON.readTree(response.body());
                assertThat(error.path("Message").isTextual()).as(context).isTrue();
                assertThat(error.path("RequestId").isTextual()).as(context).isTrue();
                String message = error.path("Message").asText();
                assertThat(caller.problemWithError(response.statusCode(), code, message, 401)).as(context).isNull();
                refused += caller.refusedByPolicy(code, message) ? 1 : 0;
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
            // Labels are percent-encoded as the SDKs encode them. A path Jetty cannot parse or normalise (an
            // encoded NUL, or "/accounts/../..") is refused before any service is known, with S3's XML InvalidURI:
            // a known limit, so NUL stays out of the labels here.
            String value = matcher.group(1).equals("AwsAccountId") && random.nextInt(10) < 7 ? "000000000000"
                    : pick(random, TEXTS).replace("\u0000", "\u0001");
            String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
            matcher.appendReplacement(path, Matcher.quoteReplacement(encoded.isEmpty() ? "x" : encoded));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    private static String query(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> "?max-results=" + (random.nextInt(300) - 100);
            case 1 -> "?next-token=" + URLEncoder.encode(pick(random, TEXTS), StandardCharsets.UTF_8);
            case 2 -> "?max-results=abc&next-token=%25zz&=&&x";
            case 3 -> "?version-number=" + random.nextInt(5) + "&keys=a&keys=b";
            default -> "";
        };
    }

    private static byte[] body(Random random) throws Exception {
        return switch (random.nextInt(8)) {
            case 0 -> null;
            case 1 -> "{\"Name\":".getBytes(StandardCharsets.UTF_8);
            case 2 -> "[1,2]".getBytes(StandardCharsets.UTF_8);
            case 3 -> new byte[] {(byte) 0xff, (byte) 0xfe, 0x00};
            default -> JSON.writeValueAsBytes(object(random, 0));
        };
    }

    private static ObjectNode object(Random random, int depth) {
        ObjectNode node = NODES.objectNode();
        int members = random.nextInt(6);
        for (int i = 0; i < members; i++) {
            node.set(pick(random, MEMBERS), value(random, depth + 1));
        }
        if (random.nextBoolean()) {
            node.put("Name", "fuzz");
            node.put("DataSourceId", "fuzz-" + random.nextInt(50));
            node.put("Type", "ATHENA");
        }
        return node;
    }

    private static JsonNode value(Random random, int depth) {
        int kind = random.nextInt(depth > 3 ? 4 : 7);
        return switch (kind) {
            case 0 -> NODES.textNode(pick(random, TEXTS));
            case 1 -> NODES.numberNode(random.nextInt(2000) - 1000);
            case 2 -> NODES.booleanNode(random.nextBoolean());
            case 3 -> NODES.nullNode();
            case 4, 5 -> object(random, depth);
            default -> {
                ArrayNode array = NODES.arrayNode();
                int items = random.nextInt(4);
                for (int i = 0; i < items; i++) {
                    array.add(value(random, depth + 1));
                }
                yield array;
            }
        };
    }

    private static <T> T pick(Random random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
