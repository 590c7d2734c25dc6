package io.glaux.sql;

import io.glaux.exec.AthenaError;
import io.glaux.exec.QueryExecution;
import io.glaux.exec.QueryInterceptor;
import io.glaux.exec.QueryRequest;
import io.glaux.exec.QueryService;
import io.glaux.exec.QueryState;
import io.glaux.testing.GlauxFixture;
import io.glaux.testing.ThreadActivity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * StopQueryExecution stops a query that is still being planned: the cost-based planner reads the query's cancel flag
 * before each rule it fires, and planning ends with the query's cancellation, as a running query does.
 */
class PlanningCancellationTest {

    @RegisterExtension
    final GlauxFixture g = GlauxFixture.perTest();

    @BeforeEach
    void table() {
        g.put("lake", "t/a.csv", "1,2\n2,3\n");
        g.script("CREATE EXTERNAL TABLE t (a int, b int) ROW FORMAT DELIMITED FIELDS TERMINATED BY ','"
                + " LOCATION 's3://lake/t/';");
    }

    /** A query whose planning takes many seconds on this machine: a union of 100 three-way joins. */
    private static String slowToPlan() {
        StringJoiner union = new StringJoiner(" UNION ALL ");
        for (int i = 0; i < 100; i++) {
            union.add("SELECT x.a, count(*) AS c FROM t x JOIN t y ON x.a = y.b + " + i
                    + " JOIN t z ON z.a = y.a WHERE x.b > " + i + " GROUP BY x.a");
        }
        return "SELECT a, sum(c) FROM (" + union + ") GROUP BY a";
    }

    /**
     * Calcite's cost-based planner takes a set flag as a time-out: it stops firing rules and keeps the best plan it has
     * (none here, so it cannot plan); either way the planning ends with the query's cancellation.
     */
    @Test
    void aQueryCancelledBeforePlanningStopsAtThePlannersFirstCheck() {
        QueryPlanner planner = g.glaux().planner();
        String sql = "SELECT x.a FROM t x JOIN t y ON x.a = y.b";
        assertThatThrownBy(() -> planner.prepare(sql, QueryContext.DEFAULT, List.of(), new AtomicBoolean(true)))
                .isInstanceOf(CancellationException.class)
                .hasMessage("Query was cancelled");
        assertThat(planner.cachedPlans()).isZero();
        assertThat(planner.prepare(sql, QueryContext.DEFAULT, List.of(), new AtomicBoolean()).columns()).hasSize(1);
    }

    @Test
    void cancellingFromAnotherThreadStopsAPlanningUnderWay() throws Exception {
        QueryPlanner planner = g.glaux().planner();
        AtomicBoolean cancelFlag = new AtomicBoolean();
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "planning-under-test"));
        try {
            Future<PreparedQuery> planning = thread.submit(() -> planner.prepare(slowToPlan(), QueryContext.DEFAULT,
                    List.of(), cancelFlag));
            ThreadActivity.awaitFrame("planning-under-test",
                    frame -> frame.getClassName().equals("org.apache.calcite.plan.volcano.VolcanoPlanner"));
            long cancelled = System.nanoTime();
            cancelFlag.set(true);
            // Planning it through takes well over ten seconds here.
            assertThatThrownBy(() -> planning.get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(CancellationException.class);
            System.out.printf("planning stopped %d ms after the cancel%n",
                    (System.nanoTime() - cancelled) / 1_000_000);
        } finally {
            thread.shutdownNow();
        }
    }

    /** Cancelled after it started and before it was planned, the query ends CANCELLED by the user, with no error. */
    @Test
    void aQueryStoppedWhileItIsPlannedEndsCancelledNotFailed() throws Exception {
        QueryService queries = g.glaux().queries();
        queries.interceptor(new QueryInterceptor() {
            @Override
            public AthenaError beforeRun(String queryId, QueryRequest request) {
                queries.cancel(queryId);
                return null;
            }
        });
        String id = queries.submit(QueryRequest.of(slowToPlan())).queryExecutionId();
        QueryExecution done = queries.await(id, Duration.ofSeconds(10));
        assertThat(done.state()).isEqualTo(QueryState.CANCELLED);
        assertThat(done.status().stateChangeReason()).isEqualTo("Query cancelled by user");
        assertThat(done.status().athenaError()).isNull();
    }
}
