package io.glaux.sql.plan;

import io.glaux.sql.stats.PredicateSelectivity;
import org.apache.calcite.plan.volcano.RelSubset;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.CyclicMetadataException;
import org.apache.calcite.rel.metadata.MetadataDef;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.ReflectiveRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMdUtil;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The share of a table's rows a filter over it keeps, by the distinct values of the columns it compares with
 * constants ({@link PredicateSelectivity}): {@code p_type = 'ECONOMY ANODIZED STEEL'} keeps one of the column's 150
 * values, not Calcite's 15 % of the rows, and a multi-way join starts from the table it filters down to a few rows.
 * Calcite's handlers carry a predicate through the filters and projections above a scan to it; a planner subset
 * answers for its first member that knows, as for distinct values ({@link DistinctRowCounts}).
 */
public final class FilterSelectivity implements MetadataHandler<BuiltInMetadata.Selectivity> {

    /** The handler, for {@link PlannerMetadata} to put in front of Calcite's handlers. */
    static final RelMetadataProvider SOURCE = ReflectiveRelMetadataProvider.reflectiveSource(new FilterSelectivity(),
            BuiltInMetadata.Selectivity.Handler.class);

    private FilterSelectivity() {
    }

    @Override
    public MetadataDef<BuiltInMetadata.Selectivity> getDef() {
        return BuiltInMetadata.Selectivity.DEF;
    }

    /** Called by Calcite's metadata dispatch. */
    public Double getSelectivity(TableScan scan, RelMetadataQuery mq, RexNode predicate) {
        return PredicateSelectivity.of(predicate, column -> {
            Double distinct = mq.getDistinctRowCount(scan, ImmutableBitSet.of(column), null);
            return distinct == null ? OptionalDouble.empty() : OptionalDouble.of(distinct);
        });
    }

    /** Called by Calcite's metadata dispatch. */
    public Double getSelectivity(RelSubset subset, RelMetadataQuery mq, RexNode predicate) {
        List<RelNode> members = new ArrayList<>();
        members.add(subset.getBest());
        members.add(subset.getOriginal());
        members.addAll(subset.getRelList());
        for (RelNode member : members) {
            if (member == null) {
                continue;
            }
            try {
                Double selectivity = mq.getSelectivity(member, predicate);
                if (selectivity != null) {
                    return selectivity;
                }
            } catch (CyclicMetadataException e) {
                // A member that reaches back to this subset: try the next one.
            }
        }
        return RelMdUtil.guessSelectivity(predicate);
    }
}
