package io.glaux.bench;

import io.glaux.server.GlauxServer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.QueryExecutionStatus;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * A small query's whole round trip through the AWS SDK for Java v2 against an in-process Glaux server, as an Athena
 * client runs it: StartQueryExecution, GetQueryExecution until SUCCEEDED, GetQueryResults. Sample-time mode, so JMH
 * reports percentiles (p50, p99) of single round trips.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 4, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"})
public class RoundTripBenchmark {

    /** Whether history and result objects are forced to disk (the test server's default is not to). */
    @Param({"false", "true"})
    public boolean syncWrites;

    private GlauxServer server;
    private AthenaClient athena;

    @Setup(Level.Trial)
    public void start() throws IOException {
        server = GlauxServer.builder().sampleData(true).syncWrites(syncWrites).start();
        athena = AthenaClient.builder().endpointOverride(URI.create(server.endpoint()))
                .region(Region.of(GlauxServer.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(GlauxServer.ACCESS_KEY_ID, GlauxServer.SECRET_ACCESS_KEY)))
                .build();
    }

    @TearDown(Level.Trial)
    public void stop() {
        athena.close();
        server.close();
    }

    @Benchmark
    public GetQueryResultsResponse selectOne() {
        return roundTrip("SELECT 1");
    }

    @Benchmark
    public GetQueryResultsResponse productsByCategory() {
        return roundTrip("SELECT category, count(*) AS products, avg(price) AS avg_price FROM shop.products"
                + " GROUP BY category ORDER BY category");
    }

    private GetQueryResultsResponse roundTrip(String sql) {
        String id = athena.startQueryExecution(b -> b.queryString(sql)).queryExecutionId();
        while (true) {
            QueryExecutionStatus status = athena.getQueryExecution(b -> b.queryExecutionId(id)).queryExecution()
                    .status();
            if (status.state() == QueryExecutionState.SUCCEEDED) {
                return athena.getQueryResults(b -> b.queryExecutionId(id));
            }
            if (status.state() == QueryExecutionState.FAILED || status.state() == QueryExecutionState.CANCELLED) {
                throw new IllegalStateException(sql + " ended " + status.state() + ": " + status.stateChangeReason());
            }
        }
    }
}
