package io.glaux.sql.vector.plan;

import io.glaux.catalog.Column;
import io.glaux.catalog.AthenaType;
import io.glaux.format.ColumnLayout;
import io.glaux.sql.scan.ScanContext;
import io.glaux.sql.vector.ColumnarData;
import io.glaux.sql.vector.HashJoin;
import io.glaux.sql.vector.JoinedData;
import io.glaux.sql.vector.ParallelScan;
import io.glaux.sql.vector.ValueKind;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A join of two vectorized row scans on equalities of integer-like keys, as a source the vectorized operators read like a
 * table: its columns are the probe (left) side's, then for inner, left and right joins the build (right) side's. When a
 * query runs, both sides are read with the columns it uses, joined by {@link HashJoin}, and the folded filter,
 * projection, aggregation or top-N run over the result. A side may itself be a join, so a tree of joins becomes one
 * source.
 */
final class JoinSource extends DerivedSource {

    /** What building a row costs against probing one (as for the row operators' hash join). */
    private static final double BUILD = 2;

    /** How EXPLAIN writes a comparison's operator, as Calcite writes the condition. */
    private static final java.util.Map<HashJoin.Operator, String> SYMBOLS = java.util.Map.of(
            HashJoin.Operator.EQUAL, "=", HashJoin.Operator.NOT_EQUAL, "<>", HashJoin.Operator.LESS, "<",
            HashJoin.Operator.LESS_OR_EQUAL, "<=", HashJoin.Operator.GREATER, ">",
            HashJoin.Operator.GREATER_OR_EQUAL, ">=");

    private final HashJoin.Type type;
    private final VectorQuery probe;
    private final VectorQuery build;
    /** Per side, the table column of each output field. */
    private final int[] probeColumns;
    private final int[] buildColumns;
    /** The keys as fields of each side's output, in pairs. */
    private final int[] probeKeys;
    private final int[] buildKeys;
    /** Conditions beside the keys that the join itself checks, on fields of each side's output. */
    private final List<FieldComparison> comparisons;
    /** The rows put in the hash table: the build side's, or a semi or anti join's probe side's when fewer. */
    private final double builtRows;
    /** Whether the table is of the probe side, whose rows the build side's then mark ({@link HashJoin}). */
    private final boolean marksProbeSide;

    private JoinSource(HashJoin.Type type, VectorQuery probe, VectorQuery build, int[] probeKeys, int[] buildKeys,
                       List<FieldComparison> comparisons, double rows, double probeRows, double buildRows) {
        super(columnsOf(type, probe, build), rows);
        this.type = type;
        this.probe = probe;
        this.build = build;
        this.probeColumns = plainColumns(probe);
        this.buildColumns = plainColumns(build);
        this.probeKeys = probeKeys;
        this.buildKeys = buildKeys;
        this.comparisons = List.copyOf(comparisons);
        this.marksProbeSide = !type.keepsBuildColumns() && probeRows < buildRows;
        this.builtRows = marksProbeSide ? probeRows : buildRows;
    }

    /** The probe side's columns, then for inner, left and right joins the build side's. */
    private static List<Column> columnsOf(HashJoin.Type type, VectorQuery probe, VectorQuery build) {
        List<Column> all = new ArrayList<>();
        for (int column : plainColumns(probe)) {
            all.add(probe.source().columns().get(column));
        }
        if (type.keepsBuildColumns()) {
            for (int column : plainColumns(build)) {
                all.add(build.source().columns().get(column));
            }
        }
        return all;
    }

    /** A condition beside the keys: a field of the probe side's output against one of the build side's. */
    private record FieldComparison(int probeField, HashJoin.Operator operator, int buildField) {
    }

