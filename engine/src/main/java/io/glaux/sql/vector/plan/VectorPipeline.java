package io.glaux.sql.vector.plan;

import io.glaux.format.ColumnLayout;
import io.glaux.sql.vector.AggregateFunction;
import io.glaux.sql.vector.ColumnarData;
import io.glaux.sql.vector.FilteredRows;
import io.glaux.sql.vector.GroupKey;
import io.glaux.sql.vector.GroupedAggregation;
import io.glaux.sql.vector.ParallelScan;
import io.glaux.sql.vector.Projection;
import io.glaux.sql.vector.RowFilter;
import io.glaux.sql.vector.TopN;
import io.glaux.sql.scan.ScanContext;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Runs a {@link VectorQuerySpec} against the dataset's version current at execution: binds the expressions to that
 * version (dictionaries, column ranges) and runs the matching operator. Compiled plans are cached and may run in
 * several queries at once, so this holds no per-run state.
 */
public final class VectorPipeline {

    private final VectorSource source;
    private final VectorQuerySpec spec;
    private final int fieldCount;
    /**
     * The string columns the filter tests on their values' bytes ({@link VectorCompiler#stringsTestedOnBytes}; none
     * for a source that never holds them as values).
     */
    private final ImmutableBitSet filterTestedStrings;
    /**
     * The string columns the query reads only as values: those of them it reads nowhere else, and, for a row scan or
     * a top-N, those it returns as they are and reads nowhere else; the source may hold them as values.
     */
    private final ImmutableBitSet valueStrings;

    VectorPipeline(VectorSource source, VectorQuerySpec spec, RelDataType rowType) {
        this.source = source;
        this.spec = spec;
        this.fieldCount = rowType.getFieldCount();
        boolean valuesHeld = source.holdsStringsAsValues();
        this.filterTestedStrings = valuesHeld
                ? VectorCompiler.stringsTestedOnBytes(source.columns(), spec.filter()) : ImmutableBitSet.of();
        this.valueStrings = valuesHeld ? valueStrings(source, spec, filterTestedStrings) : ImmutableBitSet.of();
    }

    /**
     * The string columns {@code spec} reads only as values: tested on their bytes by its filter ({@code tested}), or,
     * for a row scan or a top-N, returned by a projection of the column alone ({@link Projection.ColumnValue} reads
     * either); none that an aggregation, a sort key, a computed projection or another test of the filter reads.
     */
    private static ImmutableBitSet valueStrings(VectorSource source, VectorQuerySpec spec, ImmutableBitSet tested) {
        if (spec.aggregation() != null) {
            return tested.except(spec.projectedFields());
        }
        ImmutableBitSet.Builder returned = ImmutableBitSet.builder();
        ImmutableBitSet.Builder otherwise = ImmutableBitSet.builder();
        for (RexNode project : spec.projects()) {
            int column = VectorCompiler.plainColumn(project);
            if (column >= 0 && ColumnLayout.isDictionaryEncoded(source.columns().get(column).type())) {
                returned.set(column);
            } else {
                otherwise.addAll(RelOptUtil.InputFinder.bits(project));
            }
        }
        if (spec.topN() != null) {
            for (RelFieldCollation field : spec.topN().collation().getFieldCollations()) {
                otherwise.addAll(RelOptUtil.InputFinder.bits(spec.projects().get(field.getFieldIndex())));
            }
        }
        if (spec.filter() != null) {
            otherwise.addAll(RelOptUtil.InputFinder.bits(spec.filter()).except(tested));
        }
        return tested.union(returned.build()).except(otherwise.build());
    }

    /** The string columns the filter tests on their values' bytes, where the source may hold them as values. */
    ImmutableBitSet filterTestedStrings() {
        return filterTestedStrings;
    }

    /** Called from generated code. */
    public Enumerable<Object[]> execute(DataContext root) {
        ScanContext context = ScanContext.from(root);
        boolean fewRows = spec.aggregation() != null || spec.topN() != null;
        return new AbstractEnumerable<>() {
            /**
             * An aggregate's or a top-N's rows, computed once per execution: the inner side of a nested loop join
             * is enumerated once for each outer row.
             */
            private List<Object[]> answer;

            @Override
            public Enumerator<Object[]> enumerator() {
                if (!fewRows) {
                    return open(context);
                }
                if (answer == null) {
                    answer = rows(context);
                }
                return Linq4j.enumerator(answer);
            }
        };
    }

