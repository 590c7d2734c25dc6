package io.glaux.sql.plan;

import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.metadata.JaninoRelMetadataProvider;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.tools.Frameworks;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CompiledMetadataHandlersTest {

    @Test
    void theBuildCompiledEveryKindOfMetadataForThePlannersHandlers() {
        CompiledMetadataHandlers handlers = new CompiledMetadataHandlers(PlannerMetadata.PROVIDER);

        assertThat(CompiledMetadataHandlers.kinds()).hasSize(27);
        for (Class<? extends MetadataHandler<?>> kind : CompiledMetadataHandlers.kinds()) {
            assertThat(handlers.isCompiled(kind)).as(kind.getName()).isTrue();
            assertThat(handlers.handler(kind)).isInstanceOf(kind).isSameAs(handlers.revise(kind));
        }
    }

    /** Calcite's own provider has other row count handlers than the planner's, so the compiled ones do not fit. */
    @Test
    void aKindWhoseHandlersDifferFromTheBuildsIsCompiledAtRunTime() {
        CompiledMetadataHandlers handlers = new CompiledMetadataHandlers(DefaultRelMetadataProvider.INSTANCE);

        assertThat(handlers.isCompiled(BuiltInMetadata.RowCount.Handler.class)).isFalse();
        assertThat(handlers.isCompiled(BuiltInMetadata.Selectivity.Handler.class)).isFalse();
        // The same handlers as the planner's: the build's class serves it.
        assertThat(handlers.isCompiled(BuiltInMetadata.Size.Handler.class)).isTrue();
        RelNode plan = plan(RelBuilder.create(Frameworks.newConfigBuilder()
                .defaultSchema(Frameworks.createRootSchema(true)).build()));
        assertThat(new RelMetadataQuery(handlers).getRowCount(plan))
                .isEqualTo(new RelMetadataQuery(JaninoRelMetadataProvider.of(DefaultRelMetadataProvider.INSTANCE))
                        .getRowCount(plan));
    }

    @Test
    void theFingerprintChangesWithTheHandlersMethods() {
        var rowCount = BuiltInMetadata.RowCount.Handler.class;
        var planners = CompiledMetadataHandlers.handlersOf(PlannerMetadata.PROVIDER, rowCount);
        var calcites = CompiledMetadataHandlers.handlersOf(DefaultRelMetadataProvider.INSTANCE, rowCount);

        assertThat(CompiledMetadataHandlers.fingerprint(rowCount, planners))
                .isEqualTo(CompiledMetadataHandlers.fingerprint(rowCount, List.copyOf(planners)))
                .isNotEqualTo(CompiledMetadataHandlers.fingerprint(rowCount, calcites));
        assertThat(MetadataHandlerCompiler.source(PlannerMetadata.PROVIDER, rowCount))
                .isEqualTo(MetadataHandlerCompiler.source(PlannerMetadata.PROVIDER, rowCount))
                .contains("package " + CompiledMetadataHandlers.PACKAGE + ";")
                .contains(CompiledMetadataHandlers.FINGERPRINT_FIELD + " = \""
                        + CompiledMetadataHandlers.fingerprint(rowCount, planners) + "\"");
    }

    /** Every node of a plan of filters, joins of each kind, aggregates, sorts and unions gets Janino's answers. */
    @Test
    void theCompiledHandlersAnswerAsJaninosDo() {
        RelBuilder builder = RelBuilder.create(Frameworks.newConfigBuilder()
                .defaultSchema(Frameworks.createRootSchema(true)).build());
        RelNode plan = plan(builder);
        RelMetadataQuery compiled = new RelMetadataQuery(new CompiledMetadataHandlers(PlannerMetadata.PROVIDER));
        RelMetadataQuery janino = new RelMetadataQuery(JaninoRelMetadataProvider.of(PlannerMetadata.PROVIDER));

        List<RelNode> nodes = new ArrayList<>();
        collect(plan, nodes);
        assertThat(nodes).hasSizeGreaterThan(10);
        for (RelNode node : nodes) {
            String what = node.explain();
            assertThat(compiled.getRowCount(node)).as(what).isEqualTo(janino.getRowCount(node));
            assertThat(compiled.getMaxRowCount(node)).as(what).isEqualTo(janino.getMaxRowCount(node));
            assertThat(compiled.getMinRowCount(node)).as(what).isEqualTo(janino.getMinRowCount(node));
            assertThat(costText(compiled.getCumulativeCost(node))).as(what)
                    .isEqualTo(costText(janino.getCumulativeCost(node)));
            assertThat(costText(compiled.getNonCumulativeCost(node))).as(what)
                    .isEqualTo(costText(janino.getNonCumulativeCost(node)));
            assertThat(compiled.collations(node)).as(what).isEqualTo(janino.collations(node));
            assertThat(compiled.getUniqueKeys(node)).as(what).isEqualTo(janino.getUniqueKeys(node));
            assertThat(compiled.getPulledUpPredicates(node).pulledUpPredicates).as(what)
                    .isEqualTo(janino.getPulledUpPredicates(node).pulledUpPredicates);
            assertThat(compiled.getAverageRowSize(node)).as(what).isEqualTo(janino.getAverageRowSize(node));
            ImmutableBitSet first = ImmutableBitSet.of(0);
            assertThat(compiled.getDistinctRowCount(node, first, null)).as(what)
                    .isEqualTo(janino.getDistinctRowCount(node, first, null));
            assertThat(compiled.areColumnsUnique(node, first)).as(what).isEqualTo(janino.areColumnsUnique(node, first));
            RexNode test = builder.getRexBuilder().makeCall(SqlStdOperatorTable.IS_NOT_NULL,
                    builder.getRexBuilder().makeInputRef(node, 0));
            assertThat(compiled.getSelectivity(node, test)).as(what).isEqualTo(janino.getSelectivity(node, test));
        }
    }

    private static String costText(RelOptCost cost) {
        return cost == null ? "null" : cost.toString();
    }

    private static void collect(RelNode node, List<RelNode> into) {
        into.add(node);
        node.getInputs().forEach(input -> collect(input, into));
    }

    /** Two tables of values joined four ways, filtered, aggregated, sorted and unioned. */
    private static RelNode plan(RelBuilder b) {
        b.values(new String[] {"id", "name", "amount"}, 1, "a", 10, 2, "b", 20, 3, "c", 30, 4, null, 40);
        b.filter(b.call(SqlStdOperatorTable.GREATER_THAN, b.field("amount"), b.literal(15)));
        b.values(new String[] {"key", "label"}, 1, "x", 2, "y", 2, "z", 5, "w");
        b.join(JoinRelType.INNER, b.equals(b.field(2, 0, "id"), b.field(2, 1, "key")));
        b.aggregate(b.groupKey("id"), b.count(false, "n"), b.sum(false, "total", b.field("amount")));
        b.sortLimit(0, 10, b.desc(b.field("n")));
        RelNode top = b.build();
        b.values(new String[] {"id", "name", "amount"}, 1, "a", 10, 2, "b", 20);
        b.values(new String[] {"key"}, 1, 3);
        b.join(JoinRelType.LEFT, b.equals(b.field(2, 0, "id"), b.field(2, 1, "key")));
        b.values(new String[] {"key"}, 2);
        b.join(JoinRelType.ANTI, b.equals(b.field(2, 0, "id"), b.field(2, 1, "key")));
        b.values(new String[] {"key"}, 1);
        b.join(JoinRelType.SEMI, b.equals(b.field(2, 0, "id"), b.field(2, 1, "key")));
        b.aggregate(b.groupKey("id"), b.count(false, "n"), b.sum(false, "total", b.field("amount")));
        b.sortLimit(0, 10, b.desc(b.field("n")));
        b.push(top);
        b.union(true);
        return b.build();
    }
}
