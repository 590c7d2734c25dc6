package io.glaux.athena.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.Glaux;
import io.glaux.sample.SampleDataInstaller;
import io.glaux.server.EnforcedIamServer;
import io.glaux.server.FuzzCaller;
import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed and random requests against Athena's JSON endpoint: every one is answered with a 4xx carrying
 * {@code __type} (body) and {@code x-amzn-ErrorType} (header), never a 5xx or a hang, and the server still runs a
 * real query afterwards. Request {@code i} is generated from {@code new Random(seed, i)} alone, so a failure names
 * the seed and index that reproduce it ({@code -Dglaux.fuzz.seed=...}, {@code -Dglaux.fuzz.requests=...}).
 */
class AthenaApiFuzzTest {

    private static final long SEED = Long.getLong("glaux.fuzz.seed", 0x61746865L);
    private static final int REQUESTS = Integer.getInteger("glaux.fuzz.requests", 10_000);
    private static final String JSON_1_1 = "application/x-amz-json-1.1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Every operation name in Athena's service model (2017-05-18). */
    private static final List<String> MODEL_OPERATIONS = List.of("BatchGetNamedQuery", "BatchGetPreparedStatement",
            "BatchGetQueryExecution", "CancelCapacityReservation", "CreateCapacityReservation", "CreateDataCatalog",
            "CreateNamedQuery", "CreateNotebook", "CreatePreparedStatement", "CreatePresignedNotebookUrl",
            "CreateWorkGroup", "DeleteCapacityReservation", "DeleteDataCatalog", "DeleteNamedQuery",
            "DeleteNotebook", "DeletePreparedStatement", "DeleteWorkGroup", "ExportNotebook",
            "GetCalculationExecution", "GetCalculationExecutionCode", "GetCalculationExecutionStatus",
            "GetCapacityAssignmentConfiguration", "GetCapacityReservation", "GetDataCatalog", "GetDatabase",
            "GetNamedQuery", "GetNotebookMetadata", "GetPreparedStatement", "GetQueryExecution", "GetQueryResults",
            "GetQueryRuntimeStatistics", "GetSession", "GetSessionStatus", "GetTableMetadata", "GetWorkGroup",
            "ImportNotebook", "ListApplicationDPUSizes", "ListCalculationExecutions", "ListCapacityReservations",
            "ListDataCatalogs", "ListDatabases", "ListEngineVersions", "ListExecutors", "ListNamedQueries",
            "ListNotebookMetadata", "ListNotebookSessions", "ListPreparedStatements", "ListQueryExecutions",
            "ListSessions", "ListTableMetadata", "ListTagsForResource", "ListWorkGroups",
            "PutCapacityAssignmentConfiguration", "StartCalculationExecution", "StartQueryExecution", "StartSession",
            "StopCalculationExecution", "StopQueryExecution", "TagResource", "TerminateSession", "UntagResource",
            "UpdateCapacityReservation", "UpdateDataCatalog", "UpdateNamedQuery", "UpdateNotebook",
            "UpdateNotebookMetadata", "UpdatePreparedStatement", "UpdateWorkGroup");

    /** Member names from the model, for random requests. */
    private static final List<String> MEMBER_NAMES = List.of("QueryString", "QueryExecutionId", "QueryExecutionIds",
            "ClientRequestToken", "QueryExecutionContext", "Database", "Catalog", "ResultConfiguration",
            "OutputLocation", "EncryptionConfiguration", "EncryptionOption", "KmsKey", "ExpectedBucketOwner",
            "WorkGroup", "Name", "Description", "Configuration", "ConfigurationUpdates", "State", "Tags", "Key",
            "Value", "MaxResults", "NextToken", "ExecutionParameters", "CatalogName", "DatabaseName", "TableName",
            "Type", "Parameters", "NamedQueryId", "ResourceARN", "TagKeys", "StatementName", "QueryStatement",
            "Expression", "RemoveOutputLocation", "EnforceWorkGroupConfiguration", "BytesScannedCutoffPerQuery",
            "PublishCloudWatchMetricsEnabled", "RequesterPaysEnabled", "EngineVersion", "SelectedEngineVersion",
            "ResultReuseConfiguration", "RecursiveDeleteOption", "WorkGroupName");

