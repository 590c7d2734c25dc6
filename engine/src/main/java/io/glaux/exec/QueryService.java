package io.glaux.exec;

import io.glaux.catalog.ddl.StatementType;
import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.sql.SqlErrors;
import io.glaux.sql.scan.ScanContext;
import io.glaux.storage.S3Location;
import io.glaux.workgroup.Workgroup;
import io.glaux.workgroup.WorkgroupService;
import io.glaux.workgroup.WorkgroupState;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.lang.management.ManagementFactory;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Athena's query lifecycle: StartQueryExecution queues a query (QUEUED), a bounded pool runs it (RUNNING), and it
 * ends SUCCEEDED, FAILED or CANCELLED with statistics. Executions are kept in memory and persisted in the history.
 */
public final class QueryService implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(QueryService.class);

    /** The StateChangeReason Athena gives a query stopped by StopQueryExecution. */
    static final String CANCELLED_BY_USER = "Query cancelled by user";
    /** The StateChangeReason of a query that was queued or running when Glaux was stopped. */
    public static final String CANCELLED_BY_SHUTDOWN = "Query cancelled because the Glaux server stopped";
    /** How long {@link #close()} lets running queries unwind before recording them as cancelled regardless. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    /** A query that allocated less than this since it started is not what fills the heap; it is left running. */
    static final long MIN_EXHAUSTING_ALLOCATION = 64L << 20;

    private final StatementRunner runner;
    private final WorkgroupService workgroups;
    private final QueryHistory history;
    private final ThreadPoolExecutor pool;
    private final Map<String, Tracked> executions = new ConcurrentHashMap<>();
    private final Map<String, String> idsByToken = new ConcurrentHashMap<>();
    private volatile QueryInterceptor interceptor = QueryInterceptor.NONE;
    private final List<QueryStateListener> listeners = new CopyOnWriteArrayList<>();
    /** Submissions hold the read lock; {@link #close()} takes the write lock to refuse new ones. */
    private final ReentrantReadWriteLock accepting = new ReentrantReadWriteLock();
    private boolean closed;
    private final MemoryGuard<QueryService> memory;
    /**
     * The history's executions are read by a thread of their own, beside the rest of the start: a data folder keeps
     * 45 days of queries, and reading a thousand records took the start about 0.2 s.
     */
    private final CompletableFuture<Void> historyLoaded;

    /**
     * @param maxConcurrentQueries queries running at once; further ones wait in a queue
     * @param maxQueuedQueries queries that may wait; beyond that StartQueryExecution is refused as Athena refuses
     *     with TooManyRequestsException
     * @param memoryLimit the share of the maximum heap running queries may keep in use: when a garbage collection
     *     leaves more, the running query that allocated the most fails with Athena's "Query exhausted resources at
     *     this scale factor" (as does a query that runs out of memory before)
     */
    public QueryService(StatementRunner runner, WorkgroupService workgroups, QueryHistory history,
                        int maxConcurrentQueries, int maxQueuedQueries, double memoryLimit) {
        this.runner = runner;
        this.workgroups = workgroups;
        this.history = history;
        this.pool = new ThreadPoolExecutor(maxConcurrentQueries, maxConcurrentQueries, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(maxQueuedQueries), daemonThreads());
        this.memory = new MemoryGuard<>(memoryLimit, this, QueryService::exhausted);
        this.historyLoaded = CompletableFuture.runAsync(this::loadHistory, task -> {
            Thread thread = new Thread(task, "glaux-history-load");
            thread.setDaemon(true);
            thread.start();
        });
    }

    private void loadHistory() {
        for (QueryExecution execution : history.load(this::recover)) {
            executions.put(execution.queryExecutionId(), new Tracked(execution));
            if (execution.clientRequestToken() != null) {
                idsByToken.put(execution.clientRequestToken(), execution.queryExecutionId());
            }
        }
    }

    /**
     * Waits until the history is loaded: every call that starts a query (after what interrupted queries left is
     * undone, and with their client request tokens known) or looks up a past one.
     */
    private void awaitHistory() {
        try {
            historyLoaded.join();
        } catch (CompletionException e) {
            throw new GlauxException(ErrorType.INTERNAL_SERVICE_ERROR, "The query history could not be read: "
                    + e.getCause().getMessage());
        }
    }

    /**
     * A collection left {@code usedBytes} of the heap in use, more than the limit: the running query that has allocated
     * the most since it started is failed, which frees what it holds. (Allocation is what a Java thread can be asked
     * about; a query building a large join or aggregation allocates the most.)
     */
    private void exhausted(long usedBytes) {
        Tracked heaviest = null;
        long most = -1;
        for (Tracked tracked : executions.values()) {
            long allocated = tracked.allocatedSinceStart();
            if (allocated > most) {
                most = allocated;
                heaviest = tracked;
            }
        }
        if (heaviest != null && most >= MIN_EXHAUSTING_ALLOCATION && heaviest.exhaust()) {
            LOG.warn("The heap was {} MB in use after a garbage collection (limit {} MB): failing query {}, which"
                    + " allocated {} MB", usedBytes >> 20, memory.limitBytes() >> 20, heaviest.id, most >> 20);
        }
    }

    /** Lets the runner undo what a query interrupted by a stop left behind; a failure is logged, not fatal. */
    private void recover(QueryExecution interrupted) {
        try {
            runner.recoverInterrupted(interrupted);
        } catch (Exception e) {
            LOG.warn("Could not undo what interrupted query {} left behind", interrupted.queryExecutionId(), e);
        }
    }

    private static long allocatedBytes(Thread thread) {
        return ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
                ? threads.getThreadAllocatedBytes(thread.getId()) : 0;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger counter = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "glaux-query-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Consults {@code interceptor} for every query submitted or run from now on ({@link QueryInterceptor#NONE}: none). */
    public void interceptor(QueryInterceptor interceptor) {
        this.interceptor = interceptor == null ? QueryInterceptor.NONE : interceptor;
    }

    /** Tells {@code listener} of every change of state of the queries submitted from now on. */
    public void addListener(QueryStateListener listener) {
        listeners.add(java.util.Objects.requireNonNull(listener));
    }

    public void removeListener(QueryStateListener listener) {
        listeners.remove(listener);
    }

    private void notifyListeners(QueryState previous, QueryExecution current, int sequenceNumber) {
        for (QueryStateListener listener : listeners) {
            try {
                listener.stateChanged(previous, current, sequenceNumber);
            } catch (RuntimeException e) {
                LOG.warn("A query state listener failed on query {}", current.queryExecutionId(), e);
            }
        }
    }

    /** The queries QUEUED or RUNNING now: what Athena's active-query quotas count. */
    public int activeQueries() {
        int active = 0;
        for (Tracked tracked : executions.values()) {
            if (!tracked.snapshot().state().isTerminal()) {
                active++;
            }
        }
        return active;
    }

    /** Validates and queues a query; returns at once with its QUEUED snapshot. */
    public QueryExecution submit(QueryRequest request) {
        awaitHistory();
        accepting.readLock().lock();
        try {
            if (closed) {
                throw new GlauxException(ErrorType.INVALID_ARGUMENT, "Glaux is stopping and accepts no more queries");
            }
            return accept(request);
        } finally {
            accepting.readLock().unlock();
        }
    }

    private QueryExecution accept(QueryRequest request) {
        if (request.query() == null || request.query().isBlank()) {
            throw new GlauxException(ErrorType.INVALID_ARGUMENT, "QueryString must not be empty");
        }
        if (request.clientRequestToken() != null) {
            String existing = idsByToken.get(request.clientRequestToken());
            if (existing != null) {
                QueryExecution previous = executions.get(existing).snapshot();
                if (!previous.query().equals(request.query())) {
                    throw new GlauxException(ErrorType.INVALID_ARGUMENT, "The ClientRequestToken was already used"
                            + " with a different query");
                }
                return previous;
            }
        }
        Workgroup workgroup = workgroups.get(request.workgroup());
        if (workgroup.state() == WorkgroupState.DISABLED) {
            throw new GlauxException(ErrorType.INVALID_ARGUMENT, "WorkGroup " + workgroup.name() + " is disabled.");
        }
        S3Location outputPrefix = workgroups.outputLocation(workgroup, request.outputLocation());
        runner.checkOutputBucket(outputPrefix);
        // The statement runs with the encryption its results get: the workgroup's when it enforces it.
        request = request.withEncryption(workgroups.resultEncryption(workgroup, request.encryption()));
        String id = UUID.randomUUID().toString();
        Long cutoff = workgroup.configuration().bytesScannedCutoffPerQuery();
        String resultObject = outputPrefix.resolve(id + (runner.writesText(request) ? ".txt" : ".csv")).toString();
        Tracked tracked = new Tracked(id, request, runner.classify(request), outputPrefix, resultObject,
                cutoff == null ? Long.MAX_VALUE : cutoff, this::notifyListeners);
        synchronized (this) {
            String token = request.clientRequestToken();
            String raced = token == null ? null : idsByToken.get(token);
            if (raced != null) {
                return executions.get(raced).snapshot();
            }
            interceptor.beforeSubmit(request);
            if (token != null) {
                idsByToken.put(token, id);
            }
            executions.put(id, tracked);
        }
        history.save(tracked.snapshot());
        try {
            pool.execute(() -> run(tracked));
            tracked.announce();
        } catch (RejectedExecutionException e) {
            executions.remove(id);
            if (request.clientRequestToken() != null) {
                idsByToken.remove(request.clientRequestToken());
            }
            // The client never learns the id, so the query must not come back from the history either.
            history.delete(id);
            throw new GlauxException(ErrorType.LIMIT_EXCEEDED, "Too many queries are queued; retry later");
        }
        return tracked.snapshot();
    }

    public Optional<QueryExecution> get(String id) {
        Tracked tracked = tracked(id);
        return tracked == null ? Optional.empty() : Optional.of(tracked.snapshot());
    }

    /** The execution {@code id}, looked up in the history once it is loaded when it is not one of this process. */
    private Tracked tracked(String id) {
        if (id == null) {
            return null;
        }
        Tracked tracked = executions.get(id);
        if (tracked == null) {
            awaitHistory();
            tracked = executions.get(id);
        }
        return tracked;
    }

    /** The workgroup's executions, newest first. */
    public List<QueryExecution> list(String workgroup) {
        awaitHistory();
        return executions.values().stream().map(Tracked::snapshot)
                .filter(e -> e.workgroup().equals(workgroup))
                .sorted(Comparator.comparing((QueryExecution e) -> e.status().submissionDateTime()).reversed())
                .toList();
    }

    /** StopQueryExecution: cancels a queued or running query; a finished one is left as it is. */
    public void cancel(String id) {
        Tracked tracked = tracked(id);
        if (tracked == null) {
            throw new GlauxException(ErrorType.INVALID_ARGUMENT, "QueryExecution " + id + " was not found");
        }
        if (tracked.cancel(CANCELLED_BY_USER)) {
            // It never started: no worker will record it, so record it here.
            saveQuietly(tracked.snapshot());
            tracked.done.countDown();
        }
    }

    /** Waits until the query finishes (or the timeout passes) and returns its snapshot. */
    public QueryExecution await(String id, Duration timeout) throws InterruptedException {
        Tracked tracked = tracked(id);
        if (tracked == null) {
            throw new GlauxException(ErrorType.INVALID_ARGUMENT, "QueryExecution " + id + " was not found");
        }
        tracked.done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return tracked.snapshot();
    }

    private void run(Tracked tracked) {
        if (!tracked.start()) {
            return;
        }
        ScanContext scan = new ScanContext(tracked.cancelFlag, tracked.bytesScannedCutoff, tracked.id);
        try {
            AthenaError forced = interceptor.beforeRun(tracked.id, tracked.request);
            if (forced != null) {
                tracked.failWith(forced);
                return;
            }
            StatementOutcome outcome = runner.run(tracked.id, tracked.request, tracked.outputPrefix, scan);
            tracked.succeed(outcome, scan.bytesScanned());
        } catch (Throwable e) {
            tracked.fail(e, scan.bytesScanned());
        } finally {
            // A cancel interrupts the worker; the interrupt must not break the history write.
            Thread.interrupted();
            saveQuietly(tracked.snapshot());
            tracked.done.countDown();
        }
    }

    private void saveQuietly(QueryExecution execution) {
        try {
            history.save(execution);
        } catch (RuntimeException e) {
            LOG.warn("Could not record query {} in the history", execution.queryExecutionId(), e);
        }
    }

    /**
     * Stops the service: refuses new queries, cancels what is still queued or running (state CANCELLED, reason
     * {@value #CANCELLED_BY_SHUTDOWN}), lets the workers unwind and record it, then stops them. A query whose worker
     * has not unwound within {@link #STOP_TIMEOUT} is recorded as cancelled anyway, so every query a client was told
     * about ends in the history with a final state. Closing again does nothing.
     */
    @Override
    public void close() {
        accepting.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
        } finally {
            accepting.writeLock().unlock();
        }
        // What interrupted queries left is undone, and their records saved, before the process goes.
        try {
            historyLoaded.join();
        } catch (CompletionException e) {
            LOG.warn("The query history could not be read", e.getCause());
        }
        for (Tracked tracked : executions.values()) {
            if (tracked.cancel(CANCELLED_BY_SHUTDOWN)) {
                saveQuietly(tracked.snapshot());
                tracked.done.countDown();
            }
        }
        pool.shutdown();
        boolean stopped = false;
        try {
            stopped = pool.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!stopped) {
            for (Tracked tracked : executions.values()) {
                if (tracked.abandon(CANCELLED_BY_SHUTDOWN)) {
                    LOG.warn("Query {} did not stop within {}; recorded as cancelled", tracked.id, STOP_TIMEOUT);
                    saveQuietly(tracked.snapshot());
                    tracked.done.countDown();
                }
            }
            pool.shutdownNow();
        }
        memory.close();
    }

    /** Queries whose worker is running them now. */
    public int runningQueries() {
        return pool.getActiveCount();
    }

    /** One execution's mutable state; every change happens under its lock and ends in a new snapshot. */
    private static final class Tracked {
        final String id;
        /** Told of each change of state; none for an execution loaded from the history. */
        private final QueryStateListener onChange;
        private int sequenceNumber;
        /** The QUEUED snapshot the submission is announced with. */
        private final QueryExecution submitted;
        final QueryRequest request;
        final S3Location outputPrefix;
        final long bytesScannedCutoff;
        final AtomicBoolean cancelFlag = new AtomicBoolean();
        final CountDownLatch done = new CountDownLatch(1);
        private QueryExecution snapshot;
        private String cancelReason;
        /** Set when the query is failed for holding the heap ({@link #exhaust}). */
        private boolean exhausted;
        private long allocatedAtStart;
        private Thread worker;
        private long startNanos;
        private Instant started;

        Tracked(String id, QueryRequest request, StatementType type, S3Location outputPrefix, String resultObject,
                long cutoff, QueryStateListener onChange) {
            this.id = id;
            this.onChange = onChange;
            this.request = request;
            this.outputPrefix = outputPrefix;
            this.bytesScannedCutoff = cutoff;
            // Athena reports the result object's full path from the start.
            this.snapshot = new QueryExecution(id, request.query(), type, request.workgroup(), request.context(),
                    resultObject, new QueryStatus(QueryState.QUEUED, null, Instant.now(), null, null),
                    QueryStatistics.EMPTY, null, request.executionParameters(), request.clientRequestToken(),
                    request.encryption());
            this.submitted = snapshot;
        }

        /** A finished execution loaded from the history. */
        Tracked(QueryExecution loaded) {
            this.id = loaded.queryExecutionId();
            this.onChange = null;
            this.submitted = loaded;
            this.request = null;
            this.outputPrefix = null;
            this.bytesScannedCutoff = Long.MAX_VALUE;
            this.snapshot = loaded;
            done.countDown();
        }

        synchronized QueryExecution snapshot() {
            return snapshot;
        }

        synchronized boolean start() {
            if (snapshot.state() != QueryState.QUEUED) {
                return false;
            }
            worker = Thread.currentThread();
            allocatedAtStart = allocatedBytes(worker);
            started = Instant.now();
            startNanos = System.nanoTime();
            update(QueryState.RUNNING, null, null, null, statistics(0, 0, 0));
            return true;
        }

        synchronized void succeed(StatementOutcome outcome, long bytesScanned) {
            worker = null;
            if (snapshot.state().isTerminal()) {
                return;
            }
            QueryResultInfo result = new QueryResultInfo(outcome.columns(), outcome.rowCount(),
                    outcome.updateCount(), outcome.resultObject(), outcome.dataManifestLocation());
            finish(QueryState.SUCCEEDED, null, null, result, bytesScanned, outcome.planningMillis());
        }

        synchronized void fail(Throwable error, long bytesScanned) {
            worker = null;
            if (snapshot.state().isTerminal()) {
                return;
            }
            GlauxException translated = exhausted ? SqlErrors.resourcesExhausted(error)
                    : error instanceof CancellationException ? null : SqlErrors.translateRuntime(error);
            if (translated != null && translated.type() == ErrorType.LIMIT_EXCEEDED) {
                // Athena's data usage control cancels the query, naming the limit.
                AthenaError athenaError = AthenaError.of(translated);
                finish(QueryState.CANCELLED, athenaError.errorMessage(), athenaError, null, bytesScanned, 0);
            } else if (!exhausted && (cancelFlag.get() || translated == null)) {
                finish(QueryState.CANCELLED, cancelReason != null ? cancelReason : CANCELLED_BY_USER, null, null,
                        bytesScanned, 0);
            } else {
                if (translated.type().category() == io.glaux.error.ErrorCategory.SYSTEM && !exhausted) {
                    LOG.warn("Query {} failed with an internal error", id, error);
                }
                AthenaError athenaError = AthenaError.of(translated);
                finish(QueryState.FAILED, athenaError.errorMessage(), athenaError, null, bytesScanned, 0);
            }
        }

        /** FAILED with the given error, as Athena reports it: StateChangeReason is the error's message. */
        synchronized void failWith(AthenaError error) {
            worker = null;
            if (snapshot.state().isTerminal()) {
                return;
            }
            finish(QueryState.FAILED, error.errorMessage(), error, null, 0, 0);
        }

        /**
         * Sets the cancel flag, which the running query's operators watch. Returns true when the query had not
         * started, so it is finished here and now (the caller records it).
         */
        synchronized boolean cancel(String reason) {
            if (snapshot.state().isTerminal()) {
                return false;
            }
            if (cancelReason == null) {
                cancelReason = reason;
            }
            cancelFlag.set(true);
            if (snapshot.state() == QueryState.QUEUED) {
                finish(QueryState.CANCELLED, cancelReason, null, null, 0, 0);
                return true;
            }
            if (worker != null) {
                worker.interrupt();
            }
            return false;
        }

        /** Bytes the query's worker allocated since the query started; -1 if it is not running. */
        synchronized long allocatedSinceStart() {
            return worker == null || snapshot.state().isTerminal() ? -1 : allocatedBytes(worker) - allocatedAtStart;
        }

        /**
         * Stops the running query as one that exhausted the heap: its operators notice the cancel flag and unwind, and
         * it fails with Athena's resource error. Returns whether it was running.
         */
        synchronized boolean exhaust() {
            if (snapshot.state().isTerminal() || worker == null) {
                return false;
            }
            exhausted = true;
            cancelFlag.set(true);
            worker.interrupt();
            return true;
        }

        /**
         * Records a query whose worker did not unwind in time as cancelled; returns whether it was still unfinished
         * (the caller records it). The worker's own outcome, if it ever comes, is then ignored.
         */
        synchronized boolean abandon(String reason) {
            if (snapshot.state().isTerminal()) {
                return false;
            }
            cancelFlag.set(true);
            finish(QueryState.CANCELLED, cancelReason != null ? cancelReason : reason, null, null, 0, 0);
            return true;
        }

        private void finish(QueryState state, String reason, AthenaError error, QueryResultInfo result,
                            long bytesScanned, long planningMillis) {
            long engineMillis = started == null ? 0 : (System.nanoTime() - startNanos) / 1_000_000;
            update(state, reason, error, result, statistics(engineMillis, bytesScanned, planningMillis));
        }

        private QueryStatistics statistics(long engineMillis, long bytesScanned, long planningMillis) {
            Instant submitted = snapshot.status().submissionDateTime();
            long queueMillis = started == null ? Duration.between(submitted, Instant.now()).toMillis()
                    : Duration.between(submitted, started).toMillis();
            long totalMillis = Duration.between(submitted, Instant.now()).toMillis();
            long processing = Math.max(0, totalMillis - queueMillis - engineMillis);
            return new QueryStatistics(engineMillis, bytesScanned, totalMillis, queueMillis, planningMillis,
                    processing);
        }

        /**
         * Tells the listener the query was submitted, once, before any later change (the worker may already have
         * started it): a query refused at submission is never announced.
         */
        synchronized void announce() {
            if (onChange != null && sequenceNumber == 0) {
                sequenceNumber = 1;
                onChange.stateChanged(null, submitted, 1);
            }
        }

        private void update(QueryState state, String reason, AthenaError error, QueryResultInfo result,
                            QueryStatistics statistics) {
            QueryStatus old = snapshot.status();
            QueryStatus status = new QueryStatus(state, reason, old.submissionDateTime(),
                    state.isTerminal() ? Instant.now() : null, error);
            String outputLocation = result != null ? result.resultObject() : snapshot.outputLocation();
            snapshot = new QueryExecution(id, snapshot.query(), snapshot.statementType(), snapshot.workgroup(),
                    snapshot.context(), outputLocation, status, statistics, result, snapshot.executionParameters(),
                    snapshot.clientRequestToken(), snapshot.encryption());
            if (onChange != null && old.state() != state) {
                announce();
                onChange.stateChanged(old.state(), snapshot, ++sequenceNumber);
            }
        }
    }
}
