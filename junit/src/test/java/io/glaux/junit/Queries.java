package io.glaux.junit;

import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.Datum;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;

import java.util.List;

/** Runs a query through the SDK to its end and returns its rows (header first). */
final class Queries {

    private Queries() {
    }

    static List<List<String>> rows(AthenaClient athena, String sql) throws InterruptedException {
        String id = athena.startQueryExecution(b -> b.queryString(sql)).queryExecutionId();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            var status = athena.getQueryExecution(b -> b.queryExecutionId(id)).queryExecution().status();
            if (status.state() == QueryExecutionState.SUCCEEDED) {
                break;
            }
            if (status.state() == QueryExecutionState.FAILED || status.state() == QueryExecutionState.CANCELLED) {
                throw new AssertionError(sql + " ended " + status.state() + ": " + status.stateChangeReason());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(sql + " did not finish within a minute");
            }
            Thread.sleep(5);
        }
        return athena.getQueryResults(b -> b.queryExecutionId(id)).resultSet().rows().stream()
                .map(row -> row.data().stream().map(Datum::varCharValue).toList()).toList();
    }
}
