package io.glaux.sql.vector.plan;

import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;
import io.glaux.format.ColumnLayout;
import io.glaux.sql.scan.ScanContext;
import io.glaux.sql.schema.TypeMapping;
import io.glaux.sql.vector.BatchBuilder;
import io.glaux.sql.vector.ColumnarData;
import io.glaux.sql.vector.HashJoin;
import io.glaux.sql.vector.JoinedData;
import io.glaux.sql.vector.OwnedBatches;
import io.glaux.sql.vector.ParallelScan;
import io.glaux.sql.vector.RowFilter;
import io.glaux.sql.vector.RowFilters;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.linq4j.function.Function1;
import org.apache.calcite.plan.RelOptPredicateList;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexExecutorImpl;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSimplify;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.rex.RexVisitorImpl;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.Util;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.stream.IntStream;

/**
 * A join with a side of at most one row, as a source the vectorized operators read like a table: TPC-H Q22's
 * comparison with a scalar sub-query's average, Q16's {@code NOT IN} checked against one row of counts. When a query
 * runs, that row is computed first (its aggregate, then what the plan computes from it on the row operators, such as
 * a decimal average), its values are put into the join's condition as literals, and the condition becomes a filter of
 * the other side's scan. The join's columns are the scanned side's, then for an inner join the row's.
 *
 * <ul>
 *   <li>inner join: the scanned rows passing the condition, each with the row; none when there is no row;</li>
 *   <li>semi join: the scanned rows passing it; none when there is no row;</li>
 *   <li>anti join: the scanned rows for which it is not TRUE (FALSE or NULL); all of them when there is no row.</li>
 * </ul>
 * The rows are gathered by {@link HashJoin} with no key: every scanned row passing the filter matches the one row.
 */
final class OneRowJoinSource extends DerivedSource {

    private final HashJoin.Type type;
    private final VectorQuery probe;
    private final OneRow row;
    /** The join's condition over the probe side's table columns, then the row's fields. */
    private final RexNode condition;
    private final RexBuilder rexBuilder;
    private final int[] probeColumns;

    private OneRowJoinSource(HashJoin.Type type, VectorQuery probe, OneRow row, List<Column> columns,
                             RexNode condition, RexBuilder rexBuilder, double rows) {
        super(columns, rows);
        this.type = type;
        this.probe = probe;
        this.row = row;
        this.condition = condition;
        this.rexBuilder = rexBuilder;
        this.probeColumns = JoinSource.plainColumns(probe);
    }

    /**
     * The side of at most one row: a vectorized query (a scalar aggregate, or a row scan of one) and, when the plan
     * computes from its row, those expressions ({@code projects}, over the query's fields; null for its fields as
     * they are), computed on the row by code Calcite generates once, when the first query needs it.
     */
    static final class OneRow {
        private final VectorQuery query;
        private final List<RexNode> projects;
        private final RelDataType rowType;
        private volatile Function1<DataContext, Object[]> computed;

        OneRow(VectorQuery query, List<RexNode> projects, RelDataType rowType) {
            this.query = query;
            this.projects = projects;
            this.rowType = rowType;
        }

        /**
         * The side, or null when {@code query} may give more than one row or an expression is not computed from the
         * row alone (one that is not deterministic, reads the current time, is correlated or holds a sub-query).
         */
        static OneRow of(VectorQuery query, List<RexNode> projects, RelDataType rowType) {
            if (!query.atMostOneRow()) {
                return null;
            }
            if (projects != null) {
                for (RexNode project : projects) {
                    if (!RexUtil.isDeterministic(project) || RexUtil.containsCorrelation(project)
                            || RexUtil.SubQueryFinder.find(project) != null || dynamic(project)) {
                        return null;
                    }
                }
            }
            return new OneRow(query, projects, rowType);
        }

        /** Whether {@code node} calls a function whose value depends on when it runs ({@code current_date}). */
        static boolean dynamic(RexNode node) {
            try {
                node.accept(new RexVisitorImpl<Void>(true) {
                    @Override
                    public Void visitCall(RexCall call) {
                        if (call.getOperator().isDynamicFunction()) {
                            throw Util.FoundOne.NULL;
                        }
                        return super.visitCall(call);
                    }
                });
                return false;
            } catch (Util.FoundOne found) {
                return true;
            }
        }

