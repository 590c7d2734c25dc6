package io.glaux.sql.vector;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs a per-batch task over all batches of a version on up to {@code threads} workers: the calling thread plus
 * helpers from {@code executor}, each taking the next unclaimed batch (so a slow batch does not hold the others
 * back). Each worker keeps its own state, which the caller merges afterwards.
 *
 * <p>Every worker checks the query's cancellation before each batch, and the first worker to fail (a cancelled
 * query, a bad value) makes the others stop at their next batch; {@link #run} returns only when no helper is still
 * working on the query, so a stopped query leaves no helper thread busy.
 */
public final class ParallelScan {

    /** One worker's state and what it does with a batch. */
    public interface Worker {
        void process(BatchContext batch);
    }

    private static final int DONE = Integer.MAX_VALUE / 2;

    private final Executor executor;
    private final int threads;
    private final Runnable cancelCheck;

    /** @param cancelCheck throws when the query has been cancelled; called before each batch */
    public ParallelScan(Executor executor, int threads, Runnable cancelCheck) {
        this.executor = executor;
        this.threads = threads;
        this.cancelCheck = cancelCheck;
    }

    /** Throws if the query was cancelled; for the work a caller does after the scan (merging partial results). */
    public void checkCancelled() {
        cancelCheck.run();
    }

    public <W extends Worker> List<W> run(ColumnarData data, Supplier<W> newWorker) {
        int workers = Math.max(1, Math.min(threads, data.batchCount()));
        AtomicInteger nextBatch = new AtomicInteger();
        return Workers.run(executor, workers, newWorker, worker -> drain(data, worker, nextBatch));
    }

    private void drain(ColumnarData data, Worker worker, AtomicInteger nextBatch) {
        try {
            BatchContext context = new BatchContext(data, new Scratch(data.maxBatchRows()));
            int batch;
            while ((batch = nextBatch.getAndIncrement()) < data.batchCount()) {
                cancelCheck.run();
                context.moveTo(batch);
                worker.process(context);
            }
        } catch (RuntimeException | Error e) {
            // No other worker takes another batch.
            nextBatch.set(DONE);
            throw e;
        }
    }
}
