package io.glaux.quicksight.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.aws.protocol.RestRoute;
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
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static io.glaux.server.RestJsonFuzz.pick;

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

    private static final long SEED = Long.getLong("glaux.fuzz.seed", 0x71756963L);
    private static final int REQUESTS = Integer.getInteger("glaux.fuzz.requests", 3_000);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
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
    /** QuickSight's error body carries Message and RequestId; its AccessDeniedException is a 401. */
    private final RestJsonFuzz fuzz = new RestJsonFuzz("quicksight", SEED, 401,
            error -> error.path("Message").isTextual() && error.path("RequestId").isTextual()
                    ? error.path("Message").asText() : null, Duration.ofSeconds(30), this::probe);

    @BeforeAll
    void start() throws Exception {
        server = GlauxServer.builder().syncWrites(false).start();
        routes = new QuickSightApi(server.quickSight()).routes();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void nothingAClientSendsIsAServerErrorAndTheServerKeepsServing() throws Exception {
        fuzz.run(server, REQUESTS);
        fuzz.assertStillServes(server, "/accounts/000000000000/data-sources", "DataSources");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void underEnforcedIamRootIsAnsweredAsBeforeAndACallerAllowedNothingNeverSucceeds() throws Exception {
        fuzz.runUnderEnforcedIam(REQUESTS / 5);
    }

    /** A request on a random route: labels mostly this account's id, a random query and a random body. */
    private RestJsonFuzz.Probe probe(Random random) {
        RestRoute route = routes.get(random.nextInt(routes.size()));
        String method = RestJsonFuzz.method(random, route);
        String path = RestJsonFuzz.path(route, label -> label.equals("AwsAccountId") && random.nextInt(10) < 7
                ? "000000000000" : pick(random, TEXTS)) + query(random);
        return new RestJsonFuzz.Probe(method, path, Map.of("Content-Type", "application/json"), body(random));
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

    private static byte[] body(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> null;
            case 1 -> "{\"Name\":".getBytes(StandardCharsets.UTF_8);
            case 2 -> "[1,2]".getBytes(StandardCharsets.UTF_8);
            case 3 -> new byte[] {(byte) 0xff, (byte) 0xfe, 0x00};
            default -> object(random, 0).toString().getBytes(StandardCharsets.UTF_8);
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
}