    /** All the rows, computed now (for an aggregate or a top-N, whose rows are few). */
    List<Object[]> rows(ScanContext context) {
        List<Object[]> rows = new ArrayList<>();
        try (Enumerator<Object[]> computed = open(context)) {
            while (computed.moveNext()) {
                rows.add(computed.current());
            }
        }
        return rows;
    }

    /**
     * The rows, as they are computed: a scan's stream as its batches are read, an aggregate's rows boxed one at a time
     * after its groups are computed. The caller closes the enumerator, which gives back what the rows are read from.
     */
    Enumerator<Object[]> open(ScanContext context) {
        if (source.readsPerQuery() && spec.isRowScan() && source.streams(spec.fields())) {
            return streamParts(context);
        }
        VectorSource.Lease lease = openData(context);
        if (lease == null) {
            return Linq4j.enumerator(emptyResult());
        }
        boolean handedOver = false;
        try {
            ColumnarData data = lease.data();
            VectorCompiler compiler = new VectorCompiler(data.columns(), data);
            RowFilter filter = compiler.filter(spec.filter());
            ParallelScan scan = newScan(context);
            if (spec.aggregation() != null) {
                Enumerator<Object[]> rows = new ClosingRows(aggregation(compiler, data, filter).rows(scan),
                        lease::close);
                handedOver = true;
                return rows;
            }
            List<Projection> projections = new ArrayList<>();
            for (RexNode project : spec.projects()) {
                projections.add(compiler.projection(project));
            }
            if (spec.topN() != null) {
                return Linq4j.enumerator(topN(data, filter, projections, scan));
            }
            Enumerator<Object[]> rows = new ClosingRows(new FilteredRows(data, filter, projections,
                    context::checkCancelled), lease::close);
            handedOver = true;
            return rows;
        } catch (VectorCompiler.Unsupported e) {
            throw unsupported(e);
        } finally {
            if (!handedOver) {
                lease.close();
            }
        }
    }

    /** An aggregate's groups, with what they were computed from; closing gives both back. */
    record ComputedGroups(GroupedAggregation.Groups groups, VectorSource.Lease lease) implements AutoCloseable {
        @Override
        public void close() {
            try {
                groups.close();
            } finally {
                lease.close();
            }
        }
    }

    /**
     * The aggregate's groups, computed now, for a consumer that reads them in columns; null when the source has no
     * data (the rows are then {@link #emptyResult}).
     */
    ComputedGroups groups(ScanContext context) {
        VectorSource.Lease lease = openData(context);
        if (lease == null) {
            return null;
        }
        boolean handedOver = false;
        try {
            ColumnarData data = lease.data();
            VectorCompiler compiler = new VectorCompiler(data.columns(), data);
            GroupedAggregation aggregation = aggregation(compiler, data, compiler.filter(spec.filter()));
            ComputedGroups computed = new ComputedGroups(aggregation.groups(newScan(context)), lease);
            handedOver = true;
            return computed;
        } catch (VectorCompiler.Unsupported e) {
            throw unsupported(e);
        } finally {
            if (!handedOver) {
                lease.close();
            }
        }
    }

    /** The source's data for this query, its scan counted; null when it has none. */
    private VectorSource.Lease openData(ScanContext context) {
        VectorSource.Lease lease = source.open(context, spec.fields(), valueStrings,
                spec.filter() == null ? List.of() : RelOptUtil.conjunctions(spec.filter()));
        source.recordVectorizedScan();
        return lease;
    }

    private ParallelScan newScan(ScanContext context) {
        return new ParallelScan(source.scanExecutor(), source.threads(), context::checkCancelled);
    }

    /** What the plan met that the operators cannot compute over the data read now. */
    private RuntimeException unsupported(VectorCompiler.Unsupported e) {
        if (source.readsPerQuery()) {
            // Planned before its data was read; the row operators take over.
            return new VectorFallback(e.getMessage(), e);
        }
        // Only when the version changed between planning and now in a way the plan did not allow for.
        return new IllegalStateException("SPICE dataset changed while the query was planned: " + e.getMessage(), e);
    }

    /**
     * A filtered row scan of a source read per query: each part of the table is filtered and projected on the thread
     * that read it, and its rows stream in the table's order. The expressions are compiled for each part (its
     * dictionaries) with value ranges from the column types rather than the part's values, so a part cannot compile
     * differently from the first: what the operators cannot compute fails with the first part, before any row.
     */
    private Enumerator<Object[]> streamParts(ScanContext context) {
        VectorSource.Parts<List<Object[]>> parts = source.parts(context, spec.fields(), valueStrings,
                spec.filter() == null ? List.of() : RelOptUtil.conjunctions(spec.filter()), data -> {
                    VectorCompiler compiler = new VectorCompiler(data.columns(), data, true);
                    RowFilter filter = compiler.filter(spec.filter());
                    List<Projection> projections = new ArrayList<>();
                    for (RexNode project : spec.projects()) {
                        projections.add(compiler.projection(project));
                    }
                    List<Object[]> rows = new ArrayList<>();
                    new FilteredRows(data, filter, projections, context::checkCancelled).forEachRemaining(rows::add);
                    return rows;
                });
        source.recordVectorizedScan();
        return new ClosingRows(new PartRows(parts), parts::close);
    }

