package io.glaux.sql.vector.plan;

import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;
import io.glaux.format.ColumnBatch;
import io.glaux.format.ColumnLayout;
import io.glaux.sql.scan.ScanContext;
import io.glaux.sql.schema.TypeMapping;
import io.glaux.sql.vector.BatchBuilder;
import io.glaux.sql.vector.ColumnarData;
import io.glaux.sql.vector.GroupedAggregation;
import io.glaux.sql.vector.OwnedBatches;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The rows of a vectorized aggregate as a source the vectorized operators read as a table, so that what sits above
 * the aggregate folds in as over a table: its HAVING filter, a join with it as a side (TPC-H Q18's {@code IN} over
 * lineitem grouped by order, the correlated averages and minimums that become joins with an aggregate grouped by the
 * key), or an aggregate of it. When a query runs, the aggregate is computed and its rows are put in columns (string
 * columns as ids into dictionaries of their own), in Arrow memory from the aggregated source's query allocator.
 *
 * <p>A sum of decimals is a decimal of 38 digits, which the operators do not compute on. Such a result is held as
 * a decimal of 18 digits when it fits one: over live tables whenever, since a result that turns out wider sends the
 * query to the row operators ({@link VectorFallback}); over SPICE datasets when the dataset's values and rows bound
 * it (a sum, a minimum or a maximum of a column).
 */
final class ResultSource extends DerivedSource {

    /** Rows per batch of the result. */
    static final int BATCH_ROWS = 1 << 14;

    private static final BigInteger LONG_DECIMAL_LIMIT = BigInteger.TEN.pow(ColumnLayout.MAX_LONG_DECIMAL_PRECISION);
    private static final long LONG_DECIMAL_BOUND = LONG_DECIMAL_LIMIT.longValueExact();

    private final VectorQuery query;
    /** Per column, whether it is held narrower than its type (a decimal of 18 digits for one of 38). */
    private final boolean[] narrowed;
    /** Whether the plan can fall back ({@link FallbackPlan}) when a narrowed value turns out not to fit. */
    private final boolean mayFallBack;

    private ResultSource(VectorQuery query, List<Column> columns, boolean[] narrowed, boolean mayFallBack,
                         double rows) {
        super(columns, rows);
        this.query = query;
        this.narrowed = narrowed;
        this.mayFallBack = mayFallBack;
    }

    /** The rows of {@code query} (an aggregate) as a source, or null when a column has no columnar layout. */
    static ResultSource of(VectorQuery query) {
        VectorQuerySpec.Aggregation aggregation = query.spec().aggregation();
        if (aggregation == null) {
            return null;
        }
        List<RelDataTypeField> fields = query.getRowType().getFieldList();
        List<Column> columns = new ArrayList<>();
        boolean[] narrowed = new boolean[fields.size()];
        int keys = aggregation.groupSet().cardinality();
        boolean mayFallBack = FallbackPlan.available(query.getCluster().getPlanner());
        for (int i = 0; i < fields.size(); i++) {
            AthenaType type = TypeMapping.toAthenaType(fields.get(i).getType());
            if (!ColumnLayout.isSupported(type)) {
                return null;
            }
            if (type instanceof AthenaType.Decimal decimal && !ColumnLayout.isLongDecimal(decimal)
                    && decimal.scale() <= ColumnLayout.MAX_LONG_DECIMAL_PRECISION && i >= keys
                    && fitsLong(query, aggregation.calls().get(i - keys), decimal.scale(), mayFallBack)) {
                type = new AthenaType.Decimal(ColumnLayout.MAX_LONG_DECIMAL_PRECISION, decimal.scale());
                narrowed[i] = true;
            }
            columns.add(new Column(fields.get(i).getName(), type));
        }
        Double estimate = query.getCluster().getMetadataQuery().getRowCount(query);
        return new ResultSource(query, columns, narrowed, mayFallBack, estimate == null ? 1 : estimate);
    }