    /**
     * The join of {@code left} (probed) and {@code right} (built) as a source, or null when the operator does not
     * compute it: a kind of join other than inner, left, semi and anti; a condition other than equalities of
     * integer-like columns of the same kind plus, beside them, for an inner join conditions the query then filters
     * by ({@link #remaining}) and for the other kinds comparisons of a column of each side; a side that is not a row
     * scan of plain columns. With {@code swapped}, an inner or left join's right input is probed and its left one
     * built (the source's columns are then the right input's, then the left one's); a left join so becomes a right
     * join of the operator, which keeps the build rows no probe row matched.
     */
    static JoinSource of(Join join, VectorQuery left, VectorQuery right, boolean swapped) {
        HashJoin.Type type = switch (join.getJoinType()) {
            case INNER -> HashJoin.Type.INNER;
            case LEFT -> HashJoin.Type.LEFT;
            case SEMI -> HashJoin.Type.SEMI;
            case ANTI -> HashJoin.Type.ANTI;
            default -> null;
        };
        JoinInfo info = join.analyzeCondition();
        if (type == null || swapped && !type.keepsBuildColumns() || info.leftKeys.isEmpty()
                || info.nullExclusionFlags.contains(false)
                || plainColumns(left) == null || plainColumns(right) == null) {
            return null;
        }
        List<FieldComparison> comparisons = new ArrayList<>();
        if (type != HashJoin.Type.INNER) {
            for (RexNode condition : info.nonEquiConditions) {
                FieldComparison comparison = comparison(condition, left, right);
                if (comparison == null) {
                    return null;
                }
                comparisons.add(swapped ? new FieldComparison(comparison.buildField(),
                        comparison.operator().flipped(), comparison.probeField()) : comparison);
            }
        }
        for (int i = 0; i < info.leftKeys.size(); i++) {
            AthenaType leftType = left.source().columns().get(plainColumns(left)[info.leftKeys.get(i)]).type();
            AthenaType rightType = right.source().columns().get(plainColumns(right)[info.rightKeys.get(i)]).type();
            if (!joinable(leftType, rightType)) {
                return null;
            }
        }
        if (swapped && type == HashJoin.Type.LEFT) {
            type = HashJoin.Type.RIGHT;
        }
        var mq = join.getCluster().getMetadataQuery();
        Double rows = mq.getRowCount(join);
        VectorQuery probe = swapped ? right : left;
        VectorQuery build = swapped ? left : right;
        Double probed = mq.getRowCount(probe);
        Double built = mq.getRowCount(build);
        return new JoinSource(type, probe, build, (swapped ? info.rightKeys : info.leftKeys).toIntArray(),
                (swapped ? info.leftKeys : info.rightKeys).toIntArray(), comparisons, rows == null ? 1 : rows,
                probed == null ? probe.source().rowCount() : probed,
                built == null ? build.source().rowCount() : built);
    }

    /**
     * {@code condition} as a comparison of a field of the left input (as its probe field) with one of the right
     * input (as its build field) whose values compare as longs, or null when it is not one.
     */
    private static FieldComparison comparison(RexNode condition, VectorQuery left, VectorQuery right) {
        if (!(condition instanceof RexCall call) || call.getOperands().size() != 2
                || !(call.getOperands().get(0) instanceof RexInputRef first)
                || !(call.getOperands().get(1) instanceof RexInputRef second)) {
            return null;
        }
        HashJoin.Operator operator = switch (call.getKind()) {
            case EQUALS -> HashJoin.Operator.EQUAL;
            case NOT_EQUALS -> HashJoin.Operator.NOT_EQUAL;
            case LESS_THAN -> HashJoin.Operator.LESS;
            case LESS_THAN_OR_EQUAL -> HashJoin.Operator.LESS_OR_EQUAL;
            case GREATER_THAN -> HashJoin.Operator.GREATER;
            case GREATER_THAN_OR_EQUAL -> HashJoin.Operator.GREATER_OR_EQUAL;
            default -> null;
        };
        int leftCount = left.getRowType().getFieldCount();
        boolean flipped = first.getIndex() >= leftCount;
        RexInputRef leftRef = flipped ? second : first;
        RexInputRef rightRef = flipped ? first : second;
        if (operator == null || leftRef.getIndex() >= leftCount || rightRef.getIndex() < leftCount) {
            return null;
        }
        int leftField = leftRef.getIndex();
        int rightField = rightRef.getIndex() - leftCount;
        if (!joinable(left.source().columns().get(plainColumns(left)[leftField]).type(),
                right.source().columns().get(plainColumns(right)[rightField]).type())) {
            return null;
        }
        return new FieldComparison(leftField, flipped ? operator.flipped() : operator, rightField);
    }

