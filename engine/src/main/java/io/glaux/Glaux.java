package io.glaux;

import io.glaux.catalog.Catalog;
import io.glaux.catalog.Database;
import io.glaux.catalog.FileCatalog;
import io.glaux.catalog.TableDefinition;
import io.glaux.datacatalog.DataCatalogService;
import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.exec.QueryAccess;
import io.glaux.exec.QueryExecution;
import io.glaux.exec.QueryHistory;
import io.glaux.exec.QueryRequest;
import io.glaux.exec.QueryService;
import io.glaux.exec.QueryState;
import io.glaux.exec.StatementExecutor;
import io.glaux.format.FormatRegistry;
import io.glaux.results.ResultObjects;
import io.glaux.results.ResultReader;
import io.glaux.saved.NamedQueryStore;
import io.glaux.saved.PreparedStatementStore;
import io.glaux.kms.Kms;
import io.glaux.sql.CalciteDefaults;
import io.glaux.sql.PreparedQuery;
import io.glaux.sql.QueryContext;
import io.glaux.sql.LazyOperatorTable;
import io.glaux.sql.CatalogVersions;
import io.glaux.sql.QueryPlanner;
import io.glaux.connector.ConnectorFactory;
import io.glaux.sql.catalog.CatalogRegistry;
import io.glaux.sql.connector.FederatedCatalogs;
import io.glaux.sql.catalog.SchemaCatalog;
import io.glaux.sql.schema.GlueCatalog;
import io.glaux.sql.vector.VectorRuntime;
import io.glaux.spice.SpiceLimits;
import io.glaux.spice.SpiceScanOptions;
import io.glaux.spice.SpiceService;
import io.glaux.sql.scan.ScanContext;
import io.glaux.sql.scan.TableScanner;
import io.glaux.storage.LocalFolderStore;
import io.glaux.storage.ObjectStore;
import io.glaux.storage.crypto.EncryptingStore;
import io.glaux.storage.crypto.EnvelopeKeys;
import io.glaux.storage.crypto.ClientSideEncryption;
import io.glaux.storage.crypto.DataKeys;
import io.glaux.storage.S3CompatibleStore;
import io.glaux.storage.S3Location;
import io.glaux.storage.S3StoreConfig;
import io.glaux.workgroup.WorkgroupService;
import io.glaux.sql.function.TrinoFunctionRewriter;
import io.glaux.sql.function.TrinoFunctions;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.sql.util.SqlOperatorTables;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Glaux embedded: a store, the Glue-like catalog, workgroups and the query service, wired together. Build one over a
 * data folder (objects kept in its bucket folders) or over any S3-compatible endpoint (the data folder then keeps
 * only the catalog, workgroups and query history):
 *
 * <pre>{@code
 * try (Glaux glaux = Glaux.builder().dataFolder(Path.of("glaux-data")).build()) {
 *     QueryExecution done = glaux.execute("SELECT 1");
 *     QueryResults results = glaux.results(done.queryExecutionId());
 * }
 * }</pre>
 */
