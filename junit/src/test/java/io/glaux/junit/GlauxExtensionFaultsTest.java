package io.glaux.junit;

import io.glaux.server.faults.FaultRule;
import io.glaux.server.faults.Faults;
import io.glaux.server.faults.RuleStats;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code withFaults(...)}: the server starts with rules, a test changes them, the next test has them back. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GlauxExtensionFaultsTest {

    @RegisterExtension
    static final GlauxExtension glaux = GlauxExtension.empty().withFaults("""
            {"seed": 1, "rules": [{"id": "slow-lists", "service": "athena", "operations": ["ListWorkGroups"],
                                   "latency": 50}]}""");

    @Test
    @Order(1)
    void theRulesGivenToTheExtensionAreInForceFromTheStart() {
        long started = System.nanoTime();
        glaux.athena().listWorkGroups(b -> { });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
        assertThat(glaux.faults().stats()).containsExactly(new RuleStats("slow-lists", 1, 1, null));
    }

    @Test
    @Order(2)
    void aTestSetsItsOwnRulesThroughTheInjectedFaults(Faults faults) throws Exception {
        assertThat(faults).isSameAs(glaux.server().faults());
        faults.set(FaultRule.athena("StartQueryExecution").withError("TooManyRequestsException").withTimes(2));

        // The SDK's default retries absorb the two throttled starts.
        assertThat(Queries.rows(glaux.athena(), "SELECT 1 AS one")).containsExactly(List.of("one"), List.of("1"));
        assertThat(faults.injected()).isEqualTo(2);
    }

    @Test
    @Order(3)
    void afterATestTheExtensionsOwnRulesAreBackWithFreshStatistics() {
        assertThat(glaux.faults().rules().rules()).extracting(FaultRule::id).containsExactly("slow-lists");
        assertThat(glaux.faults().rules().seed()).isEqualTo(1);
        assertThat(glaux.faults().injected()).isZero();
        glaux.athena().startQueryExecution(b -> b.queryString("SELECT 2"));
        assertThat(glaux.faults().injected()).as("the previous test's throttling is gone").isZero();
    }
}
