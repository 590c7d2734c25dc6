package io.glaux.exec;

import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryInterceptorTest {

    @TempDir
    Path data;

    @Test
    void anErrorFromBeforeRunFailsTheQueryWithItInsteadOfRunningIt() throws Exception {
        try (GlauxFixture g = GlauxFixture.local(data)) {
            QueryService queries = g.glaux().queries();
            List<QueryState> seen = new ArrayList<>();
            AthenaError error = new AthenaError(2, 1001, false, "HIVE_BAD_DATA: Error parsing field value");
            queries.interceptor(new QueryInterceptor() {
                @Override
                public AthenaError beforeRun(String queryId, QueryRequest request) {
                    seen.add(queries.get(queryId).orElseThrow().state());
                    return request.query().contains("orders") ? error : null;
                }
            });
            QueryExecution failed = queries.await(queries.submit(QueryRequest.of("SELECT 1 AS orders"))
                    .queryExecutionId(), Duration.ofMinutes(1));
            assertThat(failed.state()).isEqualTo(QueryState.FAILED);
            assertThat(failed.status().stateChangeReason()).isEqualTo("HIVE_BAD_DATA: Error parsing field value");
            assertThat(failed.status().athenaError()).isEqualTo(error);
            assertThat(failed.status().completionDateTime()).isNotNull();
            assertThat(failed.result()).isNull();
            assertThat(seen).containsExactly(QueryState.RUNNING);

            QueryExecution other = g.run("SELECT 2 AS two");
            assertThat(other.state()).isEqualTo(QueryState.SUCCEEDED);
        }
    }

    @Test
    void anExceptionFromBeforeSubmitRefusesTheQueryAndRecordsNothing() throws Exception {
        try (GlauxFixture g = GlauxFixture.local(data)) {
            QueryService queries = g.glaux().queries();
            queries.interceptor(new QueryInterceptor() {
                @Override
                public void beforeSubmit(QueryRequest request) {
                    throw new IllegalStateException("refused with " + queries.activeQueries() + " active");
                }
            });
            QueryRequest request = QueryRequest.of("SELECT 1").withClientRequestToken("t".repeat(32));
            assertThatThrownBy(() -> queries.submit(request)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("refused with 0 active");
            assertThat(queries.list("primary")).isEmpty();

            queries.interceptor(QueryInterceptor.NONE);
            QueryExecution accepted = queries.submit(request);
            assertThat(queries.await(accepted.queryExecutionId(), Duration.ofMinutes(1)).state())
                    .isEqualTo(QueryState.SUCCEEDED);
        }
    }

    @Test
    void activeQueriesCountsQueuedAndRunningQueriesOnly() throws Exception {
        try (GlauxFixture g = GlauxFixture.local(data)) {
            QueryService queries = g.glaux().queries();
            CountDownLatch release = new CountDownLatch(1);
            queries.interceptor(new QueryInterceptor() {
                @Override
                public AthenaError beforeRun(String queryId, QueryRequest request) {
                    try {
                        release.await(1, TimeUnit.MINUTES);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                }
            });
            String held = queries.submit(QueryRequest.of("SELECT 1")).queryExecutionId();
            assertThat(queries.activeQueries()).isEqualTo(1);
            release.countDown();
            assertThat(queries.await(held, Duration.ofMinutes(1)).state()).isEqualTo(QueryState.SUCCEEDED);
            assertThat(queries.activeQueries()).isZero();
        }
    }
}
