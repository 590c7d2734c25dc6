package io.glaux.sql.scan;

import io.glaux.catalog.Catalog;
import io.glaux.catalog.Column;
import io.glaux.catalog.Partition;
import io.glaux.catalog.TableDefinition;
import io.glaux.catalog.projection.PartitionProjection;
import io.glaux.format.FormatRegistry;
import io.glaux.format.ReadRequest;
import io.glaux.storage.ObjectStore;
import io.glaux.storage.S3Location;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rex.RexNode;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a catalog table for a query: picks the partitions its filters allow, lists their objects, and streams the
 * projected columns out of each object with the table's format reader. Partition key columns come from the partition,
 * not the objects.
 */
public final class TableScanner {

    private final Catalog catalog;
    private final ObjectStore store;
    private final FormatRegistry formats;
    private final Clock clock;
    private final TableEstimates estimates;

    public TableScanner(Catalog catalog, ObjectStore store, FormatRegistry formats) {
        this(catalog, store, formats, Clock.systemUTC());
    }

    /** With the clock that partition projection's {@code NOW} reads. */
    public TableScanner(Catalog catalog, ObjectStore store, FormatRegistry formats, Clock clock) {
        this.catalog = catalog;
        this.store = store;
        this.formats = formats;
        this.clock = clock;
        this.estimates = new TableEstimates(store, formats);
    }

    /** Roughly how many rows the table holds and its columns' value ranges, for the planner; empty when unknown. */
    public Optional<TableEstimates.Estimate> estimate(TableDefinition table) {
        return estimates.estimate(table);
    }

    public Enumerable<Object[]> scan(TableDefinition table, List<RexNode> filters, int[] projects,
                                     ScanContext context) {
        Plan plan = plan(table, filters, projects);
        return new AbstractEnumerable<>() {
            @Override
            public Enumerator<Object[]> enumerator() {
                return new ScanEnumerator(formats.reader(table.storage().format()), plan.request(),
                        new ObjectWalk(store, plan.slices(), table, context), plan.layout(), context);
            }
        };
    }

    /**
     * The same rows as {@link #scan}, as column batches of at most {@code maxRows} rows allocated from
     * {@code allocator}: each object is read in columns where its format reader can, else its rows are gathered into
     * batches; partition keys are filled from the partition. As with {@link #scan}, {@code filters} only prune
     * (partitions, and what readers skip); the caller applies them to the rows.
     */
    public BatchScan batches(TableDefinition table, List<RexNode> filters, int[] projects, ScanContext context,
                             BufferAllocator allocator, int maxRows) {
        return new BatchScan(splits(table, filters, projects, context, allocator, maxRows, 1));
    }

    /**
     * The same rows as {@link #batches} in parts for {@code readers} threads to read at once ({@link SplitScan}):
     * with more than one reader, large objects are cut into the byte ranges their format reads on their own.
     */
    public SplitScan splits(TableDefinition table, List<RexNode> filters, int[] projects, ScanContext context,
                            BufferAllocator allocator, int maxRows, int readers) {
        Plan plan = plan(table, List.copyOf(filters), projects);
        List<Column> columns = new ArrayList<>();
        List<Column> all = table.allColumns();
        for (int field : plan.fields()) {
            columns.add(all.get(field));
        }
        return new SplitScan(formats.reader(table.storage().format()), plan.request(),
                new ObjectWalk(store, plan.slices(), table, context), plan.layout(), columns, context, allocator,
                maxRows, readers);
    }

    /** What a scan reads: the request each object gets, where output fields come from, and the slices. */
    private record Plan(int[] fields, ReadRequest request, ScanLayout layout, List<ScanSlice> slices) {
    }

    private Plan plan(TableDefinition table, List<RexNode> filters, int[] projects) {
        List<Column> dataColumns = table.columns();
        int fieldCount = table.allColumns().size();
        int[] fields = projects != null ? projects.clone() : java.util.stream.IntStream.range(0, fieldCount).toArray();

        // Data columns to read, each once, in first-use order; output fields point into that read order.
        Map<Integer, Integer> readPosition = new LinkedHashMap<>();
        for (int field : fields) {
            if (field < dataColumns.size()) {
                readPosition.putIfAbsent(field, readPosition.size());
            }
        }
        int[] readProjection = readPosition.keySet().stream().mapToInt(Integer::intValue).toArray();
        ReadRequest request = new ReadRequest(dataColumns, readProjection,
                new PredicateExtractor(dataColumns).extract(filters), serdeParameters(table),
                table.storage().serializationLibrary());
        return new Plan(fields, request, new ScanLayout(fields, dataColumns.size(), readPosition),
                slices(table, filters));
    }

    /** The SerDe's parameters merged with the table's properties, as readers take them. */
    static Map<String, String> serdeParameters(TableDefinition table) {
        Map<String, String> parameters = new HashMap<>(table.storage().serdeParameters());
        parameters.putAll(table.parameters());
        return parameters;
    }

    /**
     * The prefixes to read: the table location, or each partition that survives pruning — the catalog's registered
     * partitions, or the projected ones when the table enables partition projection (registered ones are then
     * ignored, as Athena does).
     */
    private List<ScanSlice> slices(TableDefinition table, List<RexNode> filters) {
        if (table.partitionKeys().isEmpty()) {
            return List.of(new ScanSlice(S3Location.parse(table.storage().location()).asPrefix(), List.of()));
        }
        Optional<PartitionProjection> projection = PartitionProjection.of(table, clock);
        List<Partition> partitions = projection.isPresent()
                ? new ProjectedPartitions(table, projection.get()).partitions(filters)
                : new PartitionPruner(table).prune(catalog.listPartitions(table.database(), table.name()), filters);
        List<ScanSlice> slices = new ArrayList<>();
        for (Partition partition : partitions) {
            List<Object> keyValues = new ArrayList<>();
            for (int i = 0; i < table.partitionKeys().size(); i++) {
                keyValues.add(PartitionValues.typed(partition.values().get(i), table.partitionKeys().get(i).type()));
            }
            slices.add(new ScanSlice(S3Location.parse(partition.location()).asPrefix(), keyValues));
        }
        return slices;
    }

    /** One prefix to read and the partition key values its rows carry. */
    record ScanSlice(S3Location prefix, List<Object> partitionValues) {
    }
}