    /**
     * The join's conditions beside its keys that the query filters its rows by (an inner join's), or null when the
     * join checks them itself or has none.
     */
    RexNode remaining(Join join) {
        RexNode remaining = join.analyzeCondition().getRemaining(join.getCluster().getRexBuilder());
        return type != HashJoin.Type.INNER || remaining.isAlwaysTrue() ? null : remaining;
    }

    /** Keys compared as longs: integers with integers, dates with dates, decimals of one scale, never strings. */
    private static boolean joinable(AthenaType left, AthenaType right) {
        ValueKind kind = ValueKind.of(left);
        if (!kind.isLong() || kind == ValueKind.BIT || ColumnLayout.isDictionaryEncoded(left)
                || !ValueKind.of(right).isLong() || ColumnLayout.isDictionaryEncoded(right)) {
            return false;
        }
        return switch (left.kind()) {
            case TINYINT, SMALLINT, INT, BIGINT -> switch (right.kind()) {
                case TINYINT, SMALLINT, INT, BIGINT -> true;
                default -> false;
            };
            case DECIMAL -> left instanceof AthenaType.Decimal l && right instanceof AthenaType.Decimal r
                    && l.scale() == r.scale();
            default -> left.kind() == right.kind();
        };
    }

    /** The table column each output field of a row scan reads, or null when a field is computed. */
    static int[] plainColumns(VectorQuery query) {
        if (!query.spec().isRowScan()) {
            return null;
        }
        List<RexNode> projects = query.spec().projects();
        int[] columns = new int[projects.size()];
        for (int i = 0; i < columns.length; i++) {
            if (!(projects.get(i) instanceof RexInputRef ref)) {
                return null;
            }
            columns[i] = ref.getIndex();
        }
        return columns;
    }

    /** Identifies the join among the planner's nodes: its kind, key and sides. */
    String describe() {
        StringBuilder besides = new StringBuilder();
        for (FieldComparison comparison : comparisons) {
            besides.append(" AND ").append(SYMBOLS.get(comparison.operator())).append("([")
                    .append(comparison.probeField()).append("], [").append(comparison.buildField()).append("])");
        }
        return type + "(" + java.util.Arrays.toString(probeKeys) + " = " + java.util.Arrays.toString(buildKeys)
                + besides + (marksProbeSide ? " marking the probe side" : "") + ", " + probe.getDigest() + ", "
                + build.getDigest() + ")";
    }

    /** As EXPLAIN names the join, as Trino does ({@code InnerJoin[criteria = =($0, $5)]}). */
    @Override
    public String operatorName(String filter) {
        String kind = type.name().charAt(0) + type.name().substring(1).toLowerCase(java.util.Locale.ROOT);
        List<String> criteria = new ArrayList<>();
        for (int i = 0; i < probeKeys.length; i++) {
            criteria.add("=($" + probeKeys[i] + ", $" + (probeColumns.length + buildKeys[i]) + ")");
        }
        for (FieldComparison comparison : comparisons) {
            criteria.add(SYMBOLS.get(comparison.operator()) + "($" + comparison.probeField() + ", $"
                    + (probeColumns.length + comparison.buildField()) + ")");
        }
        return kind + "Join[criteria = " + String.join(" AND ", criteria) + filter + "]";
    }