    /** Rows of the parts' results, in order. */
    private static final class PartRows implements Iterator<Object[]> {
        private final VectorSource.Parts<List<Object[]>> parts;
        private Iterator<Object[]> rows = java.util.Collections.emptyIterator();
        private boolean done;

        PartRows(VectorSource.Parts<List<Object[]>> parts) {
            this.parts = parts;
        }

        @Override
        public boolean hasNext() {
            while (!done && !rows.hasNext()) {
                List<Object[]> next;
                try {
                    next = parts.next();
                } catch (VectorCompiler.Unsupported e) {
                    throw new VectorFallback(e.getMessage(), e);
                }
                if (next == null) {
                    done = true;
                } else {
                    rows = next.iterator();
                }
            }
            return !done;
        }

        @Override
        public Object[] next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            return rows.next();
        }
    }

    private GroupedAggregation aggregation(VectorCompiler compiler, ColumnarData data, RowFilter filter) {
        VectorQuerySpec.Aggregation aggregation = spec.aggregation();
        List<GroupKey> keys = new ArrayList<>();
        for (int field : aggregation.groupSet()) {
            keys.add(compiler.groupKey(spec.projects().get(field)));
        }
        List<AggregateFunction> functions = new ArrayList<>();
        for (AggregateCall call : aggregation.calls()) {
            functions.add(compiler.aggregate(call, spec.projects()));
        }
        return new GroupedAggregation(data, filter, keys, functions);
    }

    private List<Object[]> topN(ColumnarData data, RowFilter filter, List<Projection> projections,
                                ParallelScan scan) {
        List<TopN.SortKey> keys = new ArrayList<>();
        for (RelFieldCollation field : spec.topN().collation().getFieldCollations()) {
            int column = VectorCompiler.plainColumn(spec.projects().get(field.getFieldIndex()));
            keys.add(new TopN.SortKey(column, field.getDirection().isDescending(), nullsFirst(field)));
        }
        return new TopN(data, filter, keys, spec.topN().offset(), spec.topN().fetch(), projections).run(scan);
    }

    static boolean nullsFirst(RelFieldCollation field) {
        RelFieldCollation.NullDirection direction = field.nullDirection;
        if (direction == RelFieldCollation.NullDirection.UNSPECIFIED) {
            direction = field.getDirection().defaultNullDirection();
        }
        return direction == RelFieldCollation.NullDirection.FIRST;
    }

    /** A dataset without data: no rows, except the one row of a global aggregate. */
    List<Object[]> emptyResult() {
        if (spec.aggregation() == null || !spec.aggregation().groupSet().isEmpty()) {
            return List.of();
        }
        Object[] row = new Object[fieldCount];
        for (int i = 0; i < spec.aggregation().calls().size(); i++) {
            AggregateCall call = spec.aggregation().calls().get(i);
            row[i] = switch (call.getAggregation().getKind()) {
                case COUNT -> 0L;
                case SUM0 -> switch (call.getType().getSqlTypeName()) {
                    case DECIMAL -> java.math.BigDecimal.ZERO.setScale(call.getType().getScale());
                    case DOUBLE -> 0.0d;
                    default -> 0L;
                };
                default -> null;
            };
        }
        return List.<Object[]>of(row);
    }

    /**
     * Streams rows and gives back what they are read from (a version, the parts being read) when the consumer
     * closes the enumerator.
     */
    private static final class ClosingRows implements Enumerator<Object[]> {
        private final Iterator<Object[]> rows;
        private final Runnable release;
        private Object[] current;
        private boolean closed;

        ClosingRows(Iterator<Object[]> rows, Runnable release) {
            this.rows = rows;
            this.release = release;
        }

        @Override
        public Object[] current() {
            return current;
        }

        @Override
        public boolean moveNext() {
            if (closed || !rows.hasNext()) {
                return false;
            }
            current = rows.next();
            return true;
        }

        @Override
        public void reset() {
            throw new UnsupportedOperationException("reset");
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                release.run();
            }
        }
    }
}
