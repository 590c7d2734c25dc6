package io.glaux.sql.plan;

import org.apache.calcite.adapter.enumerable.EnumerableInterpreter;
import org.apache.calcite.plan.volcano.RelSubset;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.CyclicMetadataException;
import org.apache.calcite.rel.metadata.MetadataDef;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.ReflectiveRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.ArrayList;
import java.util.List;

/**
 * Distinct values through the operators Calcite's handlers stop at: a planner subset (the inputs of every join the
 * cost-based planner weighs) answers for its first member that knows (the best, the original, then the others), and a sort and the
 * interpreter keep their input's distinct values,
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
        List<RelNode> members = new ArrayList<>();
        members.add(subset.getBest());
        members.add(subset.getOriginal());
        members.addAll(subset.getRelList());
        for (RelNode member : members) {
            if (member == null) {
                continue;
            }
            try {
                Double distinct = mq.getDistinctRowCount(member, columns, predicate);
                if (distinct != null) {
                    return distinct;
                }
            } catch (CyclicMetadataException e) {
                // A member that reaches back to this subset (a join commuted above it): try the next one.
            }
        }
        return null;
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
