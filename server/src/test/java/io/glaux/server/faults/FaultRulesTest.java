package io.glaux.server.faults;

import io.glaux.error.ErrorType;
import io.glaux.server.faults.FaultRule.FaultError;
import io.glaux.server.faults.FaultRule.Kind;
import io.glaux.server.faults.FaultRule.Latency;
import io.glaux.server.faults.FaultRule.QueryFailure;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultRulesTest {

    private static final String EXAMPLE = """
            {"seed": 7, "rules": [
              {"id": "throttle-starts", "service": "athena", "operations": ["StartQueryExecution"], "times": 2,
               "error": {"code": "TooManyRequestsException"}},
              {"service": "athena", "operations": "GetQueryExecution", "maxCallsPerSecond": 5,
               "error": "ThrottlingException"},
              {"service": "athena", "maxActiveQueries": 3},
              {"service": "s3", "operations": ["GetObject", "HeadObject"], "methods": ["get"], "bucket": "lake-*",
               "key": "raw/*.csv", "probability": 0.25, "error": "SlowDown"},
              {"service": "s3", "latency": {"minMillis": 10, "maxMillis": 50}},
              {"service": "athena", "sql": "(?i)from\\\\s+orders", "latency": 100,
               "failQuery": {"errorType": "DATA_ERROR", "message": "HIVE_BAD_DATA: Error parsing field value"}}
            ]}""";

    @Test
    void theJsonFormReadsIntoRulesOfEachKindWithTheirDefaults() {
        FaultRules rules = FaultRules.parse(EXAMPLE);
        assertThat(rules.seed()).isEqualTo(7);
        assertThat(rules.rules()).extracting(FaultRule::id).containsExactly("throttle-starts", "rule-2", "rule-3",
                "rule-4", "rule-5", "rule-6");
        assertThat(rules.rules()).extracting(FaultRule::kind).containsExactly(Kind.CALL, Kind.CALL, Kind.SUBMIT,
                Kind.CALL, Kind.CALL, Kind.QUERY);

        FaultRule throttle = rules.rules().get(0);
        assertThat(throttle.times()).isEqualTo(2);
        assertThat(throttle.probability()).isEqualTo(1.0);
        assertThat(throttle.error()).isEqualTo(new FaultError("TooManyRequestsException", null, null));
        assertThat(rules.rules().get(1).operations()).containsExactly("GetQueryExecution");
        FaultRule slow = rules.rules().get(3);
        assertThat(slow.methods()).containsExactly("GET");
        assertThat(slow.bucket()).isEqualTo("lake-*");
        assertThat(rules.rules().get(4).latency()).isEqualTo(new Latency(10, 50));
        FaultRule failing = rules.rules().get(5);
        assertThat(failing.latency()).isEqualTo(new Latency(100, 100));
        assertThat(failing.failQuery()).isEqualTo(new QueryFailure(2, 1001, false,
                "HIVE_BAD_DATA: Error parsing field value"));
    }

    @Test
    void theJsonFormReadsBackAsTheSameRules() {
        FaultRules rules = FaultRules.parse(EXAMPLE);
        assertThat(FaultRules.parse(rules.toJson())).isEqualTo(rules);
        FaultRules built = FaultRules.seeded(3, FaultRule.athena().withError(new FaultError(
                "TooManyRequestsException", "slow down", "")).withProbability(0.5),
                FaultRule.failQueries(null, QueryFailure.of(ErrorType.INTERNAL_SERVICE_ERROR, "boom")));
        assertThat(FaultRules.parse(built.toJson())).isEqualTo(built);
    }

    @Test
    void mistakesAreNamedByTheirMember() {
        assertInvalid("{\"rules\": [{\"service\": \"athena\", \"error\": \"TooManyRequestsException\","
                + " \"probabilty\": 0.5}]}", "rules[0].probabilty: unknown member");
        assertInvalid("{\"rules\": [{\"service\": \"dynamodb\", \"error\": \"SlowDown\"}]}",
                "rules[0].service: must be \"athena\" or \"s3\"");
        assertInvalid("{\"rules\": [{\"service\": \"s3\", \"probability\": 2, \"error\": \"SlowDown\"}]}",
                "rules[0].probability: must be between 0 and 1");
        assertInvalid("{\"rules\": [{\"service\": \"s3\", \"error\": \"TooManyRequestsException\"}]}",
                "rules[0].error.code: s3 faults are one of [InternalError, SlowDown]");
        assertInvalid("{\"rules\": [{\"service\": \"athena\", \"error\": \"SlowDown\"}]}",
                "rules[0].error.code: athena faults are one of [InternalServerException, ThrottlingException,"
                        + " TooManyRequestsException]");
        assertInvalid("{\"rules\": [{\"service\": \"athena\", \"error\": {\"code\": \"ThrottlingException\","
                + " \"reason\": \"CONCURRENT_QUERY_LIMIT_EXCEEDED\"}}]}",
                "rules[0].error.reason: only TooManyRequestsException has a Reason");
        assertInvalid("{\"rules\": [{\"service\": \"athena\", \"operations\": [\"GetQueryExecution\"]}]}",
                "rules[0].error: a rule needs an error and/or a latency");
        assertInvalid("{\"rules\": [{\"service\": \"athena\", \"bucket\": \"b\", \"latency\": 5}]}",
                "rules[0].bucket: applies to S3 requests only");
        assertInvalid("{\"rules\": [{\"service\": \"athena\", \"sql\": \"(\", \"latency\": 5}]}",
                "rules[0].sql: not a regular expression");
        assertInvalid("{\"rules\": [{\"service\": \"athena\", \"sql\": \"x\", \"error\": \"ThrottlingException\"}]}",
                "rules[0].error: a query rule fails queries with failQuery");
        assertInvalid("{\"rules\": [{\"service\": \"athena\", \"maxActiveQueries\": 2, \"latency\": 5}]}",
                "rules[0].latency: an active-query limit refuses at once");
        assertInvalid("{\"rules\": [{\"service\": \"athena\", \"failQuery\": {\"errorType\": 1001,"
                + " \"message\": \"x\"}}]}", "rules[0].failQuery.errorCategory: is required");
        assertInvalid("{\"rules\": [{\"service\": \"athena\", \"latency\": {\"minMillis\": 9, \"maxMillis\": 3}}]}",
                "rules[0].latency: needs 0 <= minMillis <= maxMillis");
        assertInvalid("{\"rules\": [{\"id\": \"a\", \"service\": \"s3\", \"latency\": 1},"
                + " {\"id\": \"a\", \"service\": \"s3\", \"latency\": 1}]}", "rules[1].id: 'a' is used twice");
        assertInvalid("[]", "expected a JSON object");
    }

    @Test
    void textThatIsNotJsonIsMalformedRatherThanInvalid() {
        assertThatThrownBy(() -> FaultRules.parse("{\"rules\": [")).isInstanceOf(FaultJson.MalformedJsonException.class)
                .hasMessageStartingWith("Malformed JSON");
    }

    @Test
    void rulesNamingAnOperationTheServiceDoesNotHaveAreRefused() {
        Faults faults = new Faults(Set.of("StartQueryExecution"), () -> 0);
        assertThatThrownBy(() -> faults.set(FaultRule.s3("GetObjekt").withError("SlowDown")))
                .hasMessageContaining("s3 has no operation 'GetObjekt'");
        assertThatThrownBy(() -> faults.set(FaultRule.athena("StartQuery").withError("ThrottlingException")))
                .hasMessageContaining("athena has no operation 'StartQuery'");
        assertThat(faults.rules().rules()).isEmpty();
    }

    @Test
    void globsMatchWholeNamesWithStarCrossingSlashes() {
        assertThat(RuleState.glob("raw/*.csv").matcher("raw/2024/01/a.csv").matches()).isTrue();
        assertThat(RuleState.glob("raw/*.csv").matcher("raw/a.csv.gz").matches()).isFalse();
        assertThat(RuleState.glob("lake-?").matcher("lake-1").matches()).isTrue();
        assertThat(RuleState.glob("a+b(c)").matcher("a+b(c)").matches()).isTrue();
    }

    @Test
    void theSameSeedDrawsTheSameFaultsForTheSameRequests() {
        FaultRules rules = FaultRules.seeded(42, FaultRule.athena("GetQueryExecution")
                .withError("ThrottlingException").withProbability(0.5));
        assertThat(draws(rules)).isEqualTo(draws(rules)).contains(true, false);
    }

    private static List<Boolean> draws(FaultRules rules) {
        Faults faults = new Faults(Set.of(), () -> 0);
        faults.set(rules);
        List<Boolean> thrown = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            try {
                faults.beforeAthenaCall("GetQueryExecution");
                thrown.add(false);
            } catch (RuntimeException e) {
                thrown.add(true);
            }
        }
        return thrown;
    }

    private static void assertInvalid(String json, String message) {
        assertThatThrownBy(() -> FaultRules.parse(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
