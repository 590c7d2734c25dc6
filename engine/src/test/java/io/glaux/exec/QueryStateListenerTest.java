package io.glaux.exec;

import io.glaux.Glaux;
import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class QueryStateListenerTest {

    @TempDir
    Path data;

    private record Change(QueryState previous, QueryState current, int sequence, String id) {
    }

    @Test
    void aSucceedingQueryIsAnnouncedQueuedThenRunningThenSucceededInSequence() throws Exception {
        try (GlauxFixture g = GlauxFixture.local(data)) {
            List<Change> changes = new CopyOnWriteArrayList<>();
            g.glaux().queries().addListener((previous, current, sequence) -> changes.add(
                    new Change(previous, current.state(), sequence, current.queryExecutionId())));
            QueryExecution done = g.run("SELECT 1");
            assertThat(changes).containsExactly(
                    new Change(null, QueryState.QUEUED, 1, done.queryExecutionId()),
                    new Change(QueryState.QUEUED, QueryState.RUNNING, 2, done.queryExecutionId()),
                    new Change(QueryState.RUNNING, QueryState.SUCCEEDED, 3, done.queryExecutionId()));
        }
    }

    @Test
    void aFailingQueryEndsFailedWithItsErrorInTheLastChange() throws Exception {
        try (GlauxFixture g = GlauxFixture.local(data)) {
            List<QueryExecution> seen = new CopyOnWriteArrayList<>();
            g.glaux().queries().addListener((previous, current, sequence) -> seen.add(current));
            QueryExecution failed = g.run("SELECT * FROM nowhere.nothing");
            assertThat(failed.state()).isEqualTo(QueryState.FAILED);
            QueryExecution last = seen.get(seen.size() - 1);
            assertThat(last.state()).isEqualTo(QueryState.FAILED);
            assertThat(last.status().athenaError()).isEqualTo(failed.status().athenaError());
            assertThat(seen).extracting(QueryExecution::state)
                    .containsExactly(QueryState.QUEUED, QueryState.RUNNING, QueryState.FAILED);
        }
    }

    @Test
    void aQueryCancelledWhileQueuedIsAnnouncedBeforeItsCancellation() throws Exception {
        try (Glaux glaux = Glaux.builder().dataFolder(data).maxConcurrentQueries(1).build()) {
            QueryService queries = glaux.queries();
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
            // The only worker is held, so the next query stays QUEUED.
            String holder = queries.submit(QueryRequest.of("SELECT 1")).queryExecutionId();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (queries.get(holder).orElseThrow().state() != QueryState.RUNNING && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            List<Change> changes = new CopyOnWriteArrayList<>();
            queries.addListener((previous, current, sequence) -> changes.add(
                    new Change(previous, current.state(), sequence, current.queryExecutionId())));
            String queued = queries.submit(QueryRequest.of("SELECT 'waiting'")).queryExecutionId();
            queries.cancel(queued);
            release.countDown();
            queries.await(holder, Duration.ofMinutes(1));
            assertThat(changes).filteredOn(c -> c.id().equals(queued)).containsExactly(
                    new Change(null, QueryState.QUEUED, 1, queued),
                    new Change(QueryState.QUEUED, QueryState.CANCELLED, 2, queued));
            assertThat(changes).filteredOn(c -> c.id().equals(holder)).extracting(Change::current)
                    .containsExactly(QueryState.SUCCEEDED);
        }
    }

    @Test
    void aListenerThatThrowsChangesNoQueryAndTheOthersAreStillTold() throws Exception {
        try (GlauxFixture g = GlauxFixture.local(data)) {
            List<QueryState> told = new CopyOnWriteArrayList<>();
            g.glaux().queries().addListener((previous, current, sequence) -> {
                throw new IllegalStateException("listener broken");
            });
            QueryStateListener counting = (previous, current, sequence) -> told.add(current.state());
            g.glaux().queries().addListener(counting);
            assertThat(g.run("SELECT 42").state()).isEqualTo(QueryState.SUCCEEDED);
            assertThat(told).containsExactly(QueryState.QUEUED, QueryState.RUNNING, QueryState.SUCCEEDED);

            g.glaux().queries().removeListener(counting);
            g.run("SELECT 43");
            assertThat(told).hasSize(3);
        }
    }
}
