package io.glaux.quicksight.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.athena.api.AccessFixture;
import io.glaux.server.GlauxServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Glaux's Security &amp; permissions endpoints as a client calls them: SigV4-signed requests (scope
 * {@code quicksight}) to {@code /glaux/quicksight/accounts/{account}/security/aws-resources} and
 * {@code .../athena/work-groups}, answered as status and JSON body.
 */
final class SecuritySettingsClient {

    static final String ROLE_SESSION = "arn:aws:sts::000000000000:assumed-role/aws-quicksight-service-role-v0/"
            + "QuickSight";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A status and body. */
    record Answer(int status, JsonNode body, String errorType) {
    }

    private final GlauxServer server;
    private final AwsCredentials credentials;
    private final HttpClient http = HttpClient.newHttpClient();

    SecuritySettingsClient(GlauxServer server, AwsCredentials credentials) {
        this.server = server;
        this.credentials = credentials;
    }

    /** As the account's root. */
    SecuritySettingsClient(GlauxServer server) {
        this(server, AwsBasicCredentials.create(GlauxServer.ACCESS_KEY_ID, GlauxServer.SECRET_ACCESS_KEY));
    }

    Answer describe() throws IOException, InterruptedException {
        return send("GET", "/security/aws-resources", null);
    }

    /** Writes the settings: Athena access, buckets (name → write for Athena workgroup), functions; keys as they are. */
    Answer update(boolean athena, Map<String, Boolean> buckets, List<String> functions)
            throws IOException, InterruptedException {
        return update(athena, buckets, functions, null);
    }

    /** As {@link #update(boolean, Map, List)}, with {@code KmsKeys} (left out when null). */
    Answer update(boolean athena, Map<String, Boolean> buckets, List<String> functions, List<String> keys)
            throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        if (keys != null) {
            keys.forEach(body.putArray("KmsKeys")::add);
        }
        body.put("AthenaAccess", athena);
        var list = body.putArray("S3Buckets");
        buckets.forEach((name, write) -> list.addObject().put("BucketName", name).put("WriteForAthenaWorkgroup",
                write));
        functions.forEach(body.putArray("LambdaFunctions")::add);
        return send("PUT", "/security/aws-resources", body.toString());
    }

    Answer workGroups() throws IOException, InterruptedException {
        return send("GET", "/athena/work-groups", null);
    }

    /** The default settings: Athena on, the sample data readable, the query results writable, no functions. */
    Answer defaults() throws IOException, InterruptedException {
        return update(true, Map.of("glaux-sample", false, "glaux-query-results", true), List.of());
    }

    private Answer send(String method, String path, String body) throws IOException, InterruptedException {
        String url = server.endpoint() + "/glaux/quicksight/accounts/" + QuickSightClients.ACCOUNT + path;
        byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(AccessFixture.signed(method, url, body == null ? Map.of()
                : Map.of("Content-Type", "application/json"), bytes, credentials, "quicksight"),
                HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        return new Answer(response.statusCode(), json, response.headers().firstValue("x-amzn-ErrorType")
                .orElse(""));
    }
}
