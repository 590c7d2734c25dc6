package io.glaux.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glaux.catalog.CatalogReader;
import io.glaux.sample.SampleDataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Queries through the server's own Athena API over HTTP, as a client sends them: StartQueryExecution,
 * GetQueryExecution until each ends, GetQueryResults. Exercises the whole serving path: a query of constants, then,
 * when the sample dataset is registered, its example queries over every format it holds. The build records the
 * start-up archives from this run, so they hold what a first look at the data loads. It sends them with
 * {@link HttpURLConnection}, not {@code java.net.http}: the cache loads every class it holds at each start, and that
 * client's classes (its TLS among them, 823 of them) would be loaded for nothing.
 */
final class SelfTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUERY = "SELECT 'ok' AS status, count(*) AS n FROM (VALUES (1), (2)) AS t(x)";

    private SelfTest() {
    }

    /** The queries to run over a data folder whose catalog is {@code catalog}: the constant one comes first. */
    static List<String> queries(CatalogReader catalog) {
        List<String> queries = new ArrayList<>(List.of(QUERY));
        if (SampleDataset.isRegisteredIn(catalog)) {
            queries.addAll(SampleDataset.exampleQueries());
        }
        return queries;
    }

    /** Runs {@code queries} in order; returns a one-line summary, or throws if any step of any query fails. */
    static String run(String endpoint, List<String> queries) throws IOException {
        String first = null;
        for (String query : queries) {
            String id = runOne(endpoint, query);
            first = first == null ? id : first;
        }
        return queries.size() == 1 ? "query " + first + " SUCCEEDED and its results were read"
                : queries.size() + " queries (the first " + first + ") SUCCEEDED and their results were read";
    }

    private static String runOne(String endpoint, String query) throws IOException {
        JsonNode started = call(endpoint, "StartQueryExecution", Map.of("QueryString", query));
        String id = started.path("QueryExecutionId").asText("");
        if (id.isEmpty()) {
            throw new IOException("StartQueryExecution answered " + started);
        }
        Map<String, String> idRequest = Map.of("QueryExecutionId", id);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            JsonNode execution = call(endpoint, "GetQueryExecution", idRequest);
            String value = execution.path("QueryExecution").path("Status").path("State").asText("?");
            if (value.equals("SUCCEEDED")) {
                break;
            }
            if ((!value.equals("QUEUED") && !value.equals("RUNNING")) || System.nanoTime() > deadline) {
                throw new IOException("The self-test query did not succeed: " + execution);
            }
        }
        JsonNode results = call(endpoint, "GetQueryResults", idRequest);
        if (!results.has("ResultSet") || (query.equals(QUERY) && !results.toString().contains("\"ok\""))) {
            throw new IOException("GetQueryResults of " + query + " answered " + results);
        }
        return id;
    }

    private static JsonNode call(String endpoint, String operation, Map<String, String> request) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(endpoint + "/").toURL().openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setRequestProperty("X-Amz-Target", "AmazonAthena." + operation);
        connection.setRequestProperty("Content-Type", "application/x-amz-json-1.1");
        try (OutputStream out = connection.getOutputStream()) {
            JSON.writeValue(out, request);
        }
        int status = connection.getResponseCode();
        String answer;
        try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            answer = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (status != 200) {
            throw new IOException(operation + " answered HTTP " + status + ": " + answer);
        }
        return JSON.readTree(answer);
    }
}
