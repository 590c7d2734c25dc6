package io.glaux.spice;

import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.exec.QueryService;
import io.glaux.persist.JsonFiles;
import io.glaux.sql.QueryContext;
import io.glaux.sql.QueryPlanner;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import io.glaux.sql.vector.RecyclingMemory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import io.glaux.storage.ObjectStore;
import io.glaux.storage.S3Location;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * SPICE: datasets imported into Arrow memory, kept as Arrow IPC files in the store and queryable as tables of
 * catalog {@value #CATALOG}, database {@value #DATABASE} ({@code SELECT ... FROM spice.default.orders}, see
 * {@link SpiceCatalogSchema}).
 *
 * <pre>{@code
 * SpiceService spice = glaux.spice();
 * spice.createDataset(new SpiceDefinition("orders", "SELECT * FROM orders", QueryContext.DEFAULT));
 * Ingestion ingestion = spice.createIngestion("orders");
 * ingestion.await(1, TimeUnit.MINUTES);          // COMPLETED, FAILED or CANCELLED
 * }</pre>
 *
 * Ingestions run one at a time, in the order they were created (QUEUED until then). A full refresh replaces all rows;
 * an incremental refresh re-reads only the rows of the dataset's {@link LookbackWindow} as of the service's clock (see
 * {@link #createIngestion(String, IngestionType)}). All datasets' vectors come from
 * one allocator capped at {@link SpiceLimits#maxTotalBytes()}, which is the capacity accounting: a dataset's bytes
 * are its version's allocator, the total is the root's. Datasets restored from files are loaded when first scanned.
 */
public final class SpiceService implements AutoCloseable {

    public static final String CATALOG = "spice";
    public static final String DATABASE = "default";
    /** Rows per Arrow record batch unless chosen otherwise. */
    public static final int DEFAULT_BATCH_ROWS = SpiceImporter.BATCH_ROWS;

    /** The ErrorInfo message of ingestions cancelled because Glaux stopped. */
    public static final String STOPPED_MESSAGE = "Ingestion cancelled because the Glaux server stopped";
    /** The ErrorInfo message of ingestions found unfinished at start (the process ended while they ran). */
    public static final String INTERRUPTED_MESSAGE = "Ingestion was interrupted because the Glaux server stopped"
            + " while it was queued or running";
    /** How often an ingestion waiting for its Athena query checks whether it was cancelled. */
    static final java.time.Duration ATHENA_POLL = java.time.Duration.ofMillis(100);
    /** How long {@link #close()} waits for a running ingestion to end. */
    static final java.time.Duration STOP_TIMEOUT = java.time.Duration.ofSeconds(5);

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SpiceService.class);

    private final SpiceFiles files;
    private final SpiceLimits limits;
    private final IngestionSource plannerSource;
    private final AthenaSource athenaSource;
    /** Where definitions and ingestion records are kept ({@code datasets/}, {@code ingestions/}); null: nowhere. */
    private final Path stateFolder;
    private final JsonFiles json = new JsonFiles();
    private final AtomicLong ingestionSequence = new AtomicLong();
    /** The blocks of {@link #allocator}, kept for reuse as they are freed. */
    private final RecyclingMemory dataMemory;
    /** Datasets and the batches their imports read: the capacity accounting. */
    private final BufferAllocator allocator;
    /** What queries compute from datasets (a join's gathered columns), beside the datasets' capacity. */
    private final RecyclingMemory queryMemory;
    private final BufferAllocator queryAllocator;
    private final Map<String, SpiceDataset> datasets = new ConcurrentHashMap<>();
    private final Map<String, Ingestion> ingestions = new ConcurrentHashMap<>();
    private final List<IngestionListener> ingestionListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ExecutorService ingestionThread;
    private final AtomicLong schemaVersion = new AtomicLong();
    private final int batchRows;
    private final SpiceScanOptions scanOptions;
    private final ExecutorService scanHelpers;
    private final AtomicLong vectorizedScans = new AtomicLong();
    private final AtomicLong columnarImports = new AtomicLong();
    private final Clock clock;
    /** Held while a dataset file is written or deleted, so a deletion and an ingestion never interleave. */
    private final Object fileLock = new Object();

    public SpiceService(ObjectStore store, S3Location location, SpiceLimits limits, SpiceScanOptions scanOptions,
                        Supplier<QueryPlanner> planner) throws IOException {
        this(store, location, limits, scanOptions, planner, SpiceImporter.BATCH_ROWS, Clock.systemUTC());
    }

    /** As above with the clock that incremental refreshes take their refresh time from (tests fix it). */
    public SpiceService(ObjectStore store, S3Location location, SpiceLimits limits, SpiceScanOptions scanOptions,
                        Supplier<QueryPlanner> planner, Clock clock) throws IOException {
        this(store, location, limits, scanOptions, planner, SpiceImporter.BATCH_ROWS, clock);
    }

    /** As above with a chosen record batch size (tests use small batches to cover batch boundaries). */
    public SpiceService(ObjectStore store, S3Location location, SpiceLimits limits, SpiceScanOptions scanOptions,
                        Supplier<QueryPlanner> planner, int batchRows) throws IOException {
        this(store, location, limits, scanOptions, planner, batchRows, Clock.systemUTC());
    }

    /** As above with both a chosen record batch size and a clock. */
    public SpiceService(ObjectStore store, S3Location location, SpiceLimits limits, SpiceScanOptions scanOptions,
                        Supplier<QueryPlanner> planner, int batchRows, Clock clock) throws IOException {
        this(store, location, limits, scanOptions, planner, null, null, null, batchRows, clock);
    }

    /**
     * As above, with the Athena query service that datasets with a workgroup run their queries in (a supplier, as it
     * is built after SPICE; null: such datasets' ingestions fail), the result objects its queries' results are read
     * back from (decrypted as the ingestion's caller; null: read as stored), and the folder that keeps dataset definitions and
     * ingestion records across restarts (null: they are not kept; datasets with data are still found from their
     * files). Ingestions recorded unfinished there (the process ended while they were queued or running) come back
     * FAILED with {@link IngestionErrorType#INTERNAL_SERVICE_ERROR} ({@value #INTERRUPTED_MESSAGE}).
     */
    public SpiceService(ObjectStore store, S3Location location, SpiceLimits limits, SpiceScanOptions scanOptions,
                        Supplier<QueryPlanner> planner, Supplier<QueryService> queries,
                        io.glaux.results.ResultObjects results, Path stateFolder, int batchRows, Clock clock)
            throws IOException {
        this.clock = java.util.Objects.requireNonNull(clock, "clock");
        this.files = new SpiceFiles(store, location);
        this.limits = limits;
        this.scanOptions = scanOptions;
        this.scanHelpers = Executors.newFixedThreadPool(Math.max(1, scanOptions.threads() - 1), task -> {
            Thread thread = new Thread(task, "glaux-spice-scan");
            thread.setDaemon(true);
            return thread;
        });
        this.plannerSource = new PlannerSource(planner);
        this.athenaSource = new AthenaSource(queries, results != null ? results
                : new io.glaux.results.ResultObjects(store, null), ATHENA_POLL);
        this.stateFolder = stateFolder;
        this.batchRows = batchRows;
        // Datasets and the batches an import reads take their blocks from a pool that keeps the blocks freed (a batch
        // read, a version replaced or deleted) for the next, up to an eighth of the limit kept free: fresh blocks
        // from malloc fault on every page as they are first written, which was a tenth of a Parquet import's thread.
        // Both allocators round to 1 KiB rather than to Arrow's powers of two, which would leave a fixed-width vector
        // (data and validity in one buffer) up to twice its content.
        this.dataMemory = new RecyclingMemory(limits.maxTotalBytes() / 8);
        this.allocator = dataMemory.rootAllocator(limits.maxTotalBytes());
        // What queries compute (a join's result) comes from blocks earlier queries freed, as for live tables, from a
        // pool of its own (an eighth of the limit too), so that blocks an import left do not take its room.
        this.queryMemory = new RecyclingMemory(limits.maxTotalBytes() / 8);
        this.queryAllocator = queryMemory.rootAllocator(limits.maxTotalBytes());
        this.ingestionThread = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "glaux-spice-ingestion");
            thread.setDaemon(true);
            return thread;
        });
        Map<String, SpiceDefinition> definitions = new java.util.HashMap<>();
        if (stateFolder != null) {
            for (SpiceDefinition definition : json.readAll(stateFolder.resolve("datasets"), SpiceDefinition.class)) {
                definitions.put(definition.name(), definition);
            }
        }
        for (SpiceFiles.Header header : files.headers(allocator)) {
            String name = header.definition().name();
            datasets.put(name, SpiceDataset.persisted(header, definitions.getOrDefault(name, header.definition())));
        }
        definitions.forEach((name, definition) -> datasets.computeIfAbsent(name, n -> new SpiceDataset(definition)));
        restoreIngestions();
    }

    /**
     * The caller that ingestions of Athena-backed datasets submit their queries as (QuickSight's service role; null:
     * none, so nothing is checked).
     */
    public void athenaCaller(io.glaux.iam.Principal caller) {
        athenaSource.caller(caller);
    }

    /** Reads the recorded ingestions of the datasets that exist; unfinished ones are failed and recorded so. */
    private void restoreIngestions() {
        if (stateFolder == null) {
            return;
        }
        ErrorInfo interrupted = new ErrorInfo(IngestionErrorType.INTERNAL_SERVICE_ERROR, INTERRUPTED_MESSAGE);
        for (SpiceDataset dataset : datasets.values()) {
            Path folder = ingestionFolder(dataset.name());
            for (IngestionRecord record : json.readAll(folder, IngestionRecord.class)) {
                Ingestion ingestion = new Ingestion(record, interrupted);
                if (!record.status().isFinal()) {
                    LOG.warn("SPICE ingestion {} of {} was interrupted when Glaux stopped; recorded as failed",
                            record.ingestionId(), record.dataSetName());
                    save(ingestion);
                }
                ingestions.put(key(dataset.name(), ingestion.id()), ingestion);
                ingestionSequence.accumulateAndGet(record.sequence(), Math::max);
            }
        }
    }

    private Path ingestionFolder(String dataset) {
        return stateFolder.resolve("ingestions").resolve(dataset);
    }

    private static String key(String dataset, String ingestionId) {
        return dataset + "/" + ingestionId;
    }

    /** Records an ingestion's current state (while it is still one of a dataset that exists). */
    private void save(Ingestion ingestion) {
        if (stateFolder == null) {
            return;
        }
        try {
            json.write(ingestionFolder(ingestion.dataSetName()).resolve(ingestion.id() + ".json"),
                    ingestion.record());
        } catch (RuntimeException e) {
            LOG.warn("Could not record SPICE ingestion {} of {}", ingestion.id(), ingestion.dataSetName(), e);
        }
    }

    /** Moves dataset files kept in a folder by earlier versions into the store at {@code location}, once. */
    public static void adoptFolder(java.nio.file.Path legacyFolder, ObjectStore store, S3Location location)
            throws IOException {
        SpiceFiles.adopt(legacyFolder, store, location);
    }

    /**
     * Defines a dataset (it has no rows until its first ingestion completes). The definition is recorded, so the
     * dataset is found again after a restart even before it has data.
     */
    public SpiceDataset createDataset(SpiceDefinition definition) {
        SpiceDataset created = new SpiceDataset(definition);
        synchronized (fileLock) {
            SpiceDataset existing = datasets.putIfAbsent(definition.name(), created);
            if (existing != null) {
                throw GlauxException.alreadyExists("SPICE dataset " + definition.name() + " already exists");
            }
            if (stateFolder != null) {
                try {
                    json.write(definitionFile(definition.name()), definition);
                } catch (RuntimeException e) {
                    datasets.remove(definition.name(), created);
                    throw e;
                }
            }
        }
        schemaVersion.incrementAndGet();
        return created;
    }

    /**
     * Replaces a dataset's definition (same name): ingestions that start afterwards run the new one, and the current
     * version keeps serving until one of them completes, as QuickSight keeps a dataset's data while an edit is
     * ingested.
     *
     * @throws GlauxException NOT_FOUND when there is no such dataset
     */
    public SpiceDataset redefineDataset(SpiceDefinition definition) {
        synchronized (fileLock) {
            SpiceDataset dataset = dataset(definition.name()).orElseThrow(() -> GlauxException.notFound(
                    "SPICE dataset " + definition.name() + " does not exist"));
            if (stateFolder != null) {
                json.write(definitionFile(definition.name()), definition);
            }
            dataset.redefine(definition);
            return dataset;
        }
    }

    private Path definitionFile(String dataset) {
        return stateFolder.resolve("datasets").resolve(dataset + ".json");
    }

    /** Defines a dataset importing a whole table ({@code database.table} in the given catalog). */
    public SpiceDataset createDatasetFromTable(String name, String catalog, String database, String table) {
        return createDataset(new SpiceDefinition(name, "SELECT * FROM \"" + table.replace("\"", "\"\"") + "\"",
                new QueryContext(catalog, database)));
    }

    public Optional<SpiceDataset> dataset(String name) {
        return Optional.ofNullable(datasets.get(name.toLowerCase(java.util.Locale.ROOT)));
    }

    public List<SpiceDataset> datasets() {
        return datasets.values().stream().sorted(java.util.Comparator.comparing(SpiceDataset::name)).toList();
    }

    /** Queues a full refresh of a dataset; the returned ingestion reports its progress. */
    public Ingestion createIngestion(String datasetName) {
        return createIngestion(datasetName, IngestionType.FULL_REFRESH);
    }

    /**
     * Queues a refresh of a dataset; the returned ingestion reports its progress.
     *
     * <p>An {@link IngestionType#INCREMENTAL_REFRESH} at time T (the service's clock when the ingestion starts
     * running) keeps the current rows whose lookback window column is NULL or before the cutoff
     * {@code T - size * unit} and replaces the rest with the rows of the dataset's query whose window column is at or
     * after the cutoff (see {@link LookbackWindow} for dates). Rows before the cutoff are not read again, even if the
     * source changed or lost them. It fails with {@link IngestionErrorType#SQL_INVALID_PARAMETER_VALUE} when the
     * dataset has no lookback window or its column is missing or not a date or timestamp, and with
     * {@link IngestionErrorType#SQL_SCHEMA_MISMATCH_ERROR} when the query's columns changed since the current
     * version. On a dataset without data yet it imports everything, as a full refresh.
     */
    public Ingestion createIngestion(String datasetName, IngestionType type) {
        java.util.Objects.requireNonNull(type, "type");
        return createIngestion(IngestionRequest.of(datasetName).withIngestionType(type));
    }

    /** Tells {@code listener} of every change of status of the ingestions created from now on. */
    public void addIngestionListener(IngestionListener listener) {
        ingestionListeners.add(java.util.Objects.requireNonNull(listener));
    }

    public void removeIngestionListener(IngestionListener listener) {
        ingestionListeners.remove(listener);
    }

    private void notifyListeners(IngestionStatus previous, Ingestion ingestion) {
        for (IngestionListener listener : ingestionListeners) {
            try {
                listener.statusChanged(previous, ingestion);
            } catch (RuntimeException e) {
                LOG.warn("An ingestion listener failed on ingestion {} of {}", ingestion.id(),
                        ingestion.dataSetName(), e);
            }
        }
    }

    /**
     * CreateIngestion: queues an ingestion of the request's dataset with the request's id (a random UUID when it has
     * none), type, request source and request type. Ingestions run one at a time in the order they were created; one
     * that waits behind an earlier ingestion of the same dataset reports it in {@link Ingestion#queueInfo()}. The
     * ingestion is recorded at once and at each change of state.
     *
     * @throws GlauxException NOT_FOUND when there is no such dataset, ALREADY_EXISTS when the dataset already has an
     *                        ingestion with that id, INVALID_ARGUMENT when Glaux is stopping
     */
    public Ingestion createIngestion(IngestionRequest request) {
        SpiceDataset dataset = dataset(request.dataSetName()).orElseThrow(() -> GlauxException.notFound(
                "SPICE dataset " + request.dataSetName() + " does not exist"));
        String id = request.ingestionId() != null ? request.ingestionId() : UUID.randomUUID().toString();
        String key = key(dataset.name(), id);
        Ingestion ingestion;
        synchronized (ingestions) {
            if (ingestions.containsKey(key)) {
                throw GlauxException.alreadyExists("Ingestion " + id + " of SPICE dataset " + dataset.name()
                        + " already exists");
            }
            ingestion = new Ingestion(id, request.withIngestionId(id), ingestionSequence.incrementAndGet(),
                    dataset.pending());
            ingestions.put(key, ingestion);
            dataset.pending().add(ingestion);
        }
        java.util.concurrent.atomic.AtomicReference<IngestionStatus> last =
                new java.util.concurrent.atomic.AtomicReference<>(IngestionStatus.INITIALIZED);
        ingestion.listener(changed -> {
            if (ingestions.get(key) == changed) {
                save(changed);
            }
            IngestionStatus now = changed.status();
            IngestionStatus before = last.getAndSet(now);
            if (before != now) {
                notifyListeners(before, changed);
            }
        });
        ingestion.queued();
        try {
            ingestionThread.execute(() -> ingest(dataset, ingestion, request.precondition()));
        } catch (RejectedExecutionException e) {
            ingestions.remove(key);
            dataset.pending().remove(ingestion);
            deleteRecord(dataset.name(), id);
            throw new GlauxException(ErrorType.INVALID_ARGUMENT, "Glaux is stopping and accepts no more ingestions");
        }
        return ingestion;
    }

    private void deleteRecord(String dataset, String id) {
        if (stateFolder != null) {
            try {
                java.nio.file.Files.deleteIfExists(ingestionFolder(dataset).resolve(id + ".json"));
            } catch (IOException e) {
                LOG.warn("Could not delete the record of SPICE ingestion {} of {}", id, dataset, e);
            }
        }
    }

    /** DescribeIngestion: the dataset's ingestion with that id. */
    public Optional<Ingestion> ingestion(String datasetName, String ingestionId) {
        return Optional.ofNullable(ingestions.get(key(datasetName.toLowerCase(java.util.Locale.ROOT),
                ingestionId)));
    }

    /** ListIngestions: the dataset's ingestions (recorded ones included), newest first. */
    public List<Ingestion> ingestions(String datasetName) {
        String name = datasetName.toLowerCase(java.util.Locale.ROOT);
        return ingestions.values().stream().filter(ingestion -> ingestion.dataSetName().equals(name))
                .sorted(java.util.Comparator.comparingLong(Ingestion::sequence).reversed()).toList();
    }

    /**
     * Deletes a dataset: SQL no longer sees it (catalog {@value #CATALOG}), its ingestions that have not ended are
     * cancelled, its file is deleted, and its memory is freed once the scans reading it finish. If an ingestion is
     * saving a dataset file at the time, the deletion waits for that save to finish.
     *
     * @throws GlauxException NOT_FOUND when there is no such dataset
     */
    public void deleteDataset(String datasetName) {
        SpiceDataset dataset = dataset(datasetName).orElseThrow(() -> GlauxException.notFound(
                "SPICE dataset " + datasetName + " does not exist"));
        // Under the file lock, so no ingestion of it (or of a new dataset of the same name) writes the file meanwhile.
        synchronized (fileLock) {
            if (!datasets.remove(dataset.name(), dataset)) {
                throw GlauxException.notFound("SPICE dataset " + datasetName + " does not exist");
            }
            schemaVersion.incrementAndGet();
            dataset.delete();
            dataset.pending().forEach(Ingestion::cancel);
            ingestions.values().removeIf(ingestion -> ingestion.dataSetName().equals(dataset.name()));
            try {
                if (stateFolder != null) {
                    java.nio.file.Files.deleteIfExists(definitionFile(dataset.name()));
                    deleteFolder(ingestionFolder(dataset.name()));
                }
                files.delete(dataset.name());
            } catch (IOException e) {
                throw new UncheckedIOException("Could not delete the file of SPICE dataset " + dataset.name(), e);
            }
        }
    }

    /** The ingestion with that id, of whichever dataset (ids are unique per dataset; random ones are unique). */
    public Optional<Ingestion> ingestion(String id) {
        return ingestions.values().stream().filter(ingestion -> ingestion.id().equals(id))
                .max(java.util.Comparator.comparingLong(Ingestion::sequence));
    }

    private static void deleteFolder(Path folder) throws IOException {
        if (!java.nio.file.Files.isDirectory(folder)) {
            return;
        }
        try (var files = java.nio.file.Files.list(folder)) {
            for (Path file : files.toList()) {
                java.nio.file.Files.deleteIfExists(file);
            }
        }
        java.nio.file.Files.deleteIfExists(folder);
    }

    /** Rows in all datasets' current versions. */
    public long totalRows() {
        return datasets.values().stream().mapToLong(SpiceDataset::rows).sum();
    }

    /** Arrow memory held by SPICE now: loaded versions plus any ingestion in progress. */
    public long usedBytes() {
        return allocator.getAllocatedMemory();
    }

    public SpiceLimits limits() {
        return limits;
    }

    public SpiceScanOptions scanOptions() {
        return scanOptions;
    }

    /** How many queries (or query parts) the vectorized operators have answered. */
    public long vectorizedScans() {
        return vectorizedScans.get();
    }

    void recordVectorizedScan() {
        vectorizedScans.incrementAndGet();
    }

    /** How many ingestions read their rows from the source table's objects in columns (not row by row). */
    public long columnarImports() {
        return columnarImports.get();
    }

    /** The threads that help the querying thread scan large datasets. */
    java.util.concurrent.Executor scanExecutor() {
        return scanHelpers;
    }

    /**
     * Arrow memory for what one query computes from datasets (a join's result), as much as SPICE's capacity at most
     * for all queries together; the query closes it.
     */
    BufferAllocator newQueryAllocator(String name) {
        return queryAllocator.newChildAllocator(name, 0, limits.maxTotalBytes());
    }

    /** Changes whenever a dataset appears or disappears or gets a new version, for the planner's plan cache. */
    public long schemaVersion() {
        return schemaVersion.get();
    }

    /** The Calcite schema of catalog {@value #CATALOG}. */
    public SpiceCatalogSchema schema() {
        return new SpiceCatalogSchema(this);
    }

    private void ingest(SpiceDataset dataset, Ingestion ingestion, Supplier<ErrorInfo> precondition) {
        try {
            run(dataset, ingestion, precondition);
        } finally {
            dataset.pending().remove(ingestion);
        }
    }

    private void run(SpiceDataset dataset, Ingestion ingestion, Supplier<ErrorInfo> precondition) {
        if (ingestion.cancelFlag().get() || dataset.isDeleted()) {
            ingestion.cancelled(dataset.rows());
            return;
        }
        ingestion.running();
        try {
            ErrorInfo unmet = precondition.get();
            if (unmet != null) {
                throw new IngestionFailure(unmet);
            }
            IngestionSource source = dataset.definition().workgroup() != null ? athenaSource : plannerSource;
            SpiceImporter importer = new SpiceImporter(source, limits, allocator, batchRows,
                    columnarImports::incrementAndGet);
            SpiceVersion version = ingestion.type() == IngestionType.INCREMENTAL_REFRESH
                    ? importer.importWindow(dataset.definition(), ingestion, () -> acquire(dataset), clock.instant())
                    : importer.importRows(dataset.definition(), ingestion);
            synchronized (fileLock) {
                if (dataset.isDeleted() || ingestion.cancelFlag().get()) {
                    version.release();
                    throw new CancellationException("Ingestion was cancelled");
                }
                try {
                    files.write(dataset.definition(), version, allocator);
                } catch (IOException | RuntimeException e) {
                    version.release();
                    throw new IngestionFailure(IngestionErrorType.INTERNAL_SERVICE_ERROR,
                            "Could not save the dataset: " + e.getMessage(), e);
                }
                dataset.install(version);
                // Plans depend on the data too (column ranges decide the vectorized arithmetic), so any new
                // version invalidates cached plans.
                schemaVersion.incrementAndGet();
                ingestion.completed(dataset.rows(), version.bytes());
            }
        } catch (CancellationException e) {
            ingestion.cancelled(dataset.rows());
        } catch (RuntimeException e) {
            if (ingestion.cancelFlag().get()) {
                // Whatever broke while the ingestion was being stopped, it was stopped.
                ingestion.cancelled(dataset.rows());
            } else if (e instanceof IngestionFailure failure) {
                ingestion.failed(failure.errorInfo(), dataset.rows());
            } else {
                ingestion.failed(new ErrorInfo(IngestionErrorType.INTERNAL_SERVICE_ERROR,
                        String.valueOf(e.getMessage())), dataset.rows());
            }
        } catch (Error e) {
            // The ingestion must still end (callers wait for it); the error itself goes on to the thread.
            ingestion.failed(new ErrorInfo(IngestionErrorType.INTERNAL_SERVICE_ERROR, String.valueOf(e)),
                    dataset.rows());
            throw e;
        }
    }

    /** The size of a dataset's Arrow IPC file (0 before its first completed ingestion). */
    public long fileBytes(String datasetName) throws IOException {
        SpiceDataset dataset = dataset(datasetName).orElseThrow(() -> GlauxException.notFound(
                "SPICE dataset " + datasetName + " does not exist"));
        return files.size(dataset.name());
    }

    /**
     * The dataset's current version for a scan (loading it from its file if needed), or null if it has no data (or
     * was deleted).
     */
    SpiceVersion acquire(SpiceDataset dataset) {
        SpiceVersion loaded = dataset.acquireLoaded();
        if (loaded != null || !dataset.hasData()) {
            return loaded;
        }
        synchronized (dataset) {
            loaded = dataset.acquireLoaded();
            if (loaded != null || !dataset.hasData()) {
                return loaded;
            }
            BufferAllocator versionAllocator = allocator.newChildAllocator("spice-" + dataset.name(), 0,
                    Long.MAX_VALUE);
            try {
                SpiceVersion version = files.load(dataset.name(), versionAllocator);
                dataset.install(version);
            } catch (OutOfMemoryException e) {
                versionAllocator.close();
                throw new GlauxException(ErrorType.LIMIT_EXCEEDED, "SPICE capacity of " + limits.maxTotalBytes()
                        + " bytes is too small to load dataset " + dataset.name());
            } catch (IOException e) {
                versionAllocator.close();
                throw new UncheckedIOException("Could not load SPICE dataset " + dataset.name(), e);
            }
            return dataset.acquireLoaded();
        }
    }

    /**
     * Asks every queued and running ingestion to stop, without waiting: each ends CANCELLED with ErrorInfo
     * {@link IngestionErrorType#INGESTION_CANCELED} ({@value #STOPPED_MESSAGE}). No more ingestions are accepted.
     * {@link #close()} does this too; callers stopping several services signal them all first.
     */
    public void stopIngestions() {
        ErrorInfo reason = new ErrorInfo(IngestionErrorType.INGESTION_CANCELED, STOPPED_MESSAGE);
        // Refuse new ones first, so none slips in after the loop below.
        ingestionThread.shutdown();
        ingestions.values().forEach(ingestion -> ingestion.stop(reason));
    }

    /**
     * Stops ingestions ({@link #stopIngestions()}), waits for them to end (queued ones end at once, a running one
     * within about a second; an ingestion already saving its new version completes), then frees all SPICE memory;
     * the files stay. An ingestion still running after {@link #STOP_TIMEOUT} is reported CANCELLED regardless and
     * its memory is left to the process's end.
     */
    @Override
    public void close() {
        stopIngestions();
        // Helpers finish the batches they hold and skip the rest, their queries being cancelled; queued helper tasks
        // still run (and return at once), so no query waits for a helper that never comes.
        scanHelpers.shutdown();
        boolean stopped = false;
        try {
            stopped = ingestionThread.awaitTermination(STOP_TIMEOUT.toMillis(),
                    java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!stopped) {
            LOG.warn("A SPICE ingestion did not stop within {}; recorded as cancelled", STOP_TIMEOUT);
            for (Ingestion ingestion : ingestions.values()) {
                if (!ingestion.status().isFinal()) {
                    ingestion.cancelled(dataset(ingestion.dataSetName()).map(SpiceDataset::rows).orElse(0L));
                }
            }
            return;
        }
        datasets.values().forEach(SpiceDataset::unload);
        try (dataMemory; queryMemory) {
            allocator.close();
            queryAllocator.close();
        }
    }
}
