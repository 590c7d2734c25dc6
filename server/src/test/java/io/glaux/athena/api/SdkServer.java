package io.glaux.athena.api;

import io.glaux.Glaux;
import io.glaux.server.GlauxServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/** Glaux served on a free local port over a data folder, with the SDK's Athena and S3 clients pointed at it. */
final class SdkServer implements AutoCloseable {

    private final Path data;
    private Glaux glaux;
    private GlauxServer server;
    private AthenaClient athena;
    private S3Client s3;

    SdkServer(Path data) throws IOException {
        this.data = data;
        start();
    }

    private void start() throws IOException {
        glaux = Glaux.builder().dataFolder(data).build();
        server = GlauxServer.start(glaux, "127.0.0.1", 0);
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        athena = AthenaClient.builder().endpointOverride(URI.create(server.endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(credentials).build();
        s3 = S3Client.builder().endpointOverride(URI.create(server.endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(credentials).forcePathStyle(true).build();
    }

    /** Stops everything and starts again over the same data folder, as a new process would. */
    void restart() throws IOException {
        close();
        start();
    }

    AthenaClient athena() {
        return athena;
    }

    Glaux glaux() {
        return glaux;
    }

    S3Client s3() {
        return s3;
    }

    /** Runs a statement in database {@code database} of the primary workgroup and waits for its final state. */
    QueryExecution run(String database, String sql, String... executionParameters) throws InterruptedException {
        String id = athena.startQueryExecution(b -> {
            b.queryString(sql).workGroup("primary").queryExecutionContext(c -> c.database(database));
            if (executionParameters.length > 0) {
                b.executionParameters(executionParameters);
            }
        }).queryExecutionId();
        return await(athena, id);
    }

    /** Polls GetQueryExecution until the query reaches a final state (or a minute passes), as clients do. */
    static QueryExecution await(AthenaClient athena, String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (true) {
            QueryExecution execution = athena.getQueryExecution(b -> b.queryExecutionId(id)).queryExecution();
            QueryExecutionState state = execution.status().state();
            if (state == QueryExecutionState.SUCCEEDED || state == QueryExecutionState.FAILED
                    || state == QueryExecutionState.CANCELLED || System.nanoTime() > deadline) {
                return execution;
            }
            Thread.sleep(10);
        }
    }

    /** The service's own message of an SDK exception (without the SDK's request details). */
    static String message(Throwable error) {
        return ((AwsServiceException) error).awsErrorDetails().errorMessage();
    }

    @Override
    public void close() {
        athena.close();
        s3.close();
        server.close();
        try {
            glaux.close();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
