package io.glaux.sql;

import io.glaux.sql.scan.Cancellation;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableInterpreter;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.BlockStatement;
import org.apache.calcite.linq4j.tree.DeclarationStatement;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.ForEachStatement;
import org.apache.calcite.linq4j.tree.ForStatement;
import org.apache.calcite.linq4j.tree.ParameterExpression;
import org.apache.calcite.linq4j.tree.Shuttle;
import org.apache.calcite.linq4j.tree.Statement;
import org.apache.calcite.linq4j.tree.WhileStatement;
import org.apache.calcite.linq4j.tree.Types;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.metadata.RelMetadataQuery;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * A physical node that passes its input's rows through unchanged and stops the query once it is cancelled. The
 * planner puts one above every operator of an optimized plan ({@link #insert}): its generated code wraps the input's
 * enumerable in {@link Cancellation#checked}, so each operator's input and output is checked row by row, including
 * the operators whose loops live in Calcite's runtime library (hash and nested-loop joins, aggregates, sorts). The
 * node at the root also puts a {@link Cancellation#check(DataContext)} at the top of every loop of the generated code
 * (window functions compute their frames in such loops, without pulling or yielding rows).
 */
final class CancellationCheck extends SingleRel implements EnumerableRel {

    private static final Method CHECKED = Types.lookupMethod(Cancellation.class, "checked",
            org.apache.calcite.linq4j.Enumerable.class, DataContext.class);
    private static final Method CHECK = Types.lookupMethod(Cancellation.class, "check", DataContext.class);

    private final boolean root;

    private CancellationCheck(RelOptCluster cluster, RelTraitSet traits, RelNode input, boolean root) {
        super(cluster, traits, input);
        this.root = root;
    }

    /**
     * The plan with a check above each of its Enumerable operators, the root included. Operators that are not
     * Enumerable (an interpreter's Bindable inputs) are left as they are.
     */
    static EnumerableRel insert(EnumerableRel plan) {
        RelNode checked = withChecks(plan);
        return new CancellationCheck(checked.getCluster(), checked.getTraitSet(), checked, true);
    }

    private static RelNode withChecks(RelNode rel) {
        if (!(rel instanceof EnumerableRel) || rel instanceof EnumerableInterpreter || rel.getInputs().isEmpty()) {
            return rel;
        }
        List<RelNode> inputs = new ArrayList<>();
        boolean changed = false;
        for (RelNode input : rel.getInputs()) {
            RelNode replaced = input instanceof EnumerableRel
                    ? new CancellationCheck(input.getCluster(), input.getTraitSet(), withChecks(input), false)
                    : input;
            changed |= replaced != input;
            inputs.add(replaced);
        }
        return changed ? rel.copy(rel.getTraitSet(), inputs) : rel;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new CancellationCheck(getCluster(), traitSet, sole(inputs), root);
    }

    @Override
    public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
        return planner.getCostFactory().makeTinyCost();
    }

    @Override
    public double estimateRowCount(RelMetadataQuery mq) {
        return mq.getRowCount(getInput());
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw).itemIf("root", true, root);
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
        Result input = implementor.visitChild(this, 0, (EnumerableRel) getInput(), pref);
        BlockBuilder builder = new BlockBuilder();
        Expression rows = builder.append("cancellableInput", input.block, false);
        builder.add(Expressions.return_(null, Expressions.call(CHECKED, rows, DataContext.ROOT)));
        BlockStatement block = builder.toBlock();
        if (root) {
            block = (BlockStatement) block.accept(new LoopChecks());
        }
        return implementor.result(input.physType, block);
    }

    /** Puts a cancellation check at the top of every loop body (nested loops included). */
    private static final class LoopChecks extends Shuttle {

        private static Statement checked(Statement body) {
            return Expressions.block(Expressions.statement(Expressions.call(CHECK, DataContext.ROOT)), body);
        }

        @Override
        public Statement visit(WhileStatement whileStatement, Expression condition, Statement body) {
            return Expressions.while_(condition, checked(body));
        }

        @Override
        public ForStatement visit(ForStatement forStatement, List<DeclarationStatement> declarations,
                                  Expression condition, Expression post, Statement body) {
            return Expressions.for_(declarations, condition, post, checked(body));
        }

        @Override
        public ForEachStatement visit(ForEachStatement forEachStatement, ParameterExpression parameter,
                                      Expression iterable, Statement body) {
            return Expressions.forEach(parameter, iterable, checked(body));
        }
    }
}