        /** The row's values, or null when the side has no row. */
        Object[] compute(ScanContext context, RexBuilder rexBuilder) {
            Object[] values;
            try (Enumerator<Object[]> rows = query.pipeline().open(context)) {
                if (!rows.moveNext()) {
                    return null;
                }
                values = rows.current().clone();
                if (rows.moveNext()) {
                    throw new IllegalStateException("A side of at most one row gave two: " + query.getDigest());
                }
            }
            if (projects == null) {
                return values;
            }
            if (computed == null) {
                computed = RexExecutorImpl.getExecutable(rexBuilder, projects, query.getRowType()).getFunction();
            }
            return computed.apply(new InputRecord(values, (JavaTypeFactory) rexBuilder.getTypeFactory()));
        }

        /** This side computing {@code more} too (over its fields), as fields after its own. */
        OneRow with(List<RexNode> more, RexBuilder rexBuilder) {
            List<RexNode> all = new ArrayList<>();
            if (projects == null) {
                for (RelDataTypeField field : rowType.getFieldList()) {
                    all.add(new RexInputRef(field.getIndex(), field.getType()));
                }
            } else {
                all.addAll(projects);
            }
            List<RexNode> fields = List.copyOf(all);
            RelDataTypeFactory.Builder type = rexBuilder.getTypeFactory().builder()
                    .addAll(rowType.getFieldList());
            for (RexNode expression : more) {
                all.add(expression.accept(new RexShuttle() {
                    @Override
                    public RexNode visitInputRef(RexInputRef ref) {
                        return fields.get(ref.getIndex());
                    }
                }));
                type.add("expr_" + (all.size() - 1), expression.getType());
            }
            return new OneRow(query, all, type.build());
        }

        String describe() {
            return query.getDigest() + (projects == null ? "" : ", " + projects);
        }

        /** The side as EXPLAIN shows it: the query, under the projection that computes the row from it if any. */
        RelNode shown() {
            return projects == null ? query : LogicalProject.create(query, List.of(), projects, rowType);
        }
    }

    /** What the generated code of a row's expressions reads: the row, as {@code inputRecord}. */
    private record InputRecord(Object[] values, JavaTypeFactory typeFactory) implements DataContext {
        @Override
        public SchemaPlus getRootSchema() {
            return null;
        }

        @Override
        public JavaTypeFactory getTypeFactory() {
            return typeFactory;
        }

        @Override
        public QueryProvider getQueryProvider() {
            return null;
        }

        @Override
        public Object get(String name) {
            return "inputRecord".equals(name) ? values : null;
        }
    }

