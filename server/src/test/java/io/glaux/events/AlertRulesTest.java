package io.glaux.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.aws.protocol.AwsJson;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlertRulesTest {

    private static EventEnvelope athena(String state, String workgroup) {
        ObjectNode detail = AwsJson.object();
        detail.put("currentState", state);
        detail.put("previousState", "RUNNING");
        detail.put("workgroupName", workgroup);
        detail.put("sequenceNumber", "3");
        return EventEnvelope.now(AthenaQueryEvents.DETAIL_TYPE, AthenaQueryEvents.SOURCE, "000000000000",
                "us-east-1", List.of(), detail);
    }

    private static final String RULES = """
            {"Rules": [
              {"Name": "failed", "State": "ENABLED",
               "EventPattern": {"source": ["aws.athena"], "detail-type": ["Athena Query State Change"],
                                "detail": {"currentState": ["FAILED"], "workgroupName": [{"prefix": "team-"}]}},
               "Targets": [{"Id": "hook", "HttpEndpoint": "http://127.0.0.1:9/alerts",
                            "HttpParameters": {"HeaderParameters": {"X-Token": "t"}},
                            "RetryPolicy": {"MaximumRetryAttempts": 3, "MaximumEventAgeInSeconds": 120}}]},
              {"Name": "not-succeeded", "EventPattern": "{\\"detail\\": {\\"currentState\\": [{\\"anything-but\\": [\\"SUCCEEDED\\", \\"QUEUED\\", \\"RUNNING\\"]}]}}",
               "Targets": [{"Id": "all", "HttpEndpoint": "https://example.com/x"}]},
              {"Name": "off", "State": "DISABLED", "EventPattern": {"source": ["aws.athena"]}, "Targets": []}
            ]}""";

    @Test
    void patternsMatchAsEventBridgeMatchesThem() {
        AlertRules rules = AlertRules.parse(RULES);
        assertThat(rules.matching(athena("FAILED", "team-sales").toJson())).extracting(AlertRule::name)
                .containsExactly("failed", "not-succeeded");
        assertThat(rules.matching(athena("FAILED", "primary").toJson())).extracting(AlertRule::name)
                .containsExactly("not-succeeded");
        assertThat(rules.matching(athena("CANCELLED", "team-sales").toJson())).extracting(AlertRule::name)
                .containsExactly("not-succeeded");
        assertThat(rules.matching(athena("SUCCEEDED", "team-sales").toJson())).isEmpty();
    }

    @Test
    void membersAreReadWithEventBridgesNamesAndDefaults() {
        AlertRules rules = AlertRules.parse(RULES);
        AlertRule.Target hook = rules.rules().get(0).targets().get(0);
        assertThat(hook.headers()).containsEntry("X-Token", "t");
        assertThat(hook.maximumRetryAttempts()).isEqualTo(3);
        assertThat(hook.maximumEventAge()).isEqualTo(Duration.ofSeconds(120));
        AlertRule.Target all = rules.rules().get(1).targets().get(0);
        assertThat(all.maximumRetryAttempts()).isEqualTo(185);
        assertThat(all.maximumEventAge()).isEqualTo(Duration.ofHours(24));
        assertThat(rules.rules().get(2).enabled()).isFalse();
        AlertRules again = AlertRules.parse(rules.toJson().toString());
        assertThat(again.rules()).isEqualTo(rules.rules().stream().map(r -> new AlertRule(r.name(),
                r.description(), again.rules().get(rules.rules().indexOf(r)).eventPattern(), r.enabled(),
                r.targets())).toList());
        assertThat(again.matching(athena("FAILED", "team-a").toJson())).extracting(AlertRule::name)
                .containsExactly("failed", "not-succeeded");
    }

    @Test
    void invalidRulesAreRefusedNamingTheRuleAndMember() {
        assertThatThrownBy(() -> AlertRules.parse("{\"Rules\": [{\"Name\": \"x\", \"EventPattern\": "
                + "{\"detail\": {\"currentState\": \"FAILED\"}}}]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Rule x: Event pattern is not valid.");
        assertThatThrownBy(() -> AlertRules.parse("{\"Rules\": [{\"Name\": \"bad name\", \"EventPattern\": {}}]}"))
                .hasMessageContaining("Name 'bad name' must be 1 to 64 characters");
        assertThatThrownBy(() -> AlertRules.parse("{\"Rules\": [{\"Name\": \"a\", \"EventPattern\": {\"source\": [\"s\"]}},"
                + "{\"Name\": \"a\", \"EventPattern\": {\"source\": [\"s\"]}}]}"))
                .hasMessage("Rule a is defined twice");
        assertThatThrownBy(() -> AlertRules.parse("{\"Rules\": [{\"Name\": \"a\", \"EventPattern\": {\"source\": [\"s\"]},"
                + "\"Targets\": [{\"Id\": \"t\", \"HttpEndpoint\": \"ftp://host/x\"}]}]}"))
                .hasMessageContaining("HttpEndpoint must be an absolute http or https URL");
        assertThatThrownBy(() -> AlertRules.parse("{\"Rules\": [{\"Name\": \"a\", \"EventPattern\": {\"source\": [\"s\"]},"
                + "\"Targets\": [{\"Id\": \"t\", \"HttpEndpoint\": \"http://h/x\", \"RetryPolicy\": "
                + "{\"MaximumRetryAttempts\": 186}}]}]}"))
                .hasMessageContaining("MaximumRetryAttempts must be between 0 and 185");
        assertThatThrownBy(() -> AlertRules.parse("{\"Rules\": [{\"Name\": \"a\", \"EventPattern\": {\"source\": [\"s\"]},"
                + "\"Targets\": [{\"Id\": \"t\", \"HttpEndpoint\": \"http://h/x\", \"RetryPolicy\": "
                + "{\"MaximumEventAgeInSeconds\": 59}}]}]}"))
                .hasMessageContaining("MaximumEventAgeInSeconds must be between 60 and 86400");
        assertThatThrownBy(() -> AlertRules.parse("not json")).hasMessageStartingWith("Alert rules are not JSON");
        assertThatThrownBy(() -> AlertRules.parse("{\"rules\": []}")).hasMessageContaining("\"Rules\" array");
        assertThatThrownBy(() -> AlertRules.NONE.minus("x")).hasMessage("Rule x does not exist.");
    }
}