    /**
     * Whether a decimal result of {@code call} can be held in 18 digits: over live tables always (checked when the
     * rows are made); else when it is the sum, minimum or maximum of a column or an expression the operators compute
     * on longs (TPC-H Q15's {@code sum(l_extendedprice * (1 - l_discount))}), of the same scale, whose values, times
     * the rows for a sum, stay within 18 digits (the dataset's value ranges bound the expression's). Over a source
     * whose data are only known when the query runs (a join of datasets, TPC-H Q11's), when the plan can fall back
     * ({@code mayFallBack}): checked when the rows are made, as over live tables.
     */
    private static boolean fitsLong(VectorQuery query, AggregateCall call, int scale, boolean mayFallBack) {
        if (query.source().readsLiveTables()) {
            return true;
        }
        SqlKind kind = call.getAggregation().getKind();
        boolean sum = kind == SqlKind.SUM || kind == SqlKind.SUM0;
        if (!sum && kind != SqlKind.MIN && kind != SqlKind.MAX || call.getArgList().size() != 1
                || call.filterArg >= 0) {
            return false;
        }
        RexNode argument = query.spec().projects().get(call.getArgList().get(0));
        Lease lease = query.source().planningData();
        if (lease == null) {
            if (!mayFallBack) {
                return false;
            }
            try {
                return new VectorCompiler(query.source().columns(), null).longCode(argument).scale() == scale;
            } catch (VectorCompiler.Unsupported e) {
                return false;
            }
        }
        try {
            ColumnarData data = lease.data();
            VectorCompiler.LongCode code;
            try {
                code = new VectorCompiler(query.source().columns(), data).longCode(argument);
            } catch (VectorCompiler.Unsupported e) {
                return false;
            }
            if (code.scale() != scale) {
                return false;
            }
            long rows = 0;
            for (int batch = 0; batch < data.batchCount(); batch++) {
                rows += data.rowCount(batch);
            }
            BigInteger largest = code.min().abs().max(code.max().abs());
            BigInteger bound = sum ? largest.multiply(BigInteger.valueOf(rows)) : largest;
            return bound.compareTo(LONG_DECIMAL_LIMIT) < 0;
        } finally {
            lease.close();
        }
    }

    /** Identifies the source among the planner's nodes: the aggregate it holds the rows of. */
    String describe() {
        return "RESULT(" + query.getDigest() + ")";
    }

    /** The aggregated source. */
    @Override
    VectorSource base() {
        return query.source();
    }

    /** Computing the aggregate, then the rows it gives. */
    @Override
    public double readRows() {
        return query.source().readRows() + rows;
    }

    @Override
    public boolean readsLiveTables() {
        return query.source().readsLiveTables();
    }

    @Override
    public boolean canHold(ImmutableBitSet fields) {
        return query.source().canHold(query.spec().fields());
    }

    /**
     * Computes the aggregate and holds its rows in columns; no data when it has no rows. The groups go into columns
     * a batch at a time, without being boxed into rows (TPC-H Q18's 1.5 M orders, of which its HAVING keeps 57).
     */
    @Override
    public Lease open(ScanContext context, ImmutableBitSet fields, List<RexNode> filters) {
        if (!context.sharesResults()) {
            OwnedBatches data = compute(context);
            return data == null ? null : Lease.of(data, data::close);
        }
        // Equal aggregates of one query (the uses of a WITH query, TPC-H Q15's revenue0) are computed once, and
        // held until the query's run ends.
        OwnedBatches data = context.shared(new SharedKey(query.source().identity(), query.spec()),
                () -> compute(context));
        return data == null ? null : Lease.of(data, () -> { });
    }

    /** What tells one query's equal aggregates: the data they read and what they compute of it. */
    private record SharedKey(Object source, VectorQuerySpec spec) {
    }

