package io.glaux.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One query through the server's own Athena API over HTTP, as a client sends it: StartQueryExecution,
 * GetQueryExecution until it ends, GetQueryResults. Exercises the whole serving path once.
 */
final class SelfTest {

    private static final Pattern ID = Pattern.compile("\"QueryExecutionId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STATE = Pattern.compile("\"State\"\\s*:\\s*\"([A-Z]+)\"");
    private static final String QUERY = "SELECT 'ok' AS status, count(*) AS n FROM (VALUES (1), (2)) AS t(x)";

    private SelfTest() {
    }

    /** Returns a one-line summary, or throws if any step fails. */
    static String run(String endpoint) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        String started = call(http, endpoint, "StartQueryExecution", "{\"QueryString\":\"" + QUERY + "\"}");
        Matcher id = ID.matcher(started);
        if (!id.find()) {
            throw new IOException("StartQueryExecution answered " + started);
        }
        String idJson = "{\"QueryExecutionId\":\"" + id.group(1) + "\"}";
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            String execution = call(http, endpoint, "GetQueryExecution", idJson);
            Matcher state = STATE.matcher(execution);
            String value = state.find() ? state.group(1) : "?";
            if (value.equals("SUCCEEDED")) {
                break;
            }
            if ((!value.equals("QUEUED") && !value.equals("RUNNING")) || System.nanoTime() > deadline) {
                throw new IOException("The self-test query did not succeed: " + execution);
            }
        }
        String results = call(http, endpoint, "GetQueryResults", idJson);
        if (!results.contains("\"ok\"")) {
            throw new IOException("GetQueryResults answered " + results);
        }
        return "query " + id.group(1) + " SUCCEEDED and its results were read";
    }

    private static String call(HttpClient http, String endpoint, String operation, String body)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(endpoint + "/"))
                .header("X-Amz-Target", "AmazonAthena." + operation)
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(operation + " answered HTTP " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