    /** JSON kinds of the members the server reads, per operation. */
    private enum Kind { STRING, INTEGER, LONG, BOOLEAN, STRUCTURE, STRING_LIST, STRUCTURE_LIST }

    private record Member(String path, Kind kind, boolean required, int maxLength) {
    }

    private static final Map<String, List<Member>> READ_MEMBERS = new TreeMap<>(Map.ofEntries(
            Map.entry("StartQueryExecution", List.of(new Member("QueryString", Kind.STRING, true, 262_144),
                    new Member("ClientRequestToken", Kind.STRING, false, 128),
                    new Member("QueryExecutionContext", Kind.STRUCTURE, false, 0),
                    new Member("QueryExecutionContext.Database", Kind.STRING, false, 255),
                    new Member("QueryExecutionContext.Catalog", Kind.STRING, false, 256),
                    new Member("ResultConfiguration", Kind.STRUCTURE, false, 0),
                    new Member("ResultConfiguration.OutputLocation", Kind.STRING, false, 1024),
                    new Member("WorkGroup", Kind.STRING, false, 128),
                    new Member("ExecutionParameters", Kind.STRING_LIST, false, 1024))),
            Map.entry("GetQueryExecution", List.of(new Member("QueryExecutionId", Kind.STRING, true, 128))),
            Map.entry("BatchGetQueryExecution", List.of(new Member("QueryExecutionIds", Kind.STRING_LIST, true, 128))),
            Map.entry("GetQueryResults", List.of(new Member("QueryExecutionId", Kind.STRING, true, 128),
                    new Member("NextToken", Kind.STRING, false, 1024),
                    new Member("MaxResults", Kind.INTEGER, false, 0))),
            Map.entry("StopQueryExecution", List.of(new Member("QueryExecutionId", Kind.STRING, true, 128))),
            Map.entry("GetQueryRuntimeStatistics", List.of(new Member("QueryExecutionId", Kind.STRING, true, 128))),
            Map.entry("ListQueryExecutions", List.of(new Member("MaxResults", Kind.INTEGER, false, 0),
                    new Member("NextToken", Kind.STRING, false, 1024),
                    new Member("WorkGroup", Kind.STRING, false, 128))),
            Map.entry("CreateWorkGroup", List.of(new Member("Name", Kind.STRING, true, 128),
                    new Member("Description", Kind.STRING, false, 1024),
                    new Member("Configuration", Kind.STRUCTURE, false, 0),
                    new Member("Configuration.ResultConfiguration", Kind.STRUCTURE, false, 0),
                    new Member("Configuration.ResultConfiguration.OutputLocation", Kind.STRING, false, 1024),
                    new Member("Configuration.EnforceWorkGroupConfiguration", Kind.BOOLEAN, false, 0),
                    new Member("Configuration.BytesScannedCutoffPerQuery", Kind.LONG, false, 0),
                    new Member("Tags", Kind.STRUCTURE_LIST, false, 0))),
            Map.entry("GetWorkGroup", List.of(new Member("WorkGroup", Kind.STRING, true, 128))),
            Map.entry("ListWorkGroups", List.of(new Member("MaxResults", Kind.INTEGER, false, 0),
                    new Member("NextToken", Kind.STRING, false, 1024))),
            Map.entry("UpdateWorkGroup", List.of(new Member("WorkGroup", Kind.STRING, true, 128),
                    new Member("Description", Kind.STRING, false, 1024),
                    new Member("State", Kind.STRING, false, 0),
                    new Member("ConfigurationUpdates", Kind.STRUCTURE, false, 0),
                    new Member("ConfigurationUpdates.EnforceWorkGroupConfiguration", Kind.BOOLEAN, false, 0))),
            Map.entry("DeleteWorkGroup", List.of(new Member("WorkGroup", Kind.STRING, true, 128)))));

