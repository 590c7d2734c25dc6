package io.glaux.sql.vector.plan;

import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.MetadataDef;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.ReflectiveRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMdUtil;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Distinct values of a vectorized scan's output columns, from its source ({@link VectorSource#distinctValues}: a
 * SPICE version's dictionaries and value ranges, a Parquet footer's ranges), so that joins over such scans are
 * ordered by their keys as joins over row scans are. Only for scans that pass columns through (not aggregates).
 */
public final class VectorQueryStatistics implements MetadataHandler<BuiltInMetadata.DistinctRowCount> {

    /** The handler, for the planner's metadata chain. */
    public static final RelMetadataProvider SOURCE = ReflectiveRelMetadataProvider.reflectiveSource(
            new VectorQueryStatistics(), BuiltInMetadata.DistinctRowCount.Handler.class);

    private VectorQueryStatistics() {
    }

    @Override
    public MetadataDef<BuiltInMetadata.DistinctRowCount> getDef() {
        return BuiltInMetadata.DistinctRowCount.DEF;
    }

    /** Called by Calcite's metadata dispatch. */
    public Double getDistinctRowCount(VectorQuery query, RelMetadataQuery mq, ImmutableBitSet columns,
                                      RexNode predicate) {
        VectorQuerySpec spec = query.spec();
        if (spec.aggregation() != null || columns.isEmpty()) {
            return null;
        }
        int[] tableColumns = new int[columns.cardinality()];
        int i = 0;
        for (int field : columns) {
            if (field >= spec.projects().size() || !(spec.projects().get(field) instanceof RexInputRef ref)) {
                return null;
            }
            tableColumns[i++] = ref.getIndex();
        }
        return distinct(query.source(), tableColumns, mq.getRowCount(query), predicate);
    }

    /**
     * At most how many distinct combinations the table columns {@code columns} of {@code source} hold among
     * {@code rows} rows passing {@code predicate}; null when a column's count is not known.
     */
    static Double distinct(VectorSource source, int[] columns, Double rows, RexNode predicate) {
        List<OptionalDouble> values = new ArrayList<>();
        for (int column : columns) {
            values.add(source.distinctValues(column));
        }
        return bound(values, rows, predicate);
    }

    /**
     * At most how many distinct combinations columns with {@code values} distinct values each hold among
     * {@code rows} rows passing {@code predicate}: their product capped by the rows, reduced by the predicate's
     * guessed selectivity; null when a column's count is not known. For every scan that knows its columns' counts.
     */
    public static Double bound(List<OptionalDouble> values, Double rows, RexNode predicate) {
        double distinct = 1;
        for (OptionalDouble value : values) {
            if (value.isEmpty()) {
                return null;
            }
            distinct *= value.getAsDouble();
        }
        double bound = rows == null ? distinct : Math.min(distinct, rows);
        return predicate == null ? bound
                : RelMdUtil.numDistinctVals(bound, bound * RelMdUtil.guessSelectivity(predicate));
    }

    /**
     * The handler a table that plans onto a {@link VectorTableScan} gives Calcite for its scans (Calcite's adapter
     * idiom: {@code Table.unwrap(BuiltInMetadata.DistinctRowCount.Handler.class)}), so that joins planned before the
     * scans become vectorized queries see the same distinct values.
     */
    public static BuiltInMetadata.DistinctRowCount.Handler forScansOf(VectorSource source) {
        return (scan, mq, columns, predicate) -> columns.isEmpty() ? null
                : distinct(source, columns.toArray(), mq.getRowCount(scan), predicate);
    }
}
