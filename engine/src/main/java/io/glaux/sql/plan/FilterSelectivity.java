package io.glaux.sql.plan;

import io.glaux.sql.stats.PredicateSelectivity;
import org.apache.calcite.plan.volcano.RelSubset;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.MetadataDef;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.ReflectiveRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMdUtil;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.OptionalDouble;

/**
 * The share of a table's rows a filter over it keeps, by the distinct values of the columns it compares with
 * constants ({@link PredicateSelectivity}): {@code p_type = 'ECONOMY ANODIZED STEEL'} keeps one of the column's 150
 * values, not Calcite's 15 % of the rows, and a multi-way join starts from the table it filters down to a few rows.
 * Calcite's handlers carry a predicate through the filters and projections above a scan to it; a planner subset
 * answers for its first member that knows ({@link SubsetMembers}).
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
        Double known = SubsetMembers.firstKnown(subset, member -> mq.getSelectivity(member, predicate));
        return known != null ? known : RelMdUtil.guessSelectivity(predicate);
    }
}
