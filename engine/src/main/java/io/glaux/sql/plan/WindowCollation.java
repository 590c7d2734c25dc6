package io.glaux.sql.plan;

import com.google.common.collect.ImmutableList;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.logical.LogicalWindow;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.MetadataDef;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.ReflectiveRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;

import java.util.List;

/**
 * Calcite's metadata with one correction: a window's output has no known order. Calcite says a window keeps its
 * input's order, but its Enumerable implementation emits the rows sorted by the window's partition and order keys, so
 * an {@code ORDER BY} above a window over sorted input (a VALUES list in order, a sorted subquery) was dropped and the
 * rows came out in the window's order. Install it on the cluster and replace the planner's window rule.
 */
public final class WindowCollation implements MetadataHandler<BuiltInMetadata.Collation> {

    /** The correction, for {@link PlannerMetadata} to put in front of Calcite's handlers. */
    static final RelMetadataProvider SOURCE = ReflectiveRelMetadataProvider.reflectiveSource(new WindowCollation(),
            BuiltInMetadata.Collation.Handler.class);

    private WindowCollation() {
    }

    /**
     * Replaces Calcite's rule that implements windows by one whose windows claim no order: Calcite's takes the order
     * its logical window inherited from the projection it was split from, which is the input's order.
     */
    public static void replaceWindowRule(RelOptPlanner planner) {
        planner.removeRule(EnumerableRules.ENUMERABLE_WINDOW_RULE);
        planner.addRule(UnorderedWindowRule.CONFIG.toRule(UnorderedWindowRule.class));
    }

    /** Calcite's implementation of a logical window, with no order among its traits. */
    private static final class UnorderedWindowRule extends ConverterRule {
        static final Config CONFIG = Config.INSTANCE
                .withConversion(LogicalWindow.class, Convention.NONE, EnumerableConvention.INSTANCE,
                        "UnorderedWindowRule")
                .withRuleFactory(UnorderedWindowRule::new);

        private UnorderedWindowRule(Config config) {
            super(config);
        }

        @Override
        public RelNode convert(RelNode rel) {
            ConverterRule calcites = EnumerableRules.ENUMERABLE_WINDOW_RULE;
            RelNode window = calcites.convert(rel);
            return window == null ? null
                    : window.copy(window.getTraitSet().replace(RelCollations.EMPTY), window.getInputs());
        }
    }

    /** A window's rows come out in no order its planner may rely on. */
    public ImmutableList<RelCollation> collations(Window rel, RelMetadataQuery mq) {
        return ImmutableList.of();
    }

    @Override
    public MetadataDef<BuiltInMetadata.Collation> getDef() {
        return BuiltInMetadata.Collation.DEF;
    }
}
