package io.glaux.spice;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** One ingestion of a dataset: its status, progress (rows so far) and, once finished, its outcome. */
public final class Ingestion {

    private final String id;
    private final String dataSetName;
    private final IngestionType type;
    private final Instant createdTime = Instant.now();
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private final AtomicLong rowsIngested = new AtomicLong();
    private final AtomicLong rowsDropped = new AtomicLong();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile IngestionStatus status = IngestionStatus.INITIALIZED;
    private volatile ErrorInfo errorInfo;
    private volatile ErrorInfo stopReason;
    private volatile long totalRowsInDataset;

    Ingestion(String id, String dataSetName, IngestionType type) {
        this.id = id;
        this.dataSetName = dataSetName;
        this.type = java.util.Objects.requireNonNull(type, "type");
    }

    public String id() {
        return id;
    }

    public String dataSetName() {
        return dataSetName;
    }

    /** FULL_REFRESH or INCREMENTAL_REFRESH, as requested. */
    public IngestionType type() {
        return type;
    }

    public Instant createdTime() {
        return createdTime;
    }

    public IngestionStatus status() {
        return status;
    }

    /**
     * Why the ingestion ended: set once it FAILED, or when it was CANCELLED because Glaux stopped
     * ({@link IngestionErrorType#INGESTION_CANCELED}); null otherwise.
     */
    public ErrorInfo errorInfo() {
        return errorInfo;
    }

    /**
     * Rows read from the dataset's query so far (for an incremental refresh, the rows of its window) and, once the
     * ingestion ended, the rows in the dataset (the new version's after COMPLETED, the kept version's otherwise).
     */
    public RowInfo rowInfo() {
        return new RowInfo(rowsIngested.get(), rowsDropped.get(), totalRowsInDataset);
    }

    /**
     * Asks a queued or running ingestion to stop; it ends CANCELLED and the dataset keeps its previous data (an
     * ingestion whose new version is already being saved completes).
     */
    public void cancel() {
        cancelRequested.set(true);
    }

    /** Cancels it as {@link #cancel()} does, giving the reason it will report as its ErrorInfo. */
    void stop(ErrorInfo reason) {
        if (stopReason == null) {
            stopReason = reason;
        }
        cancelRequested.set(true);
    }

    /** Waits for a final status; returns whether it was reached in time. */
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        return finished.await(timeout, unit);
    }

    AtomicBoolean cancelFlag() {
        return cancelRequested;
    }

    void queued() {
        status = IngestionStatus.QUEUED;
    }

    void running() {
        status = IngestionStatus.RUNNING;
    }

    void addRows(long rows) {
        rowsIngested.addAndGet(rows);
    }

    void addDropped(long rows) {
        rowsDropped.addAndGet(rows);
    }

    void completed(long datasetRows) {
        finish(IngestionStatus.COMPLETED, null, datasetRows);
    }

    void failed(ErrorInfo error, long datasetRows) {
        finish(IngestionStatus.FAILED, error, datasetRows);
    }

    void cancelled(long datasetRows) {
        finish(IngestionStatus.CANCELLED, stopReason, datasetRows);
    }

    /** The first final status wins (an ingestion given up on at shutdown ignores its worker's late outcome). */
    private synchronized void finish(IngestionStatus finalStatus, ErrorInfo error, long datasetRows) {
        if (status.isFinal()) {
            return;
        }
        errorInfo = error;
        totalRowsInDataset = datasetRows;
        status = finalStatus;
        finished.countDown();
    }
}
