package io.glaux.spice;

import io.glaux.format.ColumnBatch;
import io.glaux.format.ZonedTimestamp;
import io.glaux.format.csv.QuotedCsvBatchSource;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;
import io.glaux.catalog.ddl.StatementType;
import io.glaux.error.GlauxException;
import io.glaux.exec.QueryExecution;
import io.glaux.exec.QueryRequest;
import io.glaux.exec.QueryService;
import io.glaux.exec.QueryState;
import io.glaux.iam.AccessDeniedException;
import io.glaux.iam.Principal;
import io.glaux.results.AthenaCsv;
import io.glaux.results.ColumnInfo;
import io.glaux.results.ResultMetadata;
import io.glaux.results.ResultObjects;
import io.glaux.storage.NoSuchObjectException;
import io.glaux.storage.S3Location;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.calcite.avatica.util.ByteString;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * Reads a dataset as QuickSight reads an Athena data source: the statement runs as an Athena query execution in the
 * definition's workgroup and context (listed by ListQueryExecutions, with its result object), the ingestion waits for
 * it (stopping it with StopQueryExecution when the ingestion is cancelled meanwhile), then streams the result object
 * {@code <id>.csv} back (decrypted as the caller when its results are encrypted), typed by {@code <id>.csv.metadata} (or the execution's column info when that
 * object is missing). A field that does not read as its column's type makes its row {@link SourceRows#UNREADABLE}.
 * The importer reads the result object in columns ({@link QuotedCsvBatchSource}: parsed from its bytes, the rows and
 * values of the row-by-row reading, unreadable rows left out and counted as dropped) unless it needs rows (declared
 * dataset columns) or the system property {@value #COLUMNAR_PROPERTY} is {@code false}.
 * The query is submitted as {@link #caller(Principal)} (QuickSight's service role when a server sets one), so Athena
 * checks its reads and result write against that caller's permissions.
 */
final class AthenaSource implements IngestionSource {

    /** Set to {@code false}, result objects are read row by row (to compare, or to rule the columnar reader out). */
    static final String COLUMNAR_PROPERTY = "glaux.spice.athenaColumnar";

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    /** The most bytes of a result object read to check its header before its rows are read from its start again. */
    private static final int HEADER_LIMIT = 1 << 20;

    private final Supplier<QueryService> queries;
    private final ResultObjects results;
    private final Duration poll;
    private final boolean columnar;
    private volatile Principal caller;

    AthenaSource(Supplier<QueryService> queries, ResultObjects results, Duration poll) {
        this(queries, results, poll, Boolean.parseBoolean(System.getProperty(COLUMNAR_PROPERTY, "true")));
    }

    /** @param columnar whether result objects may be read in columns */
    AthenaSource(Supplier<QueryService> queries, ResultObjects results, Duration poll, boolean columnar) {
        this.queries = queries;
        this.results = results;
        this.poll = poll;
        this.columnar = columnar;
    }

    /** The caller the queries are submitted as from now on (null: none, nothing is checked). */
    void caller(Principal principal) {
        this.caller = principal;
    }

    @Override
    public Optional<List<Column>> columns(SpiceDefinition definition) {
        return Optional.empty();
    }

    @Override
    public SourceRows open(SpiceDefinition definition, String sql, Ingestion ingestion) {
        QueryService service = queries == null ? null : queries.get();
        if (service == null) {
            throw new IngestionFailure(IngestionErrorType.INVALID_DATA_SOURCE_CONFIG, "Dataset " + definition.name()
                    + " reads through Athena, but this SPICE service has no Athena query service");
        }
        if (ingestion.cancelFlag().get()) {
            throw new CancellationException("Ingestion was cancelled");
        }
        QueryExecution submitted;
        try {
            submitted = service.submit(new QueryRequest(sql, definition.context(), definition.workgroup(), null,
                    null, List.of()).withPrincipal(caller));
        } catch (GlauxException e) {
            if (ingestion.cancelFlag().get()) {
                throw new CancellationException("Ingestion was cancelled");
            }
            throw new IngestionFailure(IngestionErrors.fromSubmit(definition.workgroup(), e), e);
        }
        String id = submitted.queryExecutionId();
        ingestion.queryExecutionId(id);
        QueryExecution done = await(service, id, ingestion);
        if (done.state() != QueryState.SUCCEEDED) {
            throw new IngestionFailure(IngestionErrors.fromQuery(done));
        }
        if (done.statementType() != StatementType.DML || done.result() == null
                || !done.result().resultObject().endsWith(".csv")) {
            throw new IngestionFailure(IngestionErrorType.SQL_EXCEPTION, "The SQL of dataset " + definition.name()
                    + " is not a query: Athena ran it as " + done.statementType());
        }
        return read(done, ingestion);
    }

    /** Waits for the query to end; stops it and throws CancellationException when the ingestion is cancelled. */
    private QueryExecution await(QueryService service, String id, Ingestion ingestion) {
        try {
            while (true) {
                QueryExecution execution = service.await(id, poll);
                if (execution.state().isTerminal()) {
                    if (execution.state() == QueryState.CANCELLED && ingestion.cancelFlag().get()) {
                        throw new CancellationException("Ingestion was cancelled");
                    }
                    return execution;
                }
                if (ingestion.cancelFlag().get()) {
                    stop(service, id);
                    throw new CancellationException("Ingestion was cancelled");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(service, id);
            throw new CancellationException("Interrupted while waiting for Athena query " + id);
        }
    }

    /** StopQueryExecution, then a short wait so the query is CANCELLED before the ingestion reports it. */
    private static void stop(QueryService service, String id) {
        service.cancel(id);
        try {
            service.await(id, Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private SourceRows read(QueryExecution done, Ingestion ingestion) {
        S3Location object = S3Location.parse(done.result().resultObject());
        String name = object.toString();
        List<ColumnInfo> infos;
        try {
            infos = metadataColumns(object, done);
        } catch (IOException e) {
            throw new IngestionFailure(IngestionErrors.fromRead(name, e), e);
        } catch (AccessDeniedException denied) {
            throw decryptionRefused(name, denied);
        }
        List<Column> columns = new ArrayList<>(infos.size());
        for (ColumnInfo info : infos) {
            columns.add(new Column(info.name(), athenaType(info)));
        }
        InputStream in = null;
        try {
            in = results.open(object, 0, caller);
            return resultRows(name, in, columns, columnar, ingestion::addDropped);
        } catch (IOException e) {
            closeQuietly(in);
            throw new IngestionFailure(IngestionErrors.fromRead(name, e), e);
        } catch (AccessDeniedException denied) {
            closeQuietly(in);
            throw decryptionRefused(name, denied);
        }
    }

    /**
     * The rows of result object {@code name}, whose header is checked first (it must name {@code columns.size()}
     * columns), readable in columns when {@code columnar}; rows the batches leave out are told to {@code dropped}.
     */
    static SourceRows resultRows(String name, InputStream in, List<Column> columns, boolean columnar,
                                 LongConsumer dropped) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 64 * 1024);
        buffered.mark(HEADER_LIMIT);
        List<String> header = new AthenaCsv.RowReader(new InputStreamReader(buffered, StandardCharsets.UTF_8)).next();
        if (header == null || header.size() != columns.size()) {
            throw new IOException("its header does not match its " + columns.size() + " columns");
        }
        buffered.reset();
        return new CsvRows(name, buffered, columns, columnar, dropped);
    }

    /** The caller may not decrypt the encrypted results: KMS's sentence and the grant that would allow it. */
    private static IngestionFailure decryptionRefused(String object, AccessDeniedException denied) {
        return new IngestionFailure(IngestionErrorType.PERMISSION_DENIED, "Decryption error reading the query result "
                + object + ": " + denied.messageWithFix());
    }

    private List<ColumnInfo> metadataColumns(S3Location csv, QueryExecution done) throws IOException {
        S3Location metadata = new S3Location(csv.bucket(), csv.key() + ".metadata");
        try (InputStream in = results.open(metadata, 0, caller)) {
            return JSON.readValue(in, ResultMetadata.class).columns();
        } catch (NoSuchObjectException e) {
            return done.result().columns();
        }
    }

    /** The Athena type of a result column; types SPICE cannot hold come back as such (the importer refuses them). */
    static AthenaType athenaType(ColumnInfo info) {
        return switch (info.type()) {
            case "boolean" -> AthenaType.BOOLEAN;
            case "tinyint" -> AthenaType.TINYINT;
            case "smallint" -> AthenaType.SMALLINT;
            case "integer", "int" -> AthenaType.INT;
            case "bigint" -> AthenaType.BIGINT;
            case "float", "real" -> AthenaType.FLOAT;
            case "double" -> AthenaType.DOUBLE;
            case "decimal" -> new AthenaType.Decimal(info.precision(), info.scale());
            case "varchar" -> info.precision() > 0 && info.precision() <= 65535
                    ? new AthenaType.Varchar(info.precision()) : AthenaType.STRING;
            // json is imported as its text, as QuickSight imports Athena's json columns as strings.
            // char(n) stays char(n): held without its trailing spaces (the result object shows them padded).
            case "char" -> new AthenaType.Char(info.precision());
            case "string", "json" -> AthenaType.STRING;
            case "date" -> AthenaType.DATE;
            // A zoned column is imported as its instant.
            case "timestamp", "timestamp with time zone" -> AthenaType.TIMESTAMP;
            case "varbinary" -> AthenaType.BINARY;
            case "map" -> new AthenaType.Map(AthenaType.STRING, AthenaType.STRING);
            case "row" -> new AthenaType.Struct(List.of());
            // array, and types no table can hold (time, intervals, unknown): SPICE cannot hold them either.
            default -> new AthenaType.Array(AthenaType.STRING);
        };
    }

    /** {@link #value}, or null when the text does not read as the type: the row path's reading for the batches. */
    static Object readOrNull(String text, AthenaType type) {
        try {
            return value(text, type);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A field of the result CSV as a value of its column ({@link io.glaux.format.Values} form). */
    static Object value(String text, AthenaType type) {
        return switch (type.kind()) {
            case BOOLEAN -> switch (text) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException("Not a boolean: " + text);
            };
            case TINYINT -> Byte.parseByte(text);
            case SMALLINT -> Short.parseShort(text);
            case INT -> Integer.parseInt(text);
            case BIGINT -> Long.parseLong(text);
            case FLOAT -> Float.parseFloat(text);
            case DOUBLE -> Double.parseDouble(text);
            case DECIMAL -> new BigDecimal(text).setScale(((AthenaType.Decimal) type).scale());
            case CHAR -> ((AthenaType.Char) type).hold(text);
            case VARCHAR, STRING -> text;
            case DATE -> Math.toIntExact(LocalDate.parse(text).toEpochDay());
            case TIMESTAMP -> ZonedTimestamp.hasZone(text)
                    ? ZonedTimestamp.millis(ZonedTimestamp.parse(text, 0).orElseThrow(
                            () -> new IllegalArgumentException("Not a timestamp: " + text)))
                    : RowShape.parseDateTime(text);
            case BINARY -> hex(text);
            default -> throw new IllegalArgumentException("SPICE cannot hold " + type.ddl());
        };
    }

    /** Varbinary as Athena prints it: hex bytes separated by spaces. */
    private static ByteString hex(String text) {
        if (text.isEmpty()) {
            return new ByteString(new byte[0]);
        }
        String[] pairs = text.split(" ");
        byte[] bytes = new byte[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            if (pairs[i].length() != 2) {
                throw new IllegalArgumentException("Not a hex byte: " + pairs[i]);
            }
            bytes[i] = (byte) Integer.parseInt(pairs[i], 16);
        }
        return new ByteString(bytes);
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (IOException ignored) {
                // nothing more is read from it
            }
        }
    }

    /**
     * The rows of a result object (positioned at its header), read as they are asked for: row by row through
     * {@link AthenaCsv.RowReader}, or in columns.
     */
    private static final class CsvRows implements SourceRows {
        private final String name;
        private final InputStream in;
        private final List<Column> columns;
        private final AthenaType[] types;
        private final boolean columnar;
        private final LongConsumer dropped;
        private BufferedReader reader;
        private AthenaCsv.RowReader csv;

        CsvRows(String name, InputStream in, List<Column> columns, boolean columnar, LongConsumer dropped) {
            this.name = name;
            this.in = in;
            this.columns = List.copyOf(columns);
            this.types = columns.stream().map(Column::type).toArray(AthenaType[]::new);
            this.columnar = columnar;
            this.dropped = dropped;
        }

        @Override
        public List<Column> columns() {
            return columns;
        }

        @Override
        public Optional<ColumnBatches> batches(BufferAllocator allocator, int maxRows) {
            if (!columnar || csv != null || !QuotedCsvBatchSource.reads(columns)) {
                return Optional.empty();
            }
            QuotedCsvBatchSource source = new QuotedCsvBatchSource(in, columns, true, AthenaSource::readOrNull,
                    allocator, maxRows);
            return Optional.of(new ColumnBatches() {
                private long reported;

                @Override
                public ColumnBatch next() {
                    try {
                        return source.next();
                    } catch (IOException e) {
                        throw new IngestionFailure(IngestionErrors.fromRead(name, e), e);
                    } finally {
                        long skipped = source.skippedRows();
                        if (skipped > reported) {
                            dropped.accept(skipped - reported);
                            reported = skipped;
                        }
                    }
                }

                @Override
                public void close() {
                    closeQuietly(source);
                }
            });
        }

        @Override
        public Object[] next() {
            List<String> fields;
            try {
                if (csv == null) {
                    reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 64 * 1024);
                    csv = new AthenaCsv.RowReader(reader);
                    csv.next();
                }
                fields = csv.next();
            } catch (IOException e) {
                throw new IngestionFailure(IngestionErrors.fromRead(name, e), e);
            }
            if (fields == null) {
                return null;
            }
            if (fields.size() != types.length) {
                return UNREADABLE;
            }
            Object[] row = new Object[types.length];
            for (int i = 0; i < types.length; i++) {
                String text = fields.get(i);
                if (text != null) {
                    try {
                        row[i] = value(text, types[i]);
                    } catch (RuntimeException e) {
                        return UNREADABLE;
                    }
                }
            }
            return row;
        }

        @Override
        public void close() {
            closeQuietly(in);
        }
    }
}
