package io.glaux.spice;

import java.time.Duration;
import java.time.Instant;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One ingestion of a dataset, as QuickSight's Ingestion describes it: status, progress (rows so far) and, once
 * finished, its outcome, time and size; the Athena query it ran (if its dataset reads through Athena); and, while it
 * waits behind an earlier ingestion of the same dataset, its {@link QueueInfo}.
 */
public final class Ingestion {

    private final String id;
    private final String dataSetName;
    private final IngestionType type;
    private final IngestionRequestSource requestSource;
    private final IngestionRequestType requestType;
    private final long sequence;
    private final Instant createdTime;
    /** The dataset's ingestions that have not ended, in the order they run (null for a restored ingestion). */
    private final Queue<Ingestion> datasetQueue;
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private final AtomicLong rowsIngested = new AtomicLong();
    private final AtomicLong rowsDropped = new AtomicLong();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile IngestionStatus status = IngestionStatus.INITIALIZED;
    private volatile ErrorInfo errorInfo;
    private volatile ErrorInfo stopReason;
    private volatile long totalRowsInDataset;
    private volatile Instant endedTime;
    private volatile Long sizeInBytes;
    private volatile String queryExecutionId;
    private volatile Consumer<Ingestion> listener = ingestion -> { };

    /** A new ingestion of the request's dataset (named {@code id}), queued in {@code datasetQueue}. */
    Ingestion(String id, IngestionRequest request, long sequence, Queue<Ingestion> datasetQueue) {
        this.id = id;
        this.dataSetName = request.dataSetName();
        this.type = request.ingestionType();
        this.requestSource = request.requestSource();
        this.requestType = request.requestType();
        this.sequence = sequence;
        this.createdTime = Instant.now();
        this.datasetQueue = datasetQueue;
    }

    /** An ingestion as recorded earlier; one recorded unfinished comes back FAILED with {@code interrupted}. */
    Ingestion(IngestionRecord record, ErrorInfo interrupted) {
        this.id = record.ingestionId();
        this.dataSetName = record.dataSetName();
        this.type = record.ingestionType();
        this.requestSource = record.requestSource();
        this.requestType = record.requestType();
        this.sequence = record.sequence();
        this.createdTime = record.createdTime();
        this.datasetQueue = null;
        this.rowsIngested.set(record.rowsIngested());
        this.rowsDropped.set(record.rowsDropped());
        this.totalRowsInDataset = record.totalRowsInDataset();
        this.sizeInBytes = record.ingestionSizeInBytes();
        this.queryExecutionId = record.queryExecutionId();
        boolean ended = record.status().isFinal();
        this.status = ended ? record.status() : IngestionStatus.FAILED;
        this.errorInfo = ended ? record.errorInfo() : interrupted;
        this.endedTime = ended && record.endedTime() != null ? record.endedTime() : Instant.now();
        this.cancelRequested.set(true);
        finished.countDown();
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

    /** MANUAL or SCHEDULED, as the caller of CreateIngestion said. */
    public IngestionRequestSource requestSource() {
        return requestSource;
    }

    /** INITIAL_INGESTION, EDIT, INCREMENTAL_REFRESH or FULL_REFRESH, as the caller of CreateIngestion said. */
    public IngestionRequestType requestType() {
        return requestType;
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
     * Rows read from the dataset's query so far (for an incremental refresh, the rows of its window), rows dropped
     * because a value failed its column's type, and, once the ingestion ended, the rows in the dataset (the new
     * version's after COMPLETED, the kept version's otherwise). Ingested plus dropped is the rows the query returned.
     */
    public RowInfo rowInfo() {
        return new RowInfo(rowsIngested.get(), rowsDropped.get(), totalRowsInDataset);
    }

    /** Whole seconds from its creation to its end (to now while it has not ended). */
    public long ingestionTimeInSeconds() {
        Instant end = endedTime;
        return Duration.between(createdTime, end == null ? Instant.now() : end).toSeconds();
    }

    /**
     * The Arrow memory of the version a COMPLETED ingestion left (what counts against SPICE capacity,
     * {@link SpiceLimits#maxTotalBytes()}); null for an ingestion that did not complete.
     */
    public Long ingestionSizeInBytes() {
        return sizeInBytes;
    }

    /** The Athena query execution this ingestion ran, once submitted; null for datasets read by the planner. */
    public String queryExecutionId() {
        return queryExecutionId;
    }

    /**
     * While QUEUED behind an earlier ingestion of the same dataset: that one and this one; null otherwise (also
     * while it waits only behind other datasets' ingestions).
     */
    public QueueInfo queueInfo() {
        if (status != IngestionStatus.QUEUED || datasetQueue == null) {
            return null;
        }
        Ingestion ahead = datasetQueue.peek();
        return ahead == null || ahead == this ? null : new QueueInfo(ahead.id(), id);
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

    long sequence() {
        return sequence;
    }

    AtomicBoolean cancelFlag() {
        return cancelRequested;
    }

    /** Called after each change of state (to record it). */
    void listener(Consumer<Ingestion> onChange) {
        this.listener = onChange;
    }

    IngestionRecord record() {
        RowInfo rows = rowInfo();
        return new IngestionRecord(id, dataSetName, sequence, type, requestSource, requestType, status, errorInfo,
                rows.rowsIngested(), rows.rowsDropped(), rows.totalRowsInDataset(), createdTime, endedTime,
                sizeInBytes, queryExecutionId);
    }

    void queued() {
        status = IngestionStatus.QUEUED;
        listener.accept(this);
    }

    void running() {
        status = IngestionStatus.RUNNING;
        listener.accept(this);
    }

    void queryExecutionId(String queryId) {
        this.queryExecutionId = queryId;
        listener.accept(this);
    }

    void addRows(long rows) {
        rowsIngested.addAndGet(rows);
    }

    void addDropped(long rows) {
        rowsDropped.addAndGet(rows);
    }

    void completed(long datasetRows, long versionBytes) {
        finish(IngestionStatus.COMPLETED, null, datasetRows, versionBytes);
    }

    void failed(ErrorInfo error, long datasetRows) {
        finish(IngestionStatus.FAILED, error, datasetRows, null);
    }

    void cancelled(long datasetRows) {
        finish(IngestionStatus.CANCELLED, stopReason, datasetRows, null);
    }

    /** The first final status wins (an ingestion given up on at shutdown ignores its worker's late outcome). */
    private synchronized void finish(IngestionStatus finalStatus, ErrorInfo error, long datasetRows,
                                     Long versionBytes) {
        if (status.isFinal()) {
            return;
        }
        errorInfo = error;
        totalRowsInDataset = datasetRows;
        endedTime = Instant.now();
        sizeInBytes = versionBytes;
        status = finalStatus;
        listener.accept(this);
        finished.countDown();
    }
}
