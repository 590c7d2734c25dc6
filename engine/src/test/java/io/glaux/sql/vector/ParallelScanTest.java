package io.glaux.sql.vector;

import io.glaux.catalog.Column;
import io.glaux.sql.scan.Cancellation;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A stopped or failed parallel scan returns only once none of its helper threads works on it any more. */
class ParallelScanTest {

    /** Batches enough for minutes of work at {@link #BATCH_MILLIS} each. */
    private static final int BATCHES = 100_000;
    private static final long BATCH_MILLIS = 5;
    private static final int THREADS = 3;

    private final ThreadPoolExecutor helpers = new ThreadPoolExecutor(THREADS - 1, THREADS - 1, 0,
            TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>());
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger working = new AtomicInteger();

    @AfterEach
    void stopHelpers() {
        helpers.shutdownNow();
    }

    /** A worker that spends {@link #BATCH_MILLIS} on each batch; {@code failAt} makes one batch throw. */
    private final class SlowWorker implements ParallelScan.Worker {
        private final int failAt;

        SlowWorker(int failAt) {
            this.failAt = failAt;
        }

        @Override
        public void process(BatchContext batch) {
            int number = started.incrementAndGet();
            working.incrementAndGet();
            try {
                if (number == failAt) {
                    throw new IllegalStateException("bad value in batch " + batch.batch());
                }
                long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BATCH_MILLIS);
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
            } finally {
                working.decrementAndGet();
            }
        }
    }

    private CompletableFuture<List<SlowWorker>> scan(int failAt) {
        ParallelScan scan = new ParallelScan(helpers, THREADS, () -> Cancellation.check(cancelled));
        return CompletableFuture.supplyAsync(() -> scan.run(new Batches(), () -> new SlowWorker(failAt)));
    }

    private void awaitStarted(int batches) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (started.get() < batches && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(started.get()).isGreaterThanOrEqualTo(batches);
    }

    @Test
    void aCancelledScanStopsEveryHelperAtItsNextBatch() throws Exception {
        CompletableFuture<List<SlowWorker>> running = scan(-1);
        awaitStarted(50);
        assertThat(helpers.getActiveCount()).isEqualTo(THREADS - 1);

        cancelled.set(true);
        int startedWhenCancelled = started.get();
        assertThatThrownBy(() -> running.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(CancellationException.class);
        // When run() gives up, no worker is inside a batch, and each started at most the one it had claimed.
        assertThat(working.get()).isZero();
        assertThat(started.get() - startedWhenCancelled).isLessThanOrEqualTo(THREADS);
        awaitIdle();
    }

    @Test
    void aFailingWorkerStopsTheOthersAtTheirNextBatch() throws Exception {
        CompletableFuture<List<SlowWorker>> running = scan(100);
        // Without the stop, the others would go on through all 100,000 batches (minutes) before the error surfaces.
        assertThatThrownBy(() -> running.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(IllegalStateException.class).hasMessageStartingWith("bad value in batch");
        assertThat(working.get()).isZero();
        // The others stop within a few batches of the failure: how many depends on how soon the failing thread runs
        // again to report it (on a loaded machine it may wait a few time slices), never on the 100,000 batches left.
        assertThat(started.get()).isLessThan(100 + 50 * THREADS);
        awaitIdle();
    }

    private void awaitIdle() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (helpers.getActiveCount() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(helpers.getActiveCount()).as("helpers still working").isZero();
    }

    /** Batches of one row and no columns: the workers above do not read any. */
    private static final class Batches implements ColumnarData {
        @Override
        public List<Column> columns() {
            return List.of();
        }

        @Override
        public int batchCount() {
            return BATCHES;
        }

        @Override
        public int rowCount(int batch) {
            return 1;
        }

        @Override
        public int maxBatchRows() {
            return 1;
        }

        @Override
        public FieldVector vector(int batch, int column) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean hasNulls(int batch, int column) {
            return false;
        }

        @Override
        public String[] dictionaryValues(int column) {
            return null;
        }

        @Override
        public Object value(int batch, int column, int row) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ColumnStats stats(int column) {
            throw new UnsupportedOperationException();
        }
    }
}
