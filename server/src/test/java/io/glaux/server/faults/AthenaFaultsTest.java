package io.glaux.server.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.glaux.error.ErrorType;
import io.glaux.server.GlauxServer;
import io.glaux.server.faults.FaultRule.FaultError;
import io.glaux.server.faults.FaultRule.QueryFailure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.AthenaError;
import software.amazon.awssdk.services.athena.model.AthenaException;
import software.amazon.awssdk.services.athena.model.InvalidRequestException;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.ThrottleReason;
import software.amazon.awssdk.services.athena.model.TooManyRequestsException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Athena faults as the AWS SDK for Java v2 (standard retry mode, 3 attempts) and the wire see them. */
class AthenaFaultsTest {

    private static GlauxServer server;
    private static final Attempts attempts = new Attempts();
    private static AthenaClient athena;
    private static AthenaClient noRetries;

    @BeforeAll
    static void start() throws Exception {
        server = GlauxServer.builder().maxConcurrentQueries(4).start();
        athena = attempts.athena(server);
        noRetries = AthenaClient.builder().endpointOverride(URI.create(server.endpoint()))
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(() -> software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("t", "t"))
                .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(1))).build();
    }

    @AfterAll
    static void stop() {
        athena.close();
        noRetries.close();
        server.close();
    }

    @BeforeEach
    void noFaultsAndNoQueryLeftRunning() throws InterruptedException {
        server.faults().clear();
        attempts.clear();
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (server.glaux().queries().activeQueries() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private static String start(AthenaClient client, String sql) {
        return client.startQueryExecution(b -> b.queryString(sql)).queryExecutionId();
    }

    private static QueryExecution await(String id) throws InterruptedException {
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

    @Test
    void theSdkRetriesTwoThrottledStartsAndTheQueryRuns() throws Exception {
        server.faults().set(FaultRule.athena("StartQueryExecution").withError("TooManyRequestsException")
                .withTimes(2).withId("throttle-starts"));

        String id = start(athena, "SELECT 1 AS one");

        assertThat(attempts.all()).containsExactly(new Attempts.Attempt(400, "TooManyRequestsException"),
                new Attempts.Attempt(400, "TooManyRequestsException"), new Attempts.Attempt(200, null));
        assertThat(server.faults().stats("throttle-starts")).isEqualTo(new RuleStats("throttle-starts", 3, 2, 0));
        assertThat(await(id).status().state()).isEqualTo(QueryExecutionState.SUCCEEDED);
    }

    @Test
    void halfOfTheStartsThrottledWithAFixedSeedAreRetriedTheSameWayEveryRun() throws Exception {
        FaultRules rules = FaultRules.seeded(5, FaultRule.athena("StartQueryExecution")
                .withError("TooManyRequestsException").withProbability(0.5));
        List<List<Integer>> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            server.faults().set(rules);
            attempts.clear();
            for (int i = 0; i < 4; i++) {
                start(athena, "SELECT " + i);
            }
            runs.add(attempts.statuses());
            long throttled = attempts.statuses().stream().filter(s -> s == 400).count();
            assertThat(throttled).isPositive().isEqualTo(server.faults().injected());
            assertThat(attempts.statuses()).filteredOn(s -> s == 200).hasSize(4);
        }
        // Seed 5 draws: start 1 at once, starts 2 and 3 after two throttles each, start 4 at once.
        assertThat(runs.get(0)).containsExactly(200, 400, 400, 200, 400, 400, 200, 200);
        assertThat(runs.get(1)).isEqualTo(runs.get(0));
    }

    @Test
    void aThrottledCallLooksOnTheWireLikeAthenasTooManyRequestsException() throws Exception {
        server.faults().set(FaultRule.athena("StartQueryExecution").withError("TooManyRequestsException"));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server.endpoint() + "/"))
                .header("X-Amz-Target", "AmazonAthena.StartQueryExecution")
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"QueryString\":\"SELECT 1\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.1");
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("TooManyRequestsException");
        assertThat(response.headers().firstValue("x-amzn-RequestId").orElseThrow())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        JsonNode body = FaultJson.MAPPER.readTree(response.body());
        assertThat(body).isEqualTo(FaultJson.MAPPER.readTree("""
                {"__type": "TooManyRequestsException",
                 "Message": "You have exceeded the limit for the number of queries you can run concurrently. Reduce\
                 the number of concurrent queries submitted by this account. Contact customer support to request a\
                 concurrent query limit increase.",
                 "Reason": "CONCURRENT_QUERY_LIMIT_EXCEEDED"}"""));
        assertThat(server.glaux().queries().activeQueries()).isZero();
    }

    @Test
    void theActiveQueryLimitRefusesTheNextStartUntilAQueryEnds() throws Exception {
        server.faults().set(FaultRule.athena().withSql("'hold'").withLatency(60_000).withId("hold"),
                FaultRule.activeQueryLimit(2).withId("limit"));
        String first = start(noRetries, "SELECT 'hold' AS a");
        String second = start(noRetries, "SELECT 'hold' AS b");

        assertThatThrownBy(() -> start(noRetries, "SELECT 3")).isInstanceOfSatisfying(
                TooManyRequestsException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ThrottleReason.CONCURRENT_QUERY_LIMIT_EXCEEDED);
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).startsWith("You have exceeded the limit for the"
                            + " number of queries you can run concurrently.");
                });
        assertThat(server.faults().stats("limit").injected()).isEqualTo(1);

        noRetries.stopQueryExecution(b -> b.queryExecutionId(first));
        assertThat(await(first).status().state()).isEqualTo(QueryExecutionState.CANCELLED);
        String third = start(noRetries, "SELECT 3");
        assertThat(await(third).status().state()).isEqualTo(QueryExecutionState.SUCCEEDED);
        noRetries.stopQueryExecution(b -> b.queryExecutionId(second));
        assertThat(await(second).status().state()).isEqualTo(QueryExecutionState.CANCELLED);
    }

    @Test
    void aQueryForcedToFailShowsItsErrorThroughGetQueryExecution() throws Exception {
        server.faults().set(FaultRule.failQueries("injected_failure", new QueryFailure(2, 1001, false,
                "HIVE_BAD_DATA: Error parsing field value '' for field 0: For input string: \"\"")).withTimes(1));

        QueryExecution failed = await(start(athena, "SELECT 'injected_failure' AS marker"));

        assertThat(failed.status().state()).isEqualTo(QueryExecutionState.FAILED);
        assertThat(failed.status().stateChangeReason()).isEqualTo("HIVE_BAD_DATA: Error parsing field value '' for"
                + " field 0: For input string: \"\"");
        assertThat(failed.status().athenaError()).isEqualTo(AthenaError.builder().errorCategory(2).errorType(1001)
                .retryable(false).errorMessage(failed.status().stateChangeReason()).build());
        assertThat(failed.status().completionDateTime()).isNotNull();
        assertThatThrownBy(() -> athena.getQueryResults(b -> b.queryExecutionId(failed.queryExecutionId())))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Query did not finish successfully. Final query state: FAILED");

        QueryExecution again = await(start(athena, "SELECT 'injected_failure' AS marker"));
        assertThat(again.status().state()).isEqualTo(QueryExecutionState.SUCCEEDED);
    }

    @Test
    void theNextQueriesFailWithTheChosenErrorThenQueriesRunAgain() throws Exception {
        server.faults().set(FaultRule.failQueries(null, QueryFailure.of(ErrorType.INTERNAL_SERVICE_ERROR,
                "GENERIC_INTERNAL_ERROR: injected")).withTimes(2));
        List<QueryExecution> executions = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            executions.add(await(start(athena, "SELECT " + i)));
        }
        assertThat(executions).extracting(e -> e.status().state()).containsExactly(QueryExecutionState.FAILED,
                QueryExecutionState.FAILED, QueryExecutionState.SUCCEEDED);
        assertThat(executions.get(0).status().athenaError().errorCategory()).isEqualTo(1);
        assertThat(executions.get(0).status().athenaError().errorType()).isEqualTo(100);
        assertThat(executions.get(0).status().athenaError().retryable()).isTrue();
    }

    @Test
    void anInternalServerErrorOnEveryCallSurfacesAfterTheSdksAttempts() {
        server.faults().set(FaultRule.athena("ListWorkGroups").withError(new FaultError("InternalServerException",
                "Internal failure", null)));
        assertThatThrownBy(() -> athena.listWorkGroups(b -> { })).isInstanceOfSatisfying(AthenaException.class,
                e -> {
                    assertThat(e.statusCode()).isEqualTo(500);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalServerException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Internal failure");
                });
        assertThat(attempts.statuses()).containsExactly(500, 500, 500);
        assertThat(server.faults().injected()).isEqualTo(3);
    }

    @Test
    void aMatchingCallTakesAtLeastTheInjectedLatency() {
        server.faults().set(FaultRule.athena("ListWorkGroups").withLatency(300),
                FaultRule.athena("GetWorkGroup").withLatency(200, 400));
        long started = System.nanoTime();
        athena.listWorkGroups(b -> { });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        started = System.nanoTime();
        athena.getWorkGroup(b -> b.workGroup("primary"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(server.faults().stats()).extracting(RuleStats::injected).containsExactly(1L, 1L);
    }
}
