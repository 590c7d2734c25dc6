package io.glaux.sql.schema;

import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;
import io.glaux.catalog.TableDefinition;
import io.glaux.format.ColumnBatch;
import io.glaux.format.ColumnLayout;
import io.glaux.sql.SqlErrors;
import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.format.BatchSource;
import io.glaux.sql.scan.SplitScan;
import io.glaux.sql.scan.ScanContext;
import io.glaux.sql.scan.TableEstimates;
import io.glaux.sql.vector.ColumnarBatches;
import io.glaux.sql.vector.ColumnarData;
import io.glaux.sql.vector.ColumnarParts;
import io.glaux.sql.vector.OrderedWork;
import io.glaux.sql.vector.OwnedBatches;
import io.glaux.sql.vector.VectorRuntime;
import io.glaux.sql.vector.Workers;
import io.glaux.sql.vector.plan.VectorFallback;
import io.glaux.sql.vector.plan.VectorSource;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.ImmutableBitSet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A store table as the vectorized operators see it: for each query that aggregates it or takes its top N, the
 * columns the query uses are read in columns ({@link StoreTable#batches}, pruned by the query's filters as a row
 * scan is) into {@link ColumnarBatches} held for that query, strings as ids into one dictionary per column, and the
 * operators then run over them on all of the runtime's threads. A query whose columns are estimated to need more
 * than half the runtime's memory stays on the row operators, which stream.
 */
final class LiveVectorSource implements VectorSource {

    /** Bytes a string value is assumed to take in memory: its id, and a share of the dictionary. */
    private static final int STRING_BYTES = 20;

    private final StoreTable table;
    private final TableDefinition definition;
    private final VectorRuntime runtime;
    private final Supplier<Optional<TableEstimates.Estimate>> estimate;
    private final List<Column> columns;

    LiveVectorSource(StoreTable table, VectorRuntime runtime, Supplier<Optional<TableEstimates.Estimate>> estimate) {
        this.table = table;
        this.definition = table.definition();
        this.runtime = runtime;
        this.estimate = estimate;
        this.columns = definition.allColumns();
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    /** The table: each query plan makes a source per scan of it. */
    @Override
    public Object identity() {
        return table;
    }

    @Override
    public long rowCount() {
        return estimate.get().map(e -> (long) e.rows()).orElse(0L);
    }

    /** From the objects' footers (Parquet), as the row scan's statistics give it. */
    @Override
    public OptionalDouble distinctValues(int column) {
        return estimate.get().map(e -> e.distinctValues(columns.get(column).name())).orElse(OptionalDouble.empty());
    }

    @Override
    public Lease planningData() {
        return null;
    }

    @Override
    public boolean readsPerQuery() {
        return true;
    }

    /** Only with an estimate of the table's rows, and columns of a layout the operators read. */
    @Override
    public boolean canHold(ImmutableBitSet fields) {
        Optional<TableEstimates.Estimate> known = estimate.get();
        if (known.isEmpty()) {
            return false;
        }
        long bytesPerRow = 0;
        for (int field : fields) {
            AthenaType type = columns.get(field).type();
            if (!ColumnLayout.isSupported(type)) {
                return false;
            }
            bytesPerRow += bytesPerValue(type);
        }
        return known.get().rows() * bytesPerRow <= runtime.memoryLimit() / 2.0;
    }

    /** Columns of a layout the operators read; a row scan holds only a few parts at once, whatever their size. */
    @Override
    public boolean streams(ImmutableBitSet fields) {
        for (int field : fields) {
            if (!ColumnLayout.isSupported(columns.get(field).type())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Each part of the table read on the thread that takes it, into data of its own (its own allocator within the
     * query's, its own dictionaries) handed to {@code work} and freed after; {@link OrderedWork} gives the results
     * back in the table's order, holding at most two parts' results per thread.
     */
    @Override
    public <T> Parts<T> parts(ScanContext context, ImmutableBitSet fields, List<RexNode> filters,
                              Function<ColumnarData, T> work) {
        return parts(context, fields, ImmutableBitSet.of(), filters, work);
    }

    /** String columns in {@code valueStrings} keep the batches the reader gives as values ({@link ColumnarParts}). */
    @Override
    public <T> Parts<T> parts(ScanContext context, ImmutableBitSet fields, ImmutableBitSet valueStrings,
                              List<RexNode> filters, Function<ColumnarData, T> work) {
        int[] read = fields.toArray();
        boolean[] values = heldAsValues(valueStrings);
        BufferAllocator allocator = runtime.newQueryAllocator("live-" + definition.name());
        OrderedWork<T> ordered;
        try {
            SplitScan scan = table.splits(read, filters, context, allocator, runtime.batchRows(), runtime.threads());
            ordered = new OrderedWork<>(runtime.executor(), runtime.threads() - 1, 2 * runtime.threads(), () -> {
                SplitScan.Split split = scan.next();
                return split == null ? null : () -> readPart(scan, split, read, values, allocator, work);
            });
        } catch (RuntimeException | Error e) {
            allocator.close();
            throw e;
        }
        return new Parts<>() {
            @Override
            public T next() {
                try {
                    return ordered.next();
                } catch (RuntimeException | Error e) {
                    throw translated(e);
                }
            }

            @Override
            public void close() {
                ordered.close();
                allocator.close();
            }
        };
    }

    /** Encodes the batches of one part of the table into {@code part}, until they end or {@code stop} says so. */
    private static void readSplit(SplitScan scan, SplitScan.Split split, ColumnarParts.Part part, int[] read,
                                  BooleanSupplier stop) throws IOException {
        try (BatchSource batches = scan.open(split)) {
            ColumnBatch batch;
            while (!stop.getAsBoolean() && (batch = batches.next()) != null) {
                try (ColumnBatch taken = batch) {
                    if (taken.rowCount() > 0) {
                        part.add(taken, read);
                    }
                }
            }
        }
    }

    private <T> T readPart(SplitScan scan, SplitScan.Split split, int[] read, boolean[] values,
                           BufferAllocator queryAllocator, Function<ColumnarData, T> work) {
        runtime.recordPart();
        BufferAllocator allocator = queryAllocator.newChildAllocator("part-" + split.sequence(), 0, Long.MAX_VALUE);
        ColumnarParts parts = new ColumnarParts(allocator, columns, values);
        ColumnarParts.Merged merged;
        try {
            readSplit(scan, split, parts.newPart(split.sequence()), read, () -> false);
            merged = parts.merge();
        } catch (IOException e) {
            parts.free();
            allocator.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            parts.free();
            allocator.close();
            throw e;
        }
        OwnedBatches held = new OwnedBatches(allocator, columns, merged);
        try {
            return work.apply(held);
        } finally {
            held.close();
        }
    }

    /** Per column, whether it is one of {@code valueStrings}. */
    private boolean[] heldAsValues(ImmutableBitSet valueStrings) {
        boolean[] values = new boolean[columns.size()];
        valueStrings.forEach(column -> values[column] = true);
        return values;
    }

    private static int bytesPerValue(AthenaType type) {
        if (ColumnLayout.isDictionaryEncoded(type)) {
            return STRING_BYTES;
        }
        ArrowType arrow = ColumnLayout.arrowType(type);
        if (arrow instanceof ArrowType.Int integer) {
            return integer.getBitWidth() / 8;
        }
        return switch (arrow.getTypeID()) {
            case Bool -> 1;
            case FloatingPoint, Date -> 8;
            default -> 16;
        };
    }

    /**
     * Reads the query's columns on all of the runtime's threads, each taking the next part of the table
     * ({@link SplitScan}) and encoding it with dictionaries of its own; the parts are then made one in the table's
     * order ({@link ColumnarParts}), so the data are those a single reader would have read.
     */
    @Override
    public Lease open(ScanContext context, ImmutableBitSet fields, List<RexNode> filters) {
        return open(context, fields, ImmutableBitSet.of(), filters);
    }

    /**
     * String columns in {@code valueStrings} keep the batches the reader gives as values (a text object's, a
     * Parquet chunk's plain pages) rather than looking each value up in a dictionary ({@link ColumnarParts}). When
     * the plan scans this table more than once, scans that read the same columns with the same filters read them
     * once ({@link ScanContext#sharesReadsOf}): the first reads, the others are given what it read, held until the
     * run ends.
     */
    @Override
    public Lease open(ScanContext context, ImmutableBitSet fields, ImmutableBitSet valueStrings,
                      List<RexNode> filters) {
        if (context.sharesReadsOf(definition)) {
            OwnedBatches held = context.shared(new SharedRead(definition, fields, valueStrings, List.copyOf(filters)),
                    () -> read(context, fields, valueStrings, filters));
            return held == null ? null : Lease.of(held, () -> { });
        }
        OwnedBatches held = read(context, fields, valueStrings, filters);
        return held == null ? null : Lease.of(held, held::close);
    }

    /** What tells the scans of one table that read alike: the columns, how strings are held, the filters. */
    private record SharedRead(TableDefinition table, ImmutableBitSet fields, ImmutableBitSet valueStrings,
                              List<RexNode> filters) {
    }

    /** The columns {@code fields} of the rows that may pass {@code filters}, read in parts; null for no rows. */
    private OwnedBatches read(ScanContext context, ImmutableBitSet fields, ImmutableBitSet valueStrings,
                              List<RexNode> filters) {
        int[] read = fields.toArray();
        BufferAllocator allocator = runtime.newQueryAllocator("live-" + definition.name());
        ColumnarParts parts = new ColumnarParts(allocator, columns, heldAsValues(valueStrings));
        ColumnarParts.Merged merged;
        try {
            SplitScan scan = table.splits(read, filters, context, allocator, runtime.batchRows(), runtime.threads());
            AtomicBoolean failed = new AtomicBoolean();
            Workers.run(runtime.executor(), runtime.threads(), () -> null, ignored -> readParts(scan, read, parts,
                    failed, runtime));
            merged = parts.merge();
        } catch (RuntimeException | Error e) {
            parts.free();
            allocator.close();
            throw translated(e);
        }
        if (merged.batches().isEmpty()) {
            // No rows: the operators answer as for an empty SPICE dataset.
            ColumnarBatches.free(merged.batches(), merged.dictionaries(), allocator);
            return null;
        }
        return new OwnedBatches(allocator, columns, merged);
    }

    /** One worker's share of a read: parts taken in turn until none is left or another worker failed. */
    private static void readParts(SplitScan scan, int[] read, ColumnarParts parts, AtomicBoolean failed,
                                  VectorRuntime runtime) {
        try {
            SplitScan.Split split;
            while (!failed.get() && (split = scan.next()) != null) {
                runtime.recordPart();
                readSplit(scan, split, parts.newPart(split.sequence()), read, failed::get);
            }
        } catch (IOException e) {
            failed.set(true);
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            failed.set(true);
            throw e;
        }
    }

    /**
     * What a failure to read becomes for the query: the memory limit, Athena's "Query exhausted resources"; bad
     * data, a fallback to the row plan (a part read on its own cannot say on which line of its object the bad data
     * is: the row plan reads the object whole and says it as Athena does).
     */
    private RuntimeException translated(Throwable e) {
        OutOfMemoryException exhausted = memoryLimit(e);
        if (exhausted != null) {
            return SqlErrors.resourcesExhausted(exhausted);
        }
        if (e instanceof GlauxException data && data.type() == ErrorType.DATA_ERROR) {
            return new VectorFallback("bad data in " + definition.name(), e);
        }
        if (e instanceof Error error) {
            throw error;
        }
        return (RuntimeException) e;
    }

    /** The memory limit that stopped a read (readers wrap it in their own errors), or null. */
    private static OutOfMemoryException memoryLimit(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OutOfMemoryException limit) {
                return limit;
            }
        }
        return null;
    }

    @Override
    public BufferAllocator newQueryAllocator(String name) {
        return runtime.newQueryAllocator(name);
    }

    @Override
    public Executor scanExecutor() {
        return runtime.executor();
    }

    @Override
    public int threads() {
        return runtime.threads();
    }

    @Override
    public void recordVectorizedScan() {
        runtime.recordScan();
    }
}