    /** The two sides, probed then built. */
    @Override
    public List<RelNode> inputs() {
        return List.of(probe, build);
    }

    /** The probe side: the join computes with its memory and threads. */
    @Override
    VectorSource base() {
        return probe.source();
    }

    @Override
    public double readRows() {
        return probe.source().readRows() + build.source().readRows() + BUILD * builtRows;
    }

    @Override
    public boolean computesRows() {
        return true;
    }

    @Override
    public boolean canHold(ImmutableBitSet fields) {
        return probe.source().canHold(sideFields(fields, true)) && build.source().canHold(sideFields(fields, false));
    }

    /** The table columns a side reads for the join's fields {@code fields}: theirs, its key and its filter's. */
    private ImmutableBitSet sideFields(ImmutableBitSet fields, boolean ofProbe) {
        RexNode filter = (ofProbe ? probe : build).spec().filter();
        ImmutableBitSet joined = joinedFields(fields, ofProbe);
        return filter == null ? joined : joined.union(RelOptUtil.InputFinder.bits(filter));
    }

    /** The table columns the join reads of a side for its fields {@code fields}: theirs, its key, its comparisons'. */
    private ImmutableBitSet joinedFields(ImmutableBitSet fields, boolean ofProbe) {
        int[] sideColumns = ofProbe ? probeColumns : buildColumns;
        int offset = ofProbe ? 0 : probeColumns.length;
        ImmutableBitSet.Builder read = ImmutableBitSet.builder();
        if (ofProbe || type.keepsBuildColumns()) {
            for (int field : fields) {
                if (field >= offset && field - offset < sideColumns.length) {
                    read.set(sideColumns[field - offset]);
                }
            }
        }
        for (int key : ofProbe ? probeKeys : buildKeys) {
            read.set(sideColumns[key]);
        }
        for (FieldComparison comparison : comparisons) {
            read.set(sideColumns[ofProbe ? comparison.probeField() : comparison.buildField()]);
        }
        return read.build();
    }

    /**
     * Reads both sides (the probe side first: without its rows there is nothing to build for, unless the join keeps
     * the build side's rows), then joins them. An empty result is no data, as an empty table is.
     */
    @Override
    public Lease open(ScanContext context, ImmutableBitSet fields, List<RexNode> filters) {
        return open(context, fields, ImmutableBitSet.of(), filters);
    }

    /**
     * As above; the probe side may hold the string columns of {@code valueStrings} that it reads for nothing else as
     * values, which the join gathers as they are (the build side's are gathered from ids).
     */
    @Override
    public Lease open(ScanContext context, ImmutableBitSet fields, ImmutableBitSet valueStrings,
                      List<RexNode> filters) {
        Lease probed;
        try {
            probed = open(context, fields, valueStrings, true);
        } catch (RuntimeException e) {
            throw MemoryExhaustion.translate(e, readsLiveTables(), "the join's result");
        }
        if (probed == null && type != HashJoin.Type.RIGHT) {
            return null;
        }
        Lease built = null;
        JoinedData joined = null;
        try {
            built = open(context, fields, valueStrings, false);
            if (built == null && (type == HashJoin.Type.INNER || type == HashJoin.Type.SEMI
                    || type == HashJoin.Type.RIGHT)) {
                close(probed, null, null);
                return null;
            }
            ColumnarData probeData = probed == null ? JoinedData.empty(probe.source().columns()) : probed.data();
            ColumnarData buildData = built == null ? JoinedData.empty(build.source().columns()) : built.data();
            HashJoin.Side probeSide = new HashJoin.Side(probeData, compile(probe, probeData),
                    tableColumns(probeColumns, probeKeys), probeColumns);
            HashJoin.Side buildSide = new HashJoin.Side(buildData, compile(build, buildData),
                    tableColumns(buildColumns, buildKeys), buildColumns);
            boolean[] wanted = new boolean[columns().size()];
            fields.forEach(field -> wanted[field] = true);
            BufferAllocator allocator = probe.source().newQueryAllocator("join");
            ParallelScan scan = new ParallelScan(scanExecutor(), threads(), context::checkCancelled);
            List<HashJoin.Comparison> compared = new ArrayList<>();
            for (FieldComparison comparison : comparisons) {
                compared.add(new HashJoin.Comparison(probeColumns[comparison.probeField()], comparison.operator(),
                        buildColumns[comparison.buildField()]));
            }
            joined = new HashJoin(type, probeSide, buildSide, columns(), compared, marksProbeSide)
                    .run(scan, wanted, allocator);
        } catch (RuntimeException | Error e) {
            close(probed, built, null);
            throw MemoryExhaustion.translate(e, readsLiveTables(), "the join's result");
        }
        if (joined.rows() == 0) {
            close(probed, built, joined);
            return null;
        }
        Lease probeLease = probed;
        Lease buildLease = built;
        JoinedData result = joined;
        return Lease.of(result, () -> close(probeLease, buildLease, result));
    }