    /**
     * The join of {@code left} with {@code right}, a side of at most one row, or null when this source does not
     * compute it: a kind of join other than inner, semi and anti; a left side that is not a row scan of plain
     * columns; a field of the row of a type its values are not put into a condition as (or, for an inner join,
     * held in columns as); a condition the vectorized filter cannot compute with the row's values in it (checked with
     * stand-in values).
     */
    static OneRowJoinSource of(Join join, VectorQuery left, OneRow right) {
        HashJoin.Type type = switch (join.getJoinType()) {
            case INNER -> HashJoin.Type.INNER;
            case SEMI -> HashJoin.Type.SEMI;
            case ANTI -> HashJoin.Type.ANTI;
            default -> null;
        };
        int[] probeColumns = JoinSource.plainColumns(left);
        if (type == null || probeColumns == null || RexUtil.containsCorrelation(join.getCondition())
                || RexUtil.SubQueryFinder.find(join.getCondition()) != null) {
            return null;
        }
        List<Column> columns = new ArrayList<>();
        for (int column : probeColumns) {
            columns.add(left.source().columns().get(column));
        }
        for (RelDataTypeField field : right.rowType.getFieldList()) {
            AthenaType athenaType = TypeMapping.toAthenaType(field.getType());
            if (!literalType(athenaType) || type.keepsBuildColumns() && !ColumnLayout.isSupported(athenaType)) {
                return null;
            }
            if (type.keepsBuildColumns()) {
                columns.add(new Column(field.getName(), athenaType));
            }
        }
        OneRowJoinSource source = compiling(type, join, left, right, columns, join.getCondition());
        if (source != null) {
            return source;
        }
        // The parts of the condition that only read the row (TPC-H Q11's checked decimal product of a sum) are
        // computed with it, as fields of its own, so that the condition compares the other side with values.
        int leftCount = left.getRowType().getFieldCount();
        int rightCount = right.rowType.getFieldCount();
        List<RexNode> lifted = new ArrayList<>();
        RexNode condition = join.getCondition().accept(new RexShuttle() {
            @Override
            public RexNode visitCall(RexCall call) {
                ImmutableBitSet refs = RelOptUtil.InputFinder.bits(call);
                if (refs.isEmpty() || refs.nth(0) < leftCount || !RexUtil.isDeterministic(call)
                        || OneRow.dynamic(call)) {
                    return super.visitCall(call);
                }
                lifted.add(RexUtil.shift(call, -leftCount));
                return new RexInputRef(leftCount + rightCount + lifted.size() - 1, call.getType());
            }
        });
        if (lifted.isEmpty()) {
            return null;
        }
        OneRow extended = right.with(lifted, join.getCluster().getRexBuilder());
        for (RexNode part : lifted) {
            if (!literalType(TypeMapping.toAthenaType(part.getType()))) {
                return null;
            }
        }
        return compiling(type, join, left, extended, columns, condition);
    }