    private enum Category {
        BAD_JSON, WRONG_TYPE, MISSING_REQUIRED, OVER_LIMIT, UNKNOWN_TARGET, RANDOM_BYTES, EMPTY_BODY,
        WRONG_CONTENT_TYPE, FORGED_TOKEN, RANDOM_MEMBERS
    }

    /** One generated request and what it must be answered with (null type: any 4xx, or 2xx for random members). */
    private record Probe(int index, Category category, String target, String contentType, byte[] body,
                         String expectedType) {
        String describe() {
            String text = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
            return "#" + index + " (seed " + SEED + ") " + category + " target=" + target + " content-type="
                    + contentType + " body[" + body.length + "]=" + text;
        }
    }

    @TempDir
    static Path data;

    private static Glaux glaux;
    private static GlauxServer server;
    private static HttpClient http;
    private static String succeededId;

    @BeforeAll
    static void start() throws Exception {
        glaux = Glaux.builder().dataFolder(data).build();
        new SampleDataInstaller(glaux).installOnFirstStart();
        server = GlauxServer.start(glaux, "127.0.0.1", 0);
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
        java.nio.file.Files.createDirectories(data.resolve("fuzz-results")); // the results bucket
        // A real query id, so requests about it get past the lookup to the members being fuzzed.
        JsonNode setup = runQuery("SELECT customer_id, country FROM shop.customers ORDER BY customer_id LIMIT 200");
        assertThat(setup.path("Status").path("State").asText()).as(setup.toString()).isEqualTo("SUCCEEDED");
        succeededId = setup.path("QueryExecutionId").asText();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (glaux != null) {
            glaux.close();
        }
    }

    /** The probe's request as {@code caller} sends it (header names in either case, as the JS SDK sends them). */
    private static HttpRequest request(FuzzCaller caller, Probe probe) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        if (probe.target() != null) {
            headers.put(probe.index() % 2 == 0 ? "X-Amz-Target" : "x-amz-target", probe.target());
        }
        if (probe.contentType() != null) {
            headers.put("Content-Type", probe.contentType());
        }
        return caller.request("POST", "/", headers, probe.body(), Duration.ofSeconds(30));
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void malformedAndRandomRequestsAreClientErrorsAndTheServerKeepsWorking() throws Exception {
        fuzz(FuzzCaller.unverified(server, "athena"), REQUESTS);

        // The server still answers a real query end to end.
        JsonNode done = runQuery("SELECT c.country, count(*) AS orders FROM shop.orders o JOIN shop.customers c"
                + " ON o.customer_id = c.customer_id GROUP BY c.country ORDER BY orders DESC LIMIT 3");
        assertThat(done.path("Status").path("State").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
        JsonNode results = call("GetQueryResults", object("QueryExecutionId", done.path("QueryExecutionId").asText()));
        JsonNode rows = results.path("ResultSet").path("Rows");
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).findValuesAsText("VarCharValue")).containsExactly("country", "orders");
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void underEnforcedIamRootIsAnsweredAsBeforeAndACallerAllowedNothingNeverSucceeds() throws Exception {
        // A second server over the same engine, enforcing IAM: the probes' query ids exist there too.
        try (EnforcedIamServer iam = EnforcedIamServer.over(glaux)) {
            fuzz(iam.root("athena"), REQUESTS / 5);
            fuzz(iam.allowedNothing("athena"), REQUESTS / 5);
        }
    }

