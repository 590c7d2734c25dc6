package io.glaux.bench;

import io.glaux.Glaux;
import io.glaux.exec.QueryExecution;
import io.glaux.exec.QueryRequest;
import io.glaux.exec.QueryState;
import io.glaux.sql.QueryContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs one query on Glaux or on DuckDB, stopped after a timeout, and times it; {@link #median} repeats such a run
 * after warm-ups. A Glaux query is timed from submission until it has SUCCEEDED and its result object has been read
 * back (which includes writing that object, as Athena does), a DuckDB query until every result row has been read.
 * The harnesses share it so every engine is timed the same way.
 */
final class QueryTimer implements AutoCloseable {

    private final ScheduledExecutorService canceller = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "duckdb-timeout");
        thread.setDaemon(true);
        return thread;
    });

    /** Runs {@code sql} on Glaux in {@code context}; cancels it once {@code timeout} has passed. */
    TpchQueries.Run glaux(Glaux glaux, QueryContext context, String sql, Duration timeout) {
        long started = System.nanoTime();
        QueryExecution submitted = glaux.queries().submit(QueryRequest.of(sql).withContext(context));
        String id = submitted.queryExecutionId();
        try {
            QueryExecution done = glaux.queries().await(id, timeout);
            if (!done.state().isTerminal()) {
                glaux.queries().cancel(id);
                glaux.queries().await(id, Duration.ofMinutes(1));
                return timedOut(timeout, started);
            }
            if (done.state() != QueryState.SUCCEEDED) {
                return new TpchQueries.Run(List.of(), done.state() + ": " + done.status().stateChangeReason(), false,
                        millis(started));
            }
            List<List<String>> rows = glaux.results(id).rows();
            return new TpchQueries.Run(rows, null, false, millis(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            glaux.queries().cancel(id);
            throw new IllegalStateException("Interrupted while waiting for Glaux", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code sql} on DuckDB; cancels the statement once {@code timeout} has passed. */
    TpchQueries.Run duckdb(Connection duck, String sql, Duration timeout) {
        long started = System.nanoTime();
        try (Statement statement = duck.createStatement()) {
            ScheduledFuture<?> cancel = canceller.schedule(() -> {
                try {
                    statement.cancel();
                } catch (SQLException e) {
                    // Already finished or closed: nothing to stop.
                }
            }, timeout.toMillis(), TimeUnit.MILLISECONDS);
            try (ResultSet result = statement.executeQuery(sql)) {
                return new TpchQueries.Run(SideBySide.rows(result), null, false, millis(started));
            } finally {
                cancel.cancel(false);
            }
        } catch (SQLException e) {
            return millis(started) >= timeout.toMillis() ? timedOut(timeout, started)
                    : new TpchQueries.Run(List.of(), e.getMessage(), false, millis(started));
        }
    }

    /**
     * Runs {@code once} {@code warmups} times untimed, then {@code runs} times, and gives the last run's rows with the
     * median time; the first run that fails or times out is given as it is, and nothing more is run.
     */
    static TpchQueries.Run median(Supplier<TpchQueries.Run> once, int warmups, int runs) {
        for (int i = 0; i < warmups; i++) {
            TpchQueries.Run warmUp = once.get();
            if (!warmUp.succeeded()) {
                return warmUp;
            }
        }
        double[] times = new double[runs];
        TpchQueries.Run last = null;
        for (int i = 0; i < runs; i++) {
            last = once.get();
            if (!last.succeeded()) {
                return last;
            }
            times[i] = last.millis();
        }
        return new TpchQueries.Run(last.rows(), null, false, median(times));
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static TpchQueries.Run timedOut(Duration timeout, long started) {
        return new TpchQueries.Run(List.of(), "timed out after " + timeout.toSeconds() + " s", true, millis(started));
    }

    static double millis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e6;
    }

    @Override
    public void close() {
        canceller.shutdownNow();
    }
}
