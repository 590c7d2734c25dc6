package io.glaux.sql.plan;

import org.apache.calcite.adapter.enumerable.EnumerableInterpreter;
import org.apache.calcite.plan.volcano.RelSubset;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.MetadataDef;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.ReflectiveRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Distinct values through the operators Calcite's handlers stop at: a planner subset answers for its first member
 * that knows ({@link SubsetMembers}), and a sort and the interpreter keep their input's distinct values,
 * so a join's key statistics reach it from the tables below ({@link JoinRowCounts}).
 */
public final class DistinctRowCounts implements MetadataHandler<BuiltInMetadata.DistinctRowCount> {

    /** The handler, for {@link PlannerMetadata} to put in front of Calcite's handlers. */
    static final RelMetadataProvider SOURCE = ReflectiveRelMetadataProvider.reflectiveSource(new DistinctRowCounts(),
            BuiltInMetadata.DistinctRowCount.Handler.class);

    private DistinctRowCounts() {
    }

    @Override
    public MetadataDef<BuiltInMetadata.DistinctRowCount> getDef() {
        return BuiltInMetadata.DistinctRowCount.DEF;
    }

    /** Called by Calcite's metadata dispatch. */
    public Double getDistinctRowCount(RelSubset subset, RelMetadataQuery mq, ImmutableBitSet columns,
                                      RexNode predicate) {
        return SubsetMembers.firstKnown(subset, member -> mq.getDistinctRowCount(member, columns, predicate));
    }

    /** Called by Calcite's metadata dispatch: the interpreter runs its input's rows unchanged. */
    public Double getDistinctRowCount(EnumerableInterpreter interpreter, RelMetadataQuery mq,
                                      ImmutableBitSet columns, RexNode predicate) {
        return mq.getDistinctRowCount(interpreter.getInput(), columns, predicate);
    }

    /** Called by Calcite's metadata dispatch. */
    public Double getDistinctRowCount(Sort sort, RelMetadataQuery mq, ImmutableBitSet columns, RexNode predicate) {
        Double distinct = mq.getDistinctRowCount(sort.getInput(), columns, predicate);
        Double rows = mq.getRowCount(sort);
        if (distinct == null || rows == null) {
            return distinct;
        }
        return Math.min(distinct, rows);
    }
}