    private static int[] tableColumns(int[] sideColumns, int[] fields) {
        int[] columns = new int[fields.length];
        for (int i = 0; i < fields.length; i++) {
            columns[i] = sideColumns[fields[i]];
        }
        return columns;
    }

    /** Whether a side reads a table for each query (a live table), directly or through the queries it reads. */
    @Override
    public boolean readsLiveTables() {
        return probe.source().readsLiveTables() || build.source().readsLiveTables();
    }

    /**
     * Reads a side for the join's fields {@code fields}. The string columns it reads only as values may be held so
     * ({@link VectorSource#open(ScanContext, ImmutableBitSet, ImmutableBitSet, List)}): those only its filter reads,
     * testing their bytes, and on the probe side those the join only returns ({@code valueStrings}, of the join's
     * fields); none that the join reads for anything else.
     */
    private Lease open(ScanContext context, ImmutableBitSet fields, ImmutableBitSet valueStrings, boolean ofProbe) {
        VectorQuery side = ofProbe ? probe : build;
        RexNode filter = side.spec().filter();
        ImmutableBitSet tested = side.pipeline().filterTestedStrings();
        ImmutableBitSet values;
        if (ofProbe) {
            ImmutableBitSet returned = joinedFields(fields.intersect(valueStrings), true)
                    .except(joinedFields(ImmutableBitSet.of(), true));
            values = tested.union(filter == null ? returned : returned.except(RelOptUtil.InputFinder.bits(filter)))
                    .except(joinedFields(fields.except(valueStrings), true));
        } else {
            values = tested.except(joinedFields(fields, false));
        }
        return side.source().open(context, sideFields(fields, ofProbe), values,
                filter == null ? List.of() : RelOptUtil.conjunctions(filter));
    }

    private static io.glaux.sql.vector.RowFilter compile(VectorQuery side, ColumnarData data) {
        try {
            return new VectorCompiler(data.columns(), data).filter(side.spec().filter());
        } catch (VectorCompiler.Unsupported e) {
            // Planned before the data was read; the row operators take over.
            throw new VectorFallback(e.getMessage(), e);
        }
    }

    /** Closes a join's result, then its build side's data, then its probe side's, each even if one before fails. */
    static void close(Lease probed, Lease built, JoinedData joined) {
        try {
            if (joined != null) {
                joined.close();
            }
        } finally {
            try {
                if (built != null) {
                    built.close();
                }
            } finally {
                if (probed != null) {
                    probed.close();
                }
            }
        }
    }

    @Override
    public OptionalDouble distinctValues(int column) {
        if (column < probeColumns.length) {
            return probe.source().distinctValues(probeColumns[column]);
        }
        return build.source().distinctValues(buildColumns[column - probeColumns.length]);
    }

    @Override
    public void recordVectorizedScan() {
        probe.source().recordVectorizedScan();
        build.source().recordVectorizedScan();
    }
}
