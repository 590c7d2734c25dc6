package io.glaux.bench;

import io.glaux.Glaux;
import io.glaux.server.GlauxServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.Datum;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.QueryExecutionStatus;
import software.amazon.awssdk.services.athena.model.Row;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs queries on an open Glaux through the Athena API, as a client does: a Glaux server on a loopback port serves the
 * engine, and the AWS SDK's Athena client starts each query, polls its state, stops it when it runs too long and reads
 * every page of its results.
 */
final class AthenaApiQueries implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(20);

    private final GlauxServer server;
    private final AthenaClient athena;
    private final String database;

    AthenaApiQueries(Glaux glaux, String database) throws IOException {
        this.server = GlauxServer.builder().engine(glaux).start();
        this.database = database;
        this.athena = AthenaClient.builder().endpointOverride(URI.create(server.endpoint()))
                .region(Region.of(GlauxServer.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(GlauxServer.ACCESS_KEY_ID, GlauxServer.SECRET_ACCESS_KEY)))
                .build();
    }

    /** The query's rows as texts (null for NULL), or why there are none. */
    TpchQueries.Run run(String sql, Duration timeout) {
        long started = System.nanoTime();
        String id = athena.startQueryExecution(b -> b.queryString(sql)
                .queryExecutionContext(c -> c.catalog("AwsDataCatalog").database(database))).queryExecutionId();
        long deadline = started + timeout.toNanos();
        QueryExecutionStatus status;
        while (true) {
            status = athena.getQueryExecution(b -> b.queryExecutionId(id)).queryExecution().status();
            QueryExecutionState state = status.state();
            if (state == QueryExecutionState.SUCCEEDED || state == QueryExecutionState.FAILED
                    || state == QueryExecutionState.CANCELLED) {
                break;
            }
            if (System.nanoTime() > deadline) {
                athena.stopQueryExecution(b -> b.queryExecutionId(id));
                return new TpchQueries.Run(List.of(), "timed out after " + timeout.toSeconds() + " s", true,
                        millis(started));
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                athena.stopQueryExecution(b -> b.queryExecutionId(id));
                throw new IllegalStateException("Interrupted while waiting for " + id, e);
            }
        }
        if (status.state() != QueryExecutionState.SUCCEEDED) {
            return new TpchQueries.Run(List.of(), status.state() + ": " + status.stateChangeReason(), false,
                    millis(started));
        }
        List<List<String>> rows = new ArrayList<>();
        String token = null;
        boolean header = true;
        do {
            String page = token;
            GetQueryResultsResponse results = athena.getQueryResults(b -> b.queryExecutionId(id).nextToken(page));
            for (Row row : results.resultSet().rows()) {
                if (header) {
                    // A SELECT's first row names its columns.
                    header = false;
                    continue;
                }
                List<String> values = new ArrayList<>();
                for (Datum datum : row.data()) {
                    values.add(datum.varCharValue());
                }
                rows.add(values);
            }
            token = results.nextToken();
        } while (token != null);
        return new TpchQueries.Run(rows, null, false, millis(started));
    }

    private static double millis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e6;
    }

    @Override
    public void close() {
        athena.close();
        server.close();
    }
}