    /** The aggregate's rows in columns, or null for no data. */
    private OwnedBatches compute(ScanContext context) {
        VectorPipeline pipeline = query.pipeline();
        try (VectorPipeline.ComputedGroups computed = pipeline.groups(context)) {
            if (computed == null) {
                return boxedRows(pipeline.emptyResult());
            }
            GroupedAggregation.Groups groups = computed.groups();
            if (groups.count() == 0) {
                return null;
            }
            BufferAllocator allocator = query.source().newQueryAllocator("aggregate");
            BatchBuilder builder = null;
            try {
                builder = new BatchBuilder(allocator, columns(), BATCH_ROWS);
                for (int from = 0; from < groups.count(); from += BATCH_ROWS) {
                    context.checkCancelled();
                    ColumnBatch batch;
                    try {
                        batch = groups.columns(from, Math.min(BATCH_ROWS, groups.count() - from), columns(),
                                allocator);
                    } catch (ArithmeticException e) {
                        throw tooWide("a sum beyond a long");
                    }
                    try (batch) {
                        checkNarrowed(batch);
                        builder.append(batch);
                    }
                }
                return builder.build(OwnedBatches::new);
            } catch (RuntimeException | Error e) {
                // The string keys' dictionaries come from the allocator the builder closes.
                groups.close();
                if (builder != null) {
                    builder.close();
                } else {
                    allocator.close();
                }
                throw MemoryExhaustion.translate(e, readsLiveTables(), "the aggregate's rows");
            }
        }
    }

    /** The rows of an aggregate over a source without data: a global aggregate's one row, else none. */
    private OwnedBatches boxedRows(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return null;
        }
        BufferAllocator allocator = query.source().newQueryAllocator("aggregate");
        BatchBuilder builder = new BatchBuilder(allocator, columns(), BATCH_ROWS);
        try {
            rows.forEach(builder::append);
            return builder.build(OwnedBatches::new);
        } catch (RuntimeException | Error e) {
            builder.close();
            throw e;
        }
    }

    /** Fails where a narrowed decimal does not fit in 18 digits after all. */
    private void checkNarrowed(ColumnBatch batch) {
        for (int i = 0; i < narrowed.length; i++) {
            if (narrowed[i]) {
                BigIntVector values = (BigIntVector) batch.vector(i);
                for (int row = 0; row < batch.rowCount(); row++) {
                    long value = values.isNull(row) ? 0 : values.get(row);
                    if (value >= LONG_DECIMAL_BOUND || value <= -LONG_DECIMAL_BOUND) {
                        throw tooWide(BigDecimal.valueOf(value,
                                ((AthenaType.Decimal) columns().get(i).type()).scale()).toString());
                    }
                }
            }
        }
    }

    private RuntimeException tooWide(String value) {
        String reason = "an aggregate's decimal result has more than " + ColumnLayout.MAX_LONG_DECIMAL_PRECISION
                + " digits: " + value;
        if (readsLiveTables() || mayFallBack) {
            return new VectorFallback(reason, null);
        }
        // Only when a dataset changed between planning and now in a way the plan did not allow for.
        return new IllegalStateException("SPICE dataset changed while the query was planned: " + reason);
    }

    /** An aggregate without GROUP BY gives one row. */
    @Override
    public boolean atMostOneRow() {
        return query.spec().aggregation().groupSet().isEmpty();
    }

    @Override
    public OptionalDouble distinctValues(int column) {
        // One group key is a key of the rows.
        return column == 0 && query.spec().aggregation().groupSet().cardinality() == 1
                ? OptionalDouble.of(rowCount()) : OptionalDouble.empty();
    }

    @Override
    public String operatorName(String filter) {
        return filter.isEmpty() ? "Project" : "FilterProject[" + filter.substring(", ".length()) + "]";
    }

    @Override
    public List<RelNode> inputs() {
        return List.of(query);
    }

    /** The aggregated source counted its scan when the aggregate ran. */
    @Override
    public void recordVectorizedScan() {
    }
}