    /**
     * The join of {@code left} and {@code right} on {@code condition} (over the join's fields, the row's extended
     * by what it computes for the condition), or null when the condition does not compile with stand-in values for
     * the row's.
     */
    private static OneRowJoinSource compiling(HashJoin.Type type, Join join, VectorQuery left, OneRow right,
                                              List<Column> columns, RexNode joinCondition) {
        RexBuilder rexBuilder = join.getCluster().getRexBuilder();
        List<RexNode> projects = left.spec().projects();
        int leftCount = projects.size();
        RexNode condition = joinCondition.accept(new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                return ref.getIndex() < leftCount ? projects.get(ref.getIndex())
                        : new RexInputRef(left.source().columns().size() + ref.getIndex() - leftCount,
                                ref.getType());
            }
        });
        Double rows = join.getCluster().getMetadataQuery().getRowCount(join);
        OneRowJoinSource source = new OneRowJoinSource(type, left, right, columns, condition, rexBuilder,
                rows == null ? 1 : rows);
        List<Object> standIns = new ArrayList<>();
        for (RelDataTypeField field : right.rowType.getFieldList()) {
            standIns.add(rexBuilder.makeZeroLiteral(field.getType()));
        }
        try {
            new VectorCompiler(left.source().columns(), null).filter(source.probeFilter(standIns, true));
        } catch (VectorCompiler.Unsupported e) {
            return null;
        }
        return source;
    }

    /** Types whose values a literal holds exactly, as the row operators give them. */
    private static boolean literalType(AthenaType type) {
        return switch (type.kind()) {
            case BOOLEAN, TINYINT, SMALLINT, INT, BIGINT, DECIMAL, FLOAT, DOUBLE, DATE, VARCHAR, CHAR, STRING -> true;
            default -> false;
        };
    }

    /**
     * The probe side's filter and, with the row's values in it, the join's condition: TRUE for an inner or semi
     * join, not TRUE for an anti join. {@code values} are the row's values, or literals standing in for them.
     */
    private RexNode probeFilter(List<Object> values, boolean literals) {
        int width = probe.source().columns().size();
        List<RelDataTypeField> fields = row.rowType.getFieldList();
        RexNode withValues = condition.accept(new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                if (ref.getIndex() < width) {
                    return ref;
                }
                Object value = values.get(ref.getIndex() - width);
                RelDataType fieldType = fields.get(ref.getIndex() - width).getType();
                return literals ? (RexNode) value : value == null ? rexBuilder.makeNullLiteral(fieldType)
                        : rexBuilder.makeLiteral(value, fieldType, true);
            }
        });
        RexNode test = rexBuilder.makeCall(type == HashJoin.Type.ANTI ? SqlStdOperatorTable.IS_NOT_TRUE
                : SqlStdOperatorTable.IS_TRUE, withValues);
        List<RexNode> conjuncts = new ArrayList<>();
        if (probe.spec().filter() != null) {
            conjuncts.add(probe.spec().filter());
        }
        conjuncts.add(new RexSimplify(rexBuilder, RelOptPredicateList.EMPTY, RexUtil.EXECUTOR)
                .simplifyUnknownAsFalse(test));
        return RexUtil.composeConjunction(rexBuilder, conjuncts);
    }

    /** Identifies the join among the planner's nodes: its kind, condition and sides. */
    String describe() {
        return type + " ONE ROW(" + condition + ", " + probe.getDigest() + ", " + row.describe() + ")";
    }

    /** As EXPLAIN names the join, as Trino does ({@code InnerJoin[filter = ...]}). */
    @Override
    public String operatorName(String filter) {
        String kind = type.name().charAt(0) + type.name().substring(1).toLowerCase(Locale.ROOT);
        return kind + "Join[filter = " + condition + filter + "]";
    }

    /** The scanned side, then the one-row side's query. */
    @Override
    public List<RelNode> inputs() {
        return List.of(probe, row.shown());
    }

    @Override
    VectorSource base() {
        return probe.source();
    }

    @Override
    public double readRows() {
        return probe.source().readRows() + row.query.source().readRows();
    }

    @Override
    public boolean computesRows() {
        return true;
    }

    @Override
    public boolean readsLiveTables() {
        return probe.source().readsLiveTables() || row.query.source().readsLiveTables();
    }

    @Override
    public boolean canHold(ImmutableBitSet fields) {
        return probe.source().canHold(probeFields(fields)) && row.query.source().canHold(row.query.spec().fields());
    }

    /** The probe side's table columns the join reads for its fields {@code fields}: theirs, and its conditions'. */
    private ImmutableBitSet probeFields(ImmutableBitSet fields) {
        ImmutableBitSet.Builder read = ImmutableBitSet.builder();
        for (int field : fields) {
            if (field < probeColumns.length) {
                read.set(probeColumns[field]);
            }
        }
        int width = probe.source().columns().size();
        for (int column : RelOptUtil.InputFinder.bits(condition)) {
            if (column < width) {
                read.set(column);
            }
        }
        if (probe.spec().filter() != null) {
            read.addAll(RelOptUtil.InputFinder.bits(probe.spec().filter()));
        }
        return read.build();
    }

    /**
     * The probe side's string columns the join reads only as values: those the probe side's filter tests on their
     * bytes, and those the join only returns ({@code valueStrings}, of its fields {@code fields}); none that the
     * condition or another of the join's fields reads.
     */
    private ImmutableBitSet probeValues(ImmutableBitSet fields, ImmutableBitSet valueStrings) {
        ImmutableBitSet tested = probe.pipeline().filterTestedStrings();
        ImmutableBitSet.Builder returned = ImmutableBitSet.builder();
        ImmutableBitSet.Builder otherwise = ImmutableBitSet.builder();
        for (int field : fields) {
            if (field < probeColumns.length) {
                (valueStrings.get(field) ? returned : otherwise).set(probeColumns[field]);
            }
        }
        otherwise.addAll(RelOptUtil.InputFinder.bits(condition));
        if (probe.spec().filter() != null) {
            otherwise.addAll(RelOptUtil.InputFinder.bits(probe.spec().filter()).except(tested));
        }
        return tested.union(returned.build()).except(otherwise.build());
    }

    /**
     * Computes the row, then reads the probe side with the condition as its filter and gathers the rows kept. An
     * empty result is no data; so is an inner or semi join without a row, whose probe side is then not read.
     */
    @Override
    public Lease open(ScanContext context, ImmutableBitSet fields, List<RexNode> filters) {
        return open(context, fields, ImmutableBitSet.of(), filters);
    }

    /** As above; the probe side may hold the string columns it reads only as values so ({@link #probeValues}). */
    @Override
    public Lease open(ScanContext context, ImmutableBitSet fields, ImmutableBitSet valueStrings,
                      List<RexNode> filters) {
        Object[] values;
        try {
            values = row.compute(context, rexBuilder);
        } catch (RuntimeException e) {
            throw MemoryExhaustion.translate(e, readsLiveTables(), "the join's one row");
        }
        if (values == null && type != HashJoin.Type.ANTI) {
            return null;
        }
        RexNode filter = values == null ? probe.spec().filter() : probeFilter(Arrays.asList(values), false);
        if (filter != null && filter.isAlwaysFalse()) {
            return null;
        }
        Lease probed;
        try {
            probed = probe.source().open(context, probeFields(fields), probeValues(fields, valueStrings),
                    filter == null ? List.of() : RelOptUtil.conjunctions(filter));
        } catch (RuntimeException e) {
            throw MemoryExhaustion.translate(e, readsLiveTables(), "the join's result");
        }
        if (probed == null) {
            return null;
        }
        OwnedBatches built = null;
        JoinedData joined;
        try {
            ColumnarData probeData = probed.data();
            RowFilter compiled;
            try {
                compiled = new VectorCompiler(probeData.columns(), probeData).filter(filter);
            } catch (VectorCompiler.Unsupported e) {
                // Checked with stand-in values while planning; these values did not compile.
                throw new VectorFallback(e.getMessage(), e);
            }
            // With the row, the filter has done the join: an inner join gives each row it keeps the one row, a semi
            // or anti join keeps them, as an anti join against no rows does.
            List<Column> rowColumns = columns().subList(probeColumns.length, columns().size());
            ColumnarData rowData;
            if (type == HashJoin.Type.INNER) {
                built = oneRowData(probe.source().newQueryAllocator("one row"), rowColumns,
                        Arrays.copyOf(values, rowColumns.size()));
                rowData = built;
            } else {
                rowData = JoinedData.empty(List.of());
            }
            HashJoin.Side probeSide = new HashJoin.Side(probeData, compiled, new int[0], probeColumns);
            HashJoin.Side rowSide = new HashJoin.Side(rowData, RowFilters.all(), new int[0],
                    IntStream.range(0, rowColumns.size()).toArray());
            boolean[] wanted = new boolean[columns().size()];
            fields.forEach(field -> wanted[field] = true);
            ParallelScan scan = new ParallelScan(scanExecutor(), threads(), context::checkCancelled);
            joined = new HashJoin(type == HashJoin.Type.INNER ? HashJoin.Type.INNER : HashJoin.Type.ANTI,
                    probeSide, rowSide, columns(), List.of(), false)
                    .run(scan, wanted, probe.source().newQueryAllocator("join"));
        } catch (RuntimeException | Error e) {
            JoinSource.close(probed, leaseOf(built), null);
            throw MemoryExhaustion.translate(e, readsLiveTables(), "the join's result");
        }
        if (joined.rows() == 0) {
            JoinSource.close(probed, leaseOf(built), joined);
            return null;
        }
        Lease rowData = leaseOf(built);
        return Lease.of(joined, () -> JoinSource.close(probed, rowData, joined));
    }

    private static Lease leaseOf(OwnedBatches rows) {
        return rows == null ? null : Lease.of(rows, rows::close);
    }

    /** The row in columns of its own, for the gathering to copy from; its memory comes from {@code allocator}. */
    private static OwnedBatches oneRowData(BufferAllocator allocator, List<Column> columns, Object[] values) {
        BatchBuilder builder;
        try {
            builder = new BatchBuilder(allocator, columns, 1);
        } catch (RuntimeException | Error e) {
            allocator.close();
            throw e;
        }
        try {
            builder.append(values);
            return builder.build(OwnedBatches::new);
        } catch (RuntimeException | Error e) {
            builder.close();
            throw e;
        }
    }

    @Override
    public OptionalDouble distinctValues(int column) {
        return column < probeColumns.length ? probe.source().distinctValues(probeColumns[column])
                : OptionalDouble.of(1);
    }

    @Override
    public void recordVectorizedScan() {
        probe.source().recordVectorizedScan();
        row.query.source().recordVectorizedScan();
    }
}
