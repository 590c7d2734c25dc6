package io.glaux.server.faults;

import io.glaux.aws.protocol.ServiceError;
import io.glaux.exec.AthenaError;
import io.glaux.exec.QueryRequest;
import io.glaux.s3.api.S3Exception;
import io.glaux.s3.api.S3Interceptor.S3Call;
import io.glaux.server.faults.FaultRule.QueryFailure;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The decisions rules make, request by request, without a server. */
class FaultDecisionsTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final AtomicInteger active = new AtomicInteger();
    private final Faults faults = new Faults(Set.of(), active::get, clock::get);

    private String athena(String operation) {
        try {
            faults.beforeAthenaCall(operation);
            return "ok";
        } catch (ServiceError e) {
            return e.code();
        }
    }

    private String s3(String method, String bucket, String key, String operation) {
        try {
            faults.s3Interceptor().beforeDispatch(new S3Call(method, bucket, key, operation));
            return "ok";
        } catch (S3Exception e) {
            return e.status() + " " + e.code();
        }
    }

    @Test
    void callsBeyondTheRatePerSecondAreThrottledPerOperationUntilTheNextSecond() {
        faults.set(FaultRule.athena().withMaxCallsPerSecond(2).withError("ThrottlingException"));
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(athena("GetQueryExecution"));
        }
        answers.add(athena("GetQueryResults"));
        clock.addAndGet(999_000_000L);
        answers.add(athena("GetQueryExecution"));
        clock.addAndGet(1_000_000L);
        answers.add(athena("GetQueryExecution"));
        assertThat(answers).containsExactly("ok", "ok", "ThrottlingException", "ThrottlingException", "ok",
                "ThrottlingException", "ok");
        assertThat(faults.stats().get(0)).isEqualTo(new RuleStats("rule-1", 7, 3, null));
    }

    @Test
    void aThrottlingExceptionSaysRateExceededAsAthenasQuotaPageQuotes() {
        faults.set(FaultRule.athena("GetQueryExecution").withError("ThrottlingException"));
        assertThatThrownBy(() -> faults.beforeAthenaCall("GetQueryExecution")).isInstanceOfSatisfying(
                ServiceError.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("ThrottlingException");
                    assertThat(e.getMessage()).isEqualTo("Rate exceeded");
                    assertThat(e.members()).isEmpty();
                });
    }

    @Test
    void aRuleStopsFiringAfterItsTimesAndOnlyMatchingCallsCount() {
        faults.set(FaultRule.athena("StartQueryExecution").withError("TooManyRequestsException").withTimes(2));
        assertThat(List.of(athena("GetQueryExecution"), athena("StartQueryExecution"),
                athena("StartQueryExecution"), athena("StartQueryExecution")))
                .containsExactly("ok", "TooManyRequestsException", "TooManyRequestsException", "ok");
        assertThat(faults.stats().get(0)).isEqualTo(new RuleStats("rule-1", 3, 2, 0));
    }

    @Test
    void s3RulesMatchOperationMethodBucketAndKey() {
        faults.set(FaultRule.s3().withMethods("PUT").withBucket("lake-*").withKey("raw/*.csv").withError("SlowDown"),
                FaultRule.s3("GetObject").withBucket("logs").withError("InternalError"));
        assertThat(s3("PUT", "lake-1", "raw/2024/a.csv", "PutObject")).isEqualTo("503 SlowDown");
        assertThat(s3("PUT", "lake-1", "raw/a.json", "PutObject")).isEqualTo("ok");
        assertThat(s3("GET", "lake-1", "raw/a.csv", "GetObject")).isEqualTo("ok");
        assertThat(s3("PUT", "other", "raw/a.csv", "PutObject")).isEqualTo("ok");
        assertThat(s3("PUT", "lake-1", null, "CreateBucket")).isEqualTo("ok");
        assertThat(s3("GET", "logs", "x", "GetObject")).isEqualTo("500 InternalError");
        assertThat(s3("HEAD", "logs", "x", "HeadObject")).isEqualTo("ok");
    }

    @Test
    void s3ErrorsCarryS3sCodesAndMessages() {
        faults.set(FaultRule.s3("GetObject").withError("SlowDown"), FaultRule.s3("PutObject").withError("InternalError"));
        assertThatThrownBy(() -> faults.s3Interceptor().beforeDispatch(new S3Call("GET", "b", "k", "GetObject")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(Map.of(e.status(), e.code() + ": "
                        + e.getMessage())).containsEntry(503, "SlowDown: Please reduce your request rate."));
        assertThatThrownBy(() -> faults.s3Interceptor().beforeDispatch(new S3Call("PUT", "b", "k", "PutObject")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(Map.of(e.status(), e.code() + ": "
                        + e.getMessage())).containsEntry(500, "InternalError: We encountered an internal error."
                        + " Please try again."));
    }

    @Test
    void latenciesOfEveryFiringRuleAddUpAndTheFirstErrorWins() {
        faults.set(FaultRule.athena().withLatency(60), FaultRule.athena().withLatency(40).withError(
                "ThrottlingException"), FaultRule.athena().withLatency(5_000).withError("InternalServerException"));
        long started = System.nanoTime();
        assertThat(athena("ListWorkGroups")).isEqualTo("ThrottlingException");
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(100);
        assertThat(faults.stats()).extracting(RuleStats::matched).containsExactly(1L, 1L, 0L);
    }

    @Test
    void theActiveQueryLimitRefusesOnlyWhileThatManyQueriesAreActive() {
        faults.set(FaultRule.activeQueryLimit(2));
        var interceptor = faults.queryInterceptor();
        active.set(1);
        interceptor.beforeSubmit(QueryRequest.of("SELECT 1"));
        active.set(2);
        assertThatThrownBy(() -> interceptor.beforeSubmit(QueryRequest.of("SELECT 1")))
                .isInstanceOfSatisfying(ServiceError.class, e -> {
                    assertThat(e.code()).isEqualTo("TooManyRequestsException");
                    assertThat(e.members()).containsExactly(Map.entry("Reason", "CONCURRENT_QUERY_LIMIT_EXCEEDED"));
                });
        assertThat(faults.stats().get(0)).isEqualTo(new RuleStats("rule-1", 2, 1, null));
    }

    @Test
    void queryRulesFailOnlyQueriesWhoseTextMatches() {
        faults.set(FaultRule.failQueries("(?i)\\bfrom\\s+orders\\b", new QueryFailure(1, 100, true, "boom")));
        var interceptor = faults.queryInterceptor();
        assertThat(interceptor.beforeRun("a", QueryRequest.of("SELECT * FROM Orders"))).isEqualTo(
                new AthenaError(1, 100, true, "boom"));
        assertThat(interceptor.beforeRun("b", QueryRequest.of("SELECT * FROM orders_2024"))).isNull();
    }

    @Test
    void withoutRulesNothingIsInjected() {
        assertThat(athena("StartQueryExecution")).isEqualTo("ok");
        assertThat(s3("GET", "b", "k", "GetObject")).isEqualTo("ok");
        assertThat(faults.queryInterceptor().beforeRun("q", QueryRequest.of("SELECT 1"))).isNull();
        assertThat(faults.injected()).isZero();
        assertThat(faults.rules()).isEqualTo(FaultRules.NONE);
    }
}
