package io.glaux.quicksight.api;

import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Athena queries the QuickSight tests compare with: run to SUCCEEDED, and their rows read back. */
public final class AthenaQueries {

    private AthenaQueries() {
    }

    /** Runs a statement and waits until it SUCCEEDED (failing the test otherwise); its execution id. */
    public static String run(AthenaClient athena, String sql) throws InterruptedException {
        String id = athena.startQueryExecution(b -> b.queryString(sql)).queryExecutionId();
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (true) {
            var status = athena.getQueryExecution(b -> b.queryExecutionId(id)).queryExecution().status();
            if (status.state() == QueryExecutionState.SUCCEEDED) {
                return id;
            }
            assertThat(status.state()).as(sql + ": " + status.stateChangeReason())
                    .isIn(QueryExecutionState.QUEUED, QueryExecutionState.RUNNING);
            assertThat(System.nanoTime()).as("query still running: " + sql).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** The rows of a query (without the header row), as GetQueryResults gives them. */
    public static List<List<String>> rows(AthenaClient athena, String sql) throws InterruptedException {
        String id = run(athena, sql);
        return athena.getQueryResultsPaginator(b -> b.queryExecutionId(id)).stream()
                .flatMap(page -> page.resultSet().rows().stream()).skip(1)
                .map(r -> r.data().stream().map(d -> d.varCharValue()).toList()).toList();
    }
}
