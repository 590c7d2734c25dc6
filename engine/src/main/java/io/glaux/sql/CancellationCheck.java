package io.glaux.sql;

import io.glaux.sql.scan.Cancellation;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableInterpreter;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.EnumerableValues;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.DelegatingEnumerator;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.BlockStatement;
import org.apache.calcite.linq4j.tree.DeclarationStatement;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.ForEachStatement;
import org.apache.calcite.linq4j.tree.ForStatement;
import org.apache.calcite.linq4j.tree.MemberDeclaration;
import org.apache.calcite.linq4j.tree.MethodDeclaration;
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
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.util.BuiltInMethod;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A physical node that passes its input's rows through unchanged and stops the query once it is cancelled. The
 * planner puts one above every operator of an optimized plan ({@link #insert}): its generated code wraps the input's
 * enumerable in one that calls {@link Cancellation#check(AtomicBoolean)} before every row, so each operator's input
 * and output is checked, including the operators whose loops live in Calcite's runtime library (hash and nested-loop
 * joins, aggregates, sorts). The node at the root also puts that check at the top of every loop of the generated
 * code (window functions compute their frames in such loops, without pulling or yielding rows; a Calc filters in
 * one) and of every generated comparator (a window sorts its materialized partitions with one).
 */
final class CancellationCheck extends SingleRel implements EnumerableRel {

    private static final Method CHECK = Types.lookupMethod(Cancellation.class, "check", AtomicBoolean.class);
    private static final Method FLAG = Types.lookupMethod(Cancellation.class, "flag", DataContext.class);
    /**
     * The query's cancel flag, read once from the DataContext at the top of the generated {@code bind} method; every
     * check in the generated code reads it (a local, captured by the nested classes).
     */
    private static final ParameterExpression CANCEL_FLAG = Expressions.parameter(Modifier.FINAL, AtomicBoolean.class,
            "glauxCancelFlag");

    private final boolean root;

    /**
     * A plan bound without generated code (one vectorized query), its rows checked as a root check's code checks them:
     * the query's cancel flag before every row.
     */
    static Bindable<Object[]> bind(Bindable<Object[]> plan) {
        return root -> {
            AtomicBoolean flag = Cancellation.flag(root);
            Enumerable<Object[]> rows = plan.bind(root);
            return new AbstractEnumerable<>() {
                @Override
                public Enumerator<Object[]> enumerator() {
                    return new DelegatingEnumerator<>(rows.enumerator()) {
                        @Override
                        public boolean moveNext() {
                            Cancellation.check(flag);
                            return delegate.moveNext();
                        }
                    };
                }
            };
        };
    }

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
        // A Calc either loops over its input (a filter: the loop is checked) or passes rows one for one to its own
        // output, which is checked: a check on its input would only repeat those.
        boolean checkInputs = !(rel instanceof EnumerableCalc);
        List<RelNode> inputs = new ArrayList<>();
        boolean changed = false;
        for (RelNode input : rel.getInputs()) {
            RelNode below = withChecks(input);
            // A VALUES yields its few literal rows and nothing else: the operator reading it does bounded work per
            // row of its other inputs (or of its output), which are checked.
            RelNode replaced = checkInputs && input instanceof EnumerableRel && !(input instanceof EnumerableValues)
                    ? new CancellationCheck(input.getCluster(), input.getTraitSet(), below, false)
                    : below;
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

    /**
     * Generates, in place of the input's enumerable {@code e}:
     *
     * <pre>{@code
     * new AbstractEnumerable() {
     *     public Enumerator enumerator() {
     *         return new Enumerator() {
     *             public final Enumerator inputEnumerator = e.enumerator();
     *             public boolean moveNext() {
     *                 Cancellation.check(glauxCancelFlag); return inputEnumerator.moveNext();
     *             }
     *             public Object current() { return inputEnumerator.current(); }
     *             ...
     * }</pre>
     *
     * A class of its own for each node (rather than one shared wrapper) keeps every call to the input's enumerator
     * monomorphic, so the JIT inlines it; the flag is a local of {@code bind} (declared by the root node), so the
     * check costs a volatile read per row.
     */
    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
        Result input = implementor.visitChild(this, 0, (EnumerableRel) getInput(), pref);
        BlockBuilder builder = new BlockBuilder();
        Expression rows = builder.append("cancellableInput", input.block, false);
        ParameterExpression inputEnumerator = Expressions.parameter(Enumerator.class, "inputEnumerator");
        Expression enumerator = Expressions.new_(Enumerator.class, List.of(), List.of(
                Expressions.fieldDecl(Modifier.PUBLIC | Modifier.FINAL, inputEnumerator,
                        Expressions.call(rows, BuiltInMethod.ENUMERABLE_ENUMERATOR.method)),
                Expressions.methodDecl(Modifier.PUBLIC, boolean.class, "moveNext", List.of(),
                        Blocks.toFunctionBlock(Expressions.block(
                                Expressions.statement(Expressions.call(CHECK, CANCEL_FLAG)),
                                Expressions.return_(null, Expressions.call(inputEnumerator,
                                        BuiltInMethod.ENUMERATOR_MOVE_NEXT.method))))),
                Expressions.methodDecl(Modifier.PUBLIC, Object.class, "current", List.of(),
                        Blocks.toFunctionBlock(Expressions.call(inputEnumerator,
                                BuiltInMethod.ENUMERATOR_CURRENT.method))),
                Expressions.methodDecl(Modifier.PUBLIC, void.class, "reset", List.of(),
                        Expressions.block(Expressions.statement(Expressions.call(inputEnumerator,
                                BuiltInMethod.ENUMERATOR_RESET.method)))),
                Expressions.methodDecl(Modifier.PUBLIC, void.class, "close", List.of(),
                        Expressions.block(Expressions.statement(Expressions.call(inputEnumerator,
                                BuiltInMethod.ENUMERATOR_CLOSE.method))))));
        Expression enumerable = Expressions.new_(AbstractEnumerable.class, List.of(), List.of(
                Expressions.methodDecl(Modifier.PUBLIC, Enumerator.class,
                        BuiltInMethod.ENUMERABLE_ENUMERATOR.method.getName(), List.of(),
                        Blocks.toFunctionBlock(enumerator))));
        builder.add(Expressions.return_(null, enumerable));
        BlockStatement block = builder.toBlock();
        if (root) {
            BlockStatement checked = (BlockStatement) block.accept(new LoopChecks());
            List<Statement> statements = new ArrayList<>();
            statements.add(Expressions.declare(Modifier.FINAL, CANCEL_FLAG, Expressions.call(FLAG, DataContext.ROOT)));
            statements.addAll(checked.statements);
            block = Expressions.block(statements);
        }
        return implementor.result(input.physType, block);
    }

    /**
     * Puts a cancellation check at the top of every loop body (nested loops included) and of every generated
     * comparator's {@code compare}, so a sort of materialized rows (a window's partitions) can be stopped too.
     */
    private static final class LoopChecks extends Shuttle {

        private static BlockStatement checked(Statement body) {
            return Expressions.block(Expressions.statement(Expressions.call(CHECK, CANCEL_FLAG)), body);
        }

        @Override
        public MemberDeclaration visit(MethodDeclaration method, BlockStatement body) {
            if (!method.name.equals("compare")) {
                return super.visit(method, body);
            }
            return Expressions.methodDecl(method.modifier, method.resultType, method.name, method.parameters,
                    checked(body));
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