public final class Glaux implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Glaux.class);

    static {
        CalciteDefaults.apply();
    }

    /** Where SPICE keeps its datasets' Arrow files, in the same store as every other object. */
    public static final String SPICE_LOCATION = "s3://glaux-spice/datasets/";

    /** The folder of the metadata folder keeping SPICE dataset definitions and ingestion records. */
    static final String SPICE_STATE_FOLDER = "spice-state";

    /** Where the primary workgroup writes results unless configured otherwise. */
    public static final String DEFAULT_OUTPUT_LOCATION = "s3://glaux-query-results/";

    /** The account and region whose KMS keys Glaux's own writes use (S3's and Athena's writes use their caller's). */
    private static final String OWN_ACCOUNT = "000000000000";
    private static final String OWN_REGION = "us-east-1";

    private final ObjectStore store;
    private final ResultObjects results;
    private final Kms kms;
    private final Catalog catalog;
    private final WorkgroupService workgroups;
    private final DataCatalogService dataCatalogs;
    private final QueryService queries;
    private final StatementExecutor statements;
    private final QueryPlanner planner;
    private final CatalogRegistry catalogs;
    private final FederatedCatalogs federated;
    private final NamedQueryStore namedQueries;
    private final PreparedStatementStore preparedStatements;
    private final Path dataFolder;
    private final SpiceService spice;
    /** Where queries that aggregate live tables run vectorized; null when they run row by row. */
    private final VectorRuntime vectors;
    private boolean closed;

    private Glaux(Builder builder) throws IOException {
        this.dataFolder = builder.dataFolder;
        Path metadata = dataFolder.resolve(".glaux");
        // KMS's keys live in the data folder's metadata (<data>/.glaux/kms), one store per account and region.
        this.kms = new Kms(dataFolder, java.time.Clock.systemUTC(), builder.syncWrites);
        DataKeys dataKeys = new DataKeys(kms, OWN_ACCOUNT, OWN_REGION);
        java.security.SecureRandom random = new java.security.SecureRandom();
        // Objects written with an encryption are encrypted at rest by the embedded store; an S3-compatible endpoint
        // encrypts (or not) by itself.
        this.store = builder.s3 != null
                ? new S3CompatibleStore(builder.s3, metadata.resolve("store").resolve("staging"))
                : new EncryptingStore(new LocalFolderStore(dataFolder, builder.syncWrites),
                new EnvelopeKeys(dataFolder, builder.syncWrites, dataKeys, random));
        // Query results are encrypted as their query asks, CSE_KMS in the S3 Encryption Client's envelope.
        this.results = new ResultObjects(store, new ClientSideEncryption(dataKeys, random));
        this.catalog = new FileCatalog(metadata.resolve("catalog"));
        this.workgroups = new WorkgroupService(metadata.resolve("workgroups"), builder.defaultOutputLocation);
        this.dataCatalogs = new DataCatalogService(metadata.resolve("datacatalogs"));
        this.namedQueries = new NamedQueryStore(metadata.resolve("named-queries"), workgroups);
        this.preparedStatements = new PreparedStatementStore(metadata.resolve("prepared-statements"), workgroups);
        S3Location defaultOutput = S3Location.parse(builder.defaultOutputLocation);
        store.createBucket(defaultOutput.bucket());
        FormatRegistry formats = FormatRegistry.defaults();
        this.catalogs = new CatalogRegistry();
        this.vectors = builder.liveVectorized ? new VectorRuntime(builder.spiceScanOptions.threads(),
                builder.liveVectorMemory, builder.spiceBatchRows) : null;
        catalogs.register(new GlueCatalog(QueryContext.DEFAULT_CATALOG, catalog,
                new TableScanner(catalog, store, formats), vectors));
        S3Location spiceLocation = S3Location.parse(SPICE_LOCATION);
        SpiceService.adoptFolder(metadata.resolve("spice"), store, spiceLocation);
        // SPICE runs Athena-path ingestions through the query service, which is built after it (it plans with a
        // planner that sees SPICE's catalog), hence the method reference.
        this.spice = new SpiceService(store, spiceLocation, builder.spiceLimits, builder.spiceScanOptions,
                this::planner, this::queries, results, metadata.resolve(SPICE_STATE_FOLDER), builder.spiceBatchRows,
                builder.spiceClock);
        catalogs.register(new SchemaCatalog(SpiceService.CATALOG, spice.schema(), spice::schemaVersion));
        this.federated = new FederatedCatalogs(dataCatalogs);
        builder.connectorFactories.forEach(federated::addFactory);
        catalogs.addResolver(federated);
        CalciteSchema root = CalciteSchema.createRootSchema(false, false, "", catalogs.rootSchema());
        this.planner = new QueryPlanner(root,
                new LazyOperatorTable(() -> SqlOperatorTables.chain(TrinoFunctions.operatorTable(),
                        TrinoFunctions.libraryOperators())),
                List.of(TrinoFunctionRewriter::new), CatalogVersions.of(catalogs::version, catalogs::version),
                builder.planCacheSize);
        this.statements = new StatementExecutor(catalog, catalogs, planner, store, results, formats,
                preparedStatements);
        this.queries = new QueryService(statements, workgroups,
                new QueryHistory(metadata.resolve("history"), builder.syncWrites), builder.maxConcurrentQueries,
                builder.maxQueuedQueries, builder.memoryLimit);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Runs a statement in the default context and waits for it to finish (whatever its final state). */
    public QueryExecution execute(String sql) {
        return execute(QueryRequest.of(sql));
    }

    /** Runs a statement and waits for it to finish (whatever its final state). */
    public QueryExecution execute(QueryRequest request) {
        QueryExecution submitted = queries.submit(request);
        try {
            return queries.await(submitted.queryExecutionId(), Duration.ofDays(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            queries.cancel(submitted.queryExecutionId());
            throw new GlauxException(ErrorType.USER_ERROR, "Interrupted while waiting for the query");
        }
    }

    /**
     * Plans and runs a tiny query outside the query service (no history, no result object), then reads one row of the
     * first table the catalog holds, so the first real query does not pay for loading the planner, code generator,
     * runtime and readers (Parquet's and Hadoop's classes initialise on first use). The benchmarks call it before they
     * time queries; {@code glaux serve} does not (its start-up archives hold those classes already, and a warm-up beside
     * the start only took a core from it). A table that cannot be read is left for its queries to report.
     */
    public void warmUp() {
        runQuietly("SELECT x, count(*) AS n, sum(y) AS s FROM (VALUES (1, 2.5), (2, 3.5)) AS t(x, y) GROUP BY x"
                + " ORDER BY x");
        for (Database database : catalog.listDatabases()) {
            for (TableDefinition table : catalog.listTables(database.name())) {
                if (!table.isView()) {
                    try {
                        runQuietly("SELECT * FROM \"" + database.name() + "\".\"" + table.name() + "\" LIMIT 1");
                    } catch (RuntimeException e) {
                        LOG.debug("Warm-up read of {}.{} failed", database.name(), table.name(), e);
                    }
                    return;
                }
            }
        }
    }

    /**
     * Makes what the queries of this process share and the first query would otherwise make: the planner's tables
     * (Calcite's rule instances, the function table; {@link QueryPlanner#loadSharedTables()}) and Arrow's schema
     * reader ({@link VectorRuntime#loadSharedTables()}). Safe from any thread, at any time.
     */
    public static void loadSharedTables() {
        QueryPlanner.loadSharedTables();
        VectorRuntime.loadSharedTables();
    }

    /** Runs a query outside the query service and reads all its rows. */
    private void runQuietly(String sql) {
        PreparedQuery query = planner.prepare(sql, QueryContext.DEFAULT, List.of());
        AtomicBoolean cancelled = new AtomicBoolean();
        try (Enumerator<Object[]> rows = query.run(new ScanContext(cancelled, Long.MAX_VALUE), cancelled)) {
            while (rows.moveNext()) {
                rows.current();
            }
        }
    }

    /** Reads a succeeded query's result object back, as a client would (Glaux itself decrypting it). */
    public QueryResults results(String queryExecutionId) throws IOException {
        return results(queryExecutionId, null);
    }

    /**
     * Reads a succeeded query's result object back as {@code caller} reads it: encrypted results need the caller's
     * use of their KMS key (an {@link io.glaux.iam.AccessDeniedException} otherwise, with IAM enforced).
     */
    public QueryResults results(String queryExecutionId, io.glaux.iam.Principal caller) throws IOException {
        QueryExecution execution = queries.get(queryExecutionId).orElseThrow(() -> new GlauxException(
                ErrorType.INVALID_ARGUMENT, "QueryExecution " + queryExecutionId + " was not found"));
        if (execution.state() != QueryState.SUCCEEDED) {
            throw new GlauxException(ErrorType.INVALID_ARGUMENT, "Query has not yet finished. Current state: "
                    + execution.state());
        }
        S3Location object = S3Location.parse(execution.result().resultObject());
        List<List<String>> rows = new ArrayList<>();
        try (ResultReader reader = ResultReader.open(results, object, caller)) {
            boolean header = object.key().endsWith(".csv");
            for (List<String> row = reader.next(); row != null; row = reader.next()) {
                if (header) {
                    header = false;
                } else {
                    rows.add(row);
                }
            }
        }
        return new QueryResults(execution.result().columns(), rows);
    }

    public ObjectStore store() {
        return store;
    }

    /** Query result objects as Athena writes and reads them for a caller (encrypted as the query asks). */
    public ResultObjects resultObjects() {
        return results;
    }

    /** The key service whose keys SSE-KMS objects and KMS's API use. */
    public Kms kms() {
        return kms;
    }

    public Catalog catalog() {
        return catalog;
    }

    public WorkgroupService workgroups() {
        return workgroups;
    }

    /** The data catalogs registered with CreateDataCatalog, besides AwsDataCatalog (which {@link #catalog()} is). */
    public DataCatalogService dataCatalogs() {
        return dataCatalogs;
    }

    public QueryService queries() {
        return queries;
    }

    /**
     * Checks the queries of a caller ({@link io.glaux.exec.QueryRequest#principal()}) against {@code access} before
     * they read (the server's IAM enforcement); {@link QueryAccess#NONE}, the default, checks nothing.
     */
    public void queryAccess(QueryAccess access) {
        statements.access(access);
    }

    /** Saved (named) queries, by workgroup. */
    public NamedQueryStore namedQueries() {
        return namedQueries;
    }

    /** Prepared statements, by workgroup; PREPARE, EXECUTE and DEALLOCATE PREPARE use them too. */
    public PreparedStatementStore preparedStatements() {
        return preparedStatements;
    }

    /** Every catalog SQL can name: {@code awsdatacatalog}, {@code spice} and the federated ones. */
    public CatalogRegistry catalogs() {
        return catalogs;
    }

    /**
     * The federated catalogs (LAMBDA and FEDERATED data catalogs, {@code "lambda:<function>"}); connector factories
     * can be added after start, as a server adds its Lambda functions once its port is known.
     */
    public FederatedCatalogs federatedCatalogs() {
        return federated;
    }

    public QueryPlanner planner() {
        return planner;
    }

    public Path dataFolder() {
        return dataFolder;
    }

    /** How many queries over live tables the vectorized operators have answered (0 when they are turned off). */
    public long liveVectorizedScans() {
        return vectors == null ? 0 : vectors.scans();
    }

    /**
     * How many parts of objects (whole objects, or the byte ranges large ones are cut into so that every scan
     * thread reads) those queries have read.
     */
    public long liveVectorizedParts() {
        return vectors == null ? 0 : vectors.parts();
    }

    /** Arrow memory the vectorized queries over live tables hold now (none between queries). */
    public long liveVectorMemoryInUse() {
        return vectors == null ? 0 : vectors.allocatedBytes();
    }

    /** SPICE datasets, queryable as catalog {@code spice}. */
    public SpiceService spice() {
        return spice;
    }

    /**
     * Stops Glaux: queued and running queries end CANCELLED (reason {@value QueryService#CANCELLED_BY_SHUTDOWN}) and
     * running SPICE ingestions CANCELLED with an ErrorInfo saying so; their work stops within about a second and every
     * query is recorded in the history before this returns. Closing again (say, from a shutdown hook as well as the
     * main thread) waits for the first close and does nothing more.
     */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        // Signal everything first, so queries and ingestions unwind at the same time.
        try {
            spice.stopIngestions();
            queries.close();
        } finally {
            try {
                spice.close();
                federated.close();
                if (vectors != null) {
                    vectors.close();
                }
            } finally {
                store.close();
            }
        }
    }

    /** Options for {@link Glaux}. */
    public static final class Builder {
        private Path dataFolder = Path.of("glaux-data");
        private S3StoreConfig s3;
        private int maxConcurrentQueries = Math.max(2, Runtime.getRuntime().availableProcessors());
        private int maxQueuedQueries = 1000;
        private String defaultOutputLocation = DEFAULT_OUTPUT_LOCATION;
        private int planCacheSize = 256;
        private double memoryLimit = 0.9;
        private boolean syncWrites = true;
        private SpiceLimits spiceLimits = SpiceLimits.defaults();
        private SpiceScanOptions spiceScanOptions = SpiceScanOptions.defaults();
        private boolean liveVectorized = true;
        private long liveVectorMemory = Runtime.getRuntime().maxMemory() / 4;
        private Clock spiceClock = Clock.systemUTC();
        private int spiceBatchRows = SpiceService.DEFAULT_BATCH_ROWS;
        private final List<ConnectorFactory> connectorFactories = new ArrayList<>();

        /** The folder for catalog, workgroups and history, and the objects themselves unless {@link #s3} is set. */
        public Builder dataFolder(Path folder) {
            this.dataFolder = Objects.requireNonNull(folder);
            return this;
        }

        /** Keep objects in an S3-compatible store (MinIO, s3proxy, AWS S3) instead of the data folder. */
        public Builder s3(S3StoreConfig config) {
            this.s3 = config;
            return this;
        }

        public Builder maxConcurrentQueries(int count) {
            this.maxConcurrentQueries = count;
            return this;
        }

        /**
         * The share of the maximum heap (0 to 1) running queries may keep in use after a garbage collection; beyond it
         * the query that allocated the most fails with Athena's "Query exhausted resources at this scale factor".
         * Default 0.9.
         */
        public Builder memoryLimit(double fraction) {
            this.memoryLimit = fraction;
            return this;
        }

        public Builder maxQueuedQueries(int count) {
            this.maxQueuedQueries = count;
            return this;
        }

        /**
         * Compiled query plans kept for reuse by statement text, context and parameters; any catalog change drops
         * them all. 0 plans every statement afresh. Default 256.
         */
        public Builder planCacheSize(int plans) {
            if (plans < 0) {
                throw new IllegalArgumentException("planCacheSize must not be negative");
            }
            this.planCacheSize = plans;
            return this;
        }

        /**
         * Whether query history records and objects in the data folder (results, CTAS/INSERT data) are forced to
         * disk before they are published. Off, they are still published atomically and survive a crash of the
         * process, but an OS crash or power cut may lose the latest ones; each query then saves several fsyncs,
         * which is most of a small query's time on a busy disk. The catalog is always forced. Default on.
         */
        public Builder syncWrites(boolean sync) {
            this.syncWrites = sync;
            return this;
        }

        /** SPICE row and memory limits. Default 1 billion rows per dataset, half the maximum heap in total. */
        public Builder spiceLimits(SpiceLimits limits) {
            this.spiceLimits = Objects.requireNonNull(limits);
            return this;
        }

        /**
         * Threads per vectorized scan (of SPICE datasets and of live tables) and whether the vectorized operators run
         * over SPICE. Default: all processors, vectorized.
         */
        public Builder spiceScanOptions(SpiceScanOptions options) {
            this.spiceScanOptions = Objects.requireNonNull(options);
            return this;
        }

        /**
         * Whether queries that aggregate a live table, or take its top N, run on the vectorized operators over its
         * columns read for the query (see {@link #liveVectorMemory}), rather than row by row. Default true; both give the
         * same answers.
         */
        public Builder liveVectorized(boolean enabled) {
            this.liveVectorized = enabled;
            return this;
        }

        /**
         * The Arrow memory all vectorized queries over live tables may hold together (the columns each reads). A query
         * estimated to need more than half of it runs row by row; one that passes it while reading fails with
         * Athena's "Query exhausted resources at this scale factor". Default a quarter of the maximum heap.
         */
        public Builder liveVectorMemory(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("liveVectorMemory must be at least 1 byte");
            }
            this.liveVectorMemory = bytes;
            return this;
        }

        /** The clock SPICE incremental refreshes take their refresh time from. Default: the system clock (UTC). */
        public Builder spiceClock(Clock clock) {
            this.spiceClock = Objects.requireNonNull(clock);
            return this;
        }

        /**
         * Rows per Arrow record batch in the SPICE datasets this instance imports (datasets loaded from their files
         * keep the batches they were written with), and in the columns vectorized queries read from live tables.
         * Default 65,536; tests choose small batches to cover batch boundaries and scans split over many batches.
         */
        public Builder spiceBatchRows(int rows) {
            if (rows < 1) {
                throw new IllegalArgumentException("spiceBatchRows must be at least 1");
            }
            this.spiceBatchRows = rows;
            return this;
        }

        /**
         * Adds a maker of connectors for LAMBDA and FEDERATED data catalogs (and {@code "lambda:<function>"});
         * factories are asked in the order added.
         */
        public Builder connectorFactory(ConnectorFactory factory) {
            this.connectorFactories.add(Objects.requireNonNull(factory));
            return this;
        }

        /** The primary workgroup's output location when Glaux first creates it. */
        public Builder defaultOutputLocation(String location) {
            this.defaultOutputLocation = location;
            return this;
        }

        public Glaux build() throws IOException {
            return new Glaux(this);
        }
    }
}
