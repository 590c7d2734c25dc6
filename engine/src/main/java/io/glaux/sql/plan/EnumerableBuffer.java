package io.glaux.sql.plan;

import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.Types;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.SingleRel;

import java.lang.reflect.Method;
import java.util.List;

/**
 * Reads its input once per query run and hands the same rows to every enumeration that follows (see
 * {@link RowBuffer}). {@link RepeatedInputs} puts it where an operator would otherwise read a table again for each
 * row of its other input.
 */
public final class EnumerableBuffer extends SingleRel implements EnumerableRel {

    private static final Method ROWS = Types.lookupMethod(RowBuffer.class, "rows", DataContext.class,
            Enumerable.class);

    EnumerableBuffer(RelOptCluster cluster, RelTraitSet traits, RelNode input) {
        super(cluster, traits, input);
    }

    static EnumerableBuffer create(RelNode input) {
        return new EnumerableBuffer(input.getCluster(), input.getTraitSet(), input);
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new EnumerableBuffer(getCluster(), traitSet, sole(inputs));
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer preference) {
        Result input = implementor.visitChild(this, 0, (EnumerableRel) getInput(), preference);
        BlockBuilder builder = new BlockBuilder();
        Expression rows = builder.append("input", input.block);
        Expression buffer = implementor.stash(new RowBuffer(), RowBuffer.class);
        builder.add(Expressions.return_(null, Expressions.call(buffer, ROWS, DataContext.ROOT, rows)));
        return implementor.result(input.physType, builder.toBlock());
    }
}