    private static void fuzz(FuzzCaller caller, int requests) throws Exception {
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        long started = System.nanoTime();
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                int index = i;
                sent.add(pool.submit(() -> {
                    Probe probe = generate(index);
                    String outcome = check(caller, probe, failures);
                    outcomes.computeIfAbsent(probe.category() + " " + outcome, k -> new AtomicInteger())
                            .incrementAndGet();
                }));
            }
            for (Future<?> future : sent) {
                future.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        String summary = requests + " requests (" + caller + ") in " + seconds + " s: " + new TreeMap<>(outcomes);
        System.out.println(summary);
        assertThat(failures).as(summary).isEmpty();
        for (Category category : Category.values()) {
            assertThat(outcomes.keySet()).as("category " + category + " was exercised")
                    .anyMatch(key -> key.startsWith(category + " "));
        }
        if (caller.deniedEverything()) {
            assertThat(outcomes.keySet()).as("some calls were refused by authorization")
                    .anyMatch(key -> key.endsWith(" AccessDeniedException"));
        }
    }

    /** Sends a probe and checks the answer; returns a short outcome ("400 SerializationException", "200"). */
    private static String check(FuzzCaller caller, Probe probe, List<String> failures) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request(caller, probe), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            failures.add(probe.describe() + "\n  -> no answer: " + e);
            return "no answer";
        }
        int status = response.statusCode();
        String body = new String(response.body(), StandardCharsets.UTF_8);
        if (status >= 500) {
            failures.add(probe.describe() + "\n  -> " + status + " " + body);
            return String.valueOf(status);
        }
        if (status < 400) {
            if (caller.deniedEverything() || probe.category() != Category.RANDOM_MEMBERS) {
                failures.add(probe.describe() + "\n  -> " + status + " (expected a 4xx) " + abbreviate(body));
            } else if (!isJsonObject(body)) {
                failures.add(probe.describe() + "\n  -> " + status + " with a body that is not a JSON object: "
                        + abbreviate(body));
            }
            return String.valueOf(status);
        }
        String type;
        String message;
        try {
            JsonNode error = JSON.readTree(body);
            type = error.path("__type").asText("");
            message = error.path("Message").asText(null);
            if (type.isEmpty() || !error.path("Message").isTextual()) {
                failures.add(probe.describe() + "\n  -> " + status + " without __type and Message: " + body);
                return status + " untyped";
            }
        } catch (Exception e) {
            failures.add(probe.describe() + "\n  -> " + status + " with a body that is not JSON: " + abbreviate(body));
            return status + " not JSON";
        }
        String header = response.headers().firstValue("x-amzn-ErrorType").orElse(null);
        if (!type.equals(header)) {
            failures.add(probe.describe() + "\n  -> x-amzn-ErrorType " + header + " but __type " + type);
        }
        String problem = caller.problemWithError(status, type, message, 400);
        if (problem != null) {
            failures.add(probe.describe() + "\n  -> " + problem);
        }
        boolean refused = caller.deniedEverything() && caller.refusedByPolicy(type, message);
        if (probe.expectedType() != null && !probe.expectedType().equals(type) && !refused) {
            failures.add(probe.describe() + "\n  -> " + status + " " + type + " (expected " + probe.expectedType()
                    + "): " + abbreviate(body));
        }
        return status + " " + type;
    }

    // ---- generation: everything below depends only on (SEED, index) ----

    private static Probe generate(int index) {
        Random random = new Random(SEED * 1_000_003L + index);
        Category category = Category.values()[random.nextInt(Category.values().length)];
        List<String> implemented = new ArrayList<>(READ_MEMBERS.keySet());
        String operation = implemented.get(random.nextInt(implemented.size()));
        String target = "AmazonAthena." + operation;
        return switch (category) {
            case BAD_JSON -> new Probe(index, category, target, JSON_1_1, badJson(random, operation),
                    "SerializationException");
            case WRONG_TYPE -> wrongType(index, random, operation);
            case MISSING_REQUIRED -> missingRequired(index, random);
            case OVER_LIMIT -> overLimit(index, random, operation);
            case UNKNOWN_TARGET -> new Probe(index, category, unknownTarget(random), JSON_1_1,
                    "{}".getBytes(StandardCharsets.UTF_8), "UnknownOperationException");
            case RANDOM_BYTES -> {
                byte[] bytes = new byte[1 + random.nextInt(random.nextInt(10) == 0 ? 100_000 : 200)];
                random.nextBytes(bytes);
                if (bytes[0] == '{') {
                    bytes[0] = '}';
                }
                yield new Probe(index, category, target, JSON_1_1, bytes, "SerializationException");
            }
            case EMPTY_BODY -> {
                List<String> withRequired = READ_MEMBERS.entrySet().stream()
                        .filter(e -> e.getValue().stream().anyMatch(Member::required)).map(Map.Entry::getKey).toList();
                String op = withRequired.get(random.nextInt(withRequired.size()));
                yield new Probe(index, category, "AmazonAthena." + op, JSON_1_1, new byte[0],
                        "InvalidRequestException");
            }
            case WRONG_CONTENT_TYPE -> {
                List<String> types = java.util.Arrays.asList("application/json", "text/plain", "application/xml",
                        "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                        "application/x-amz-json-1.2", "application/x-amz-cbor-1.1", "x-amz-json-1.1", "???",
                        "", null);
                ObjectNode body = validRequest(random, operation);
                yield new Probe(index, category, target, types.get(random.nextInt(types.size())), bytes(body),
                        "UnsupportedMediaTypeException");
            }
            case FORGED_TOKEN -> forgedToken(index, random);
            case RANDOM_MEMBERS -> {
                String op = MODEL_OPERATIONS.get(random.nextInt(MODEL_OPERATIONS.size()));
                yield new Probe(index, category, "AmazonAthena." + op, JSON_1_1, bytes(randomObject(random, 0)),
                        null);
            }
        };
    }

    private static byte[] badJson(Random random, String operation) {
        String valid = validRequest(random, operation).toString();
        return switch (random.nextInt(12)) {
            case 0 -> valid.substring(0, 1 + random.nextInt(valid.length() - 1)).getBytes(StandardCharsets.UTF_8);
            case 1 -> (valid + " " + pick(random, "x", "{}", "]", ",", "null")).getBytes(StandardCharsets.UTF_8);
            case 2 -> pick(random, "[]", "[{}]", "\"text\"", "42", "-1.5e3", "true", "false", "null", " ",
                    "\n\t").getBytes(StandardCharsets.UTF_8);
            case 3 -> valid.replace("\"", "'").getBytes(StandardCharsets.UTF_8);
            case 4 -> valid.replaceFirst("}$", ",}").getBytes(StandardCharsets.UTF_8);
            case 5 -> "{\"QueryString\": NaN}".getBytes(StandardCharsets.UTF_8);
            case 6 -> "{\"MaxResults\": 0x10}".getBytes(StandardCharsets.UTF_8);
            case 7 -> ("{\"Name\": \"a\u0001b\"}").getBytes(StandardCharsets.UTF_8);
            case 8 -> "{".repeat(1 + random.nextInt(5000)).getBytes(StandardCharsets.UTF_8);
            case 9 -> ("{\"MaxResults\": " + "9".repeat(1001 + random.nextInt(5000)) + "}")
                    .getBytes(StandardCharsets.UTF_8);
            case 10 -> {
                byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
                bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(0x7f));
                yield valid.length() > 2 && bytes[0] == '{' ? bytes : "{\u00ff".getBytes(StandardCharsets.ISO_8859_1);
            }
            default -> ("{\"WorkGroup\": \"primary\" \"x\": 1}").getBytes(StandardCharsets.UTF_8);
        };
    }

    private static Probe wrongType(int index, Random random, String operation) {
        List<Member> members = READ_MEMBERS.get(operation);
        Member member = members.get(random.nextInt(members.size()));
        ObjectNode body = validRequest(random, operation);
        JsonNode wrong = switch (member.kind()) {
            case STRING -> pickNode(random, NODES.numberNode(7), NODES.booleanNode(true), NODES.objectNode(),
                    NODES.arrayNode().add("x"), NODES.numberNode(1.5));
            case INTEGER, LONG -> pickNode(random, NODES.textNode("10"), NODES.numberNode(1.5), NODES.booleanNode(false),
                    NODES.objectNode(), NODES.arrayNode().add(1), NODES.numberNode(new java.math.BigInteger(
                            "123456789012345678901234567890")), NODES.numberNode(1e30));
            case BOOLEAN -> pickNode(random, NODES.textNode("true"), NODES.numberNode(1), NODES.objectNode(),
                    NODES.arrayNode());
            case STRUCTURE -> pickNode(random, NODES.textNode("{}"), NODES.numberNode(1), NODES.booleanNode(true),
                    NODES.arrayNode().add(NODES.objectNode()));
            case STRING_LIST -> pickNode(random, NODES.textNode("a"), NODES.numberNode(1), NODES.objectNode(),
                    NODES.arrayNode().add(1).add(2), NODES.arrayNode().add("ok").add(NODES.objectNode()),
                    NODES.arrayNode().add(true));
            case STRUCTURE_LIST -> pickNode(random, NODES.textNode("a"), NODES.objectNode(),
                    NODES.arrayNode().add("tag"), NODES.arrayNode().add(NODES.objectNode().put("Key", 5)),
                    NODES.arrayNode().add(NODES.objectNode().put("Key", "k").put("Value", false)));
        };
        put(body, member.path(), wrong);
        return new Probe(index, Category.WRONG_TYPE, "AmazonAthena." + operation, JSON_1_1, bytes(body),
                "SerializationException");
    }

    private static Probe missingRequired(int index, Random random) {
        List<String> withRequired = READ_MEMBERS.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(Member::required)).map(Map.Entry::getKey).toList();
        String operation = withRequired.get(random.nextInt(withRequired.size()));
        ObjectNode body = validRequest(random, operation);
        for (Member member : READ_MEMBERS.get(operation)) {
            if (member.required()) {
                if (random.nextBoolean()) {
                    body.remove(member.path());
                } else {
                    body.putNull(member.path());
                }
            }
        }
        return new Probe(index, Category.MISSING_REQUIRED, "AmazonAthena." + operation, JSON_1_1, bytes(body),
                "InvalidRequestException");
    }

    private static Probe overLimit(int index, Random random, String operation) {
        List<Member> limited = READ_MEMBERS.get(operation).stream()
                .filter(m -> (m.kind() == Kind.STRING || m.kind() == Kind.STRING_LIST) && m.maxLength() > 0).toList();
        ObjectNode body = validRequest(random, operation);
        int roll = random.nextInt(1000);
        if (roll < 3) {
            // Over the server's 16 MB request limit.
            body.put("QueryString", "x".repeat(17 * 1024 * 1024));
            return new Probe(index, Category.OVER_LIMIT, "AmazonAthena.StartQueryExecution", JSON_1_1, bytes(body),
                    "RequestEntityTooLargeException");
        }
        Member member = limited.get(random.nextInt(limited.size()));
        int length = roll < 20 ? (1 + random.nextInt(4)) * 1024 * 1024
                : member.maxLength() + 1 + random.nextInt(random.nextBoolean() ? 3 : 5000);
        JsonNode text = NODES.textNode(randomText(random, length));
        put(body, member.path(), member.kind() == Kind.STRING_LIST ? NODES.arrayNode().add(text) : text);
        return new Probe(index, Category.OVER_LIMIT, "AmazonAthena." + operation, JSON_1_1, bytes(body),
                "InvalidRequestException");
    }

    /** NextTokens the server never handed out: made-up offsets into a real result, made-up list positions. */
    private static Probe forgedToken(int index, Random random) {
        java.util.Base64.Encoder base64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String offset = String.valueOf(pick(random, -1L, 1L, 7L, 17L, 100L, 1000L, 1L << 40,
                (long) random.nextInt(5000)));
        String token = switch (random.nextInt(4)) {
            case 0 -> base64.encodeToString((succeededId + ":" + offset).getBytes(StandardCharsets.UTF_8));
            case 1 -> base64.encodeToString((succeededId + ":" + offset).getBytes(StandardCharsets.UTF_8)) + "."
                    + base64.encodeToString(new byte[16]);
            case 2 -> base64.encodeToString(offset.getBytes(StandardCharsets.UTF_8));
            default -> randomText(random, 1 + random.nextInt(100));
        };
        ObjectNode body = NODES.objectNode().put("NextToken", token);
        String operation = pick(random, "GetQueryResults", "GetQueryResults", "ListQueryExecutions",
                "ListWorkGroups");
        if (operation.equals("GetQueryResults")) {
            body.put("QueryExecutionId", succeededId).put("MaxResults", 1 + random.nextInt(10));
        } else if (token.length() < 12 || random.nextBoolean()) {
            // A list token is a position: small ones are real positions, so a forged one lies beyond the end.
            body.put("NextToken", base64.encodeToString(String.valueOf(1_000_000 + random.nextInt(1000))
                    .getBytes(StandardCharsets.UTF_8)));
        }
        return new Probe(index, Category.FORGED_TOKEN, "AmazonAthena." + operation, JSON_1_1, bytes(body),
                "InvalidRequestException");
    }

    private static String unknownTarget(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> "AmazonAthena." + randomName(random) + "Zq";
            case 1 -> "AmazonAthena";
            case 2 -> "AmazonAthena.";
            case 3 -> "AWSGlue.GetTable";
            case 4 -> "amazonathena.ListWorkGroups";
            case 5 -> "AmazonAthena.listworkgroups";
            case 6 -> "AmazonAthena.ListWorkGroups.Extra";
            default -> randomText(random, 1 + random.nextInt(200)).replaceAll("[\\p{Cntrl}\\x{80}-\\x{10FFFF}]", "_");
        };
    }

    /** A request the operation would accept, to be broken in one place. */
    private static ObjectNode validRequest(Random random, String operation) {
        ObjectNode body = NODES.objectNode();
        switch (operation) {
            case "StartQueryExecution" -> {
                // The query text is malformed on purpose: a valid request must not actually run a statement.
                body.put("QueryString", "SELEC " + random.nextInt(1000));
                body.putObject("QueryExecutionContext").put("Database", "shop");
                body.putObject("ResultConfiguration").put("OutputLocation", "s3://fuzz-results/out/");
            }
            case "GetQueryExecution", "StopQueryExecution", "GetQueryRuntimeStatistics" ->
                    body.put("QueryExecutionId", "missing-" + random.nextInt(1000));
            case "GetQueryResults" -> body.put("QueryExecutionId", succeededId).put("MaxResults", 5);
            case "BatchGetQueryExecution" -> body.putArray("QueryExecutionIds").add(succeededId);
            case "ListQueryExecutions" -> body.put("MaxResults", 10).put("WorkGroup", "primary");
            case "CreateWorkGroup" -> body.put("Name", "fuzz-" + random.nextInt(1_000_000))
                    .putObject("Configuration").put("EnforceWorkGroupConfiguration", false);
            case "GetWorkGroup", "DeleteWorkGroup" -> body.put("WorkGroup", "missing-" + random.nextInt(1000));
            case "ListWorkGroups" -> body.put("MaxResults", 5);
            // An existing workgroup, so the members after the lookup are read; only ever sent broken.
            case "UpdateWorkGroup" -> body.put("WorkGroup", "primary").put("Description", "d");
            default -> throw new IllegalArgumentException(operation);
        }
        return body;
    }

    private static JsonNode randomValue(Random random, int depth) {
        int kind = random.nextInt(depth > 2 ? 6 : 8);
        return switch (kind) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(pick(random, 0L, -1L, 1L, 50L, 1001L, (long) Integer.MAX_VALUE + 1,
                    Long.MIN_VALUE, random.nextLong()));
            case 3 -> NODES.numberNode(random.nextDouble() * 1e6 - 5e5);
            case 4, 5 -> NODES.textNode(randomText(random, random.nextInt(10) == 0 ? 2000 : random.nextInt(40)));
            case 6 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomValue(random, depth + 1));
                }
                yield array;
            }
            default -> randomObject(random, depth + 1);
        };
    }

    private static ObjectNode randomObject(Random random, int depth) {
        ObjectNode object = NODES.objectNode();
        for (int i = random.nextInt(6); i > 0; i--) {
            String name = random.nextInt(8) == 0 ? randomName(random) : MEMBER_NAMES.get(random.nextInt(
                    MEMBER_NAMES.size()));
            object.set(name, randomValue(random, depth));
        }
        return object;
    }

    private static String randomName(Random random) {
        StringBuilder name = new StringBuilder();
        for (int i = 1 + random.nextInt(20); i > 0; i--) {
            name.append((char) ('A' + random.nextInt(26) + (random.nextBoolean() ? 32 : 0)));
        }
        return name.toString();
    }

    private static String randomText(Random random, int length) {
        if (length > 10_000) {
            char[] chars = new char[length];
            java.util.Arrays.fill(chars, (char) ('a' + random.nextInt(26)));
            return new String(chars);
        }
        StringBuilder text = new StringBuilder(length);
        String specials = "\"\\/'\n\t\r\u0000\u00e9\u4e2d\ud83d\ude00 {}[],:;%s-_.*";
        while (text.length() < length) {
            int roll = random.nextInt(4);
            if (roll == 0) {
                char c = specials.charAt(random.nextInt(specials.length()));
                if (Character.isHighSurrogate(c) || Character.isLowSurrogate(c)) {
                    c = '?';
                }
                text.append(c);
            } else {
                text.append((char) ('a' + random.nextInt(26)));
            }
        }
        return text.toString();
    }

    /** Sets a dotted member path, creating the structures on the way. */
    private static void put(ObjectNode body, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode node = body;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            node = child instanceof ObjectNode object ? object : node.putObject(parts[i]);
        }
        node.set(parts[parts.length - 1], value);
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... options) {
        return options[random.nextInt(options.length)];
    }

    private static JsonNode pickNode(Random random, JsonNode... options) {
        return options[random.nextInt(options.length)].deepCopy();
    }

    private static byte[] bytes(JsonNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static boolean isJsonObject(String body) {
        try {
            return JSON.readTree(body).isObject();
        } catch (Exception e) {
            return false;
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    // ---- a real query over plain HTTP ----

    private static ObjectNode object(String name, String value) {
        return NODES.objectNode().put(name, value);
    }

    private static JsonNode call(String operation, ObjectNode input) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.endpoint() + "/"))
                .timeout(Duration.ofSeconds(30)).header("X-Amz-Target", "AmazonAthena." + operation)
                .header("Content-Type", JSON_1_1).POST(HttpRequest.BodyPublishers.ofString(input.toString()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(operation + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Starts a query in the primary workgroup with an output location and polls it to its end. */
    private static JsonNode runQuery(String sql) throws Exception {
        ObjectNode start = object("QueryString", sql);
        start.putObject("ResultConfiguration").put("OutputLocation", "s3://fuzz-results/queries/");
        String id = call("StartQueryExecution", start).path("QueryExecutionId").asText();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            JsonNode execution = call("GetQueryExecution", object("QueryExecutionId", id)).path("QueryExecution");
            String state = execution.path("Status").path("State").asText();
            if (List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(state) || System.nanoTime() > deadline) {
                return execution;
            }
            Thread.sleep(20);
        }
    }
}
