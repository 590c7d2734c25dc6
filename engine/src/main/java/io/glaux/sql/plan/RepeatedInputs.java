package io.glaux.sql.plan;

import org.apache.calcite.adapter.enumerable.EnumerableCorrelate;
import org.apache.calcite.adapter.enumerable.EnumerableNestedLoopJoin;
import org.apache.calcite.interpreter.Bindables;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;

import java.util.ArrayList;
import java.util.List;

/**
 * Calcite's physical operators that enumerate an input once per row of their other input: a nested loop join reads
 * its right input again for each left row (except RIGHT and FULL joins, which list it once themselves), and a
 * correlate re-evaluates its right input for each left row. Over a store table each of those enumerations is a new
 * scan. This pass, run on the optimized plan, puts an {@link EnumerableBuffer} on each largest part of such an input
 * that reads a table and does not depend on the left row, so that part is read once per query.
 */
public final class RepeatedInputs {

    private RepeatedInputs() {
    }

    public static RelNode buffer(RelNode rel) {
        List<RelNode> inputs = new ArrayList<>();
        boolean changed = false;
        for (int i = 0; i < rel.getInputs().size(); i++) {
            RelNode input = rel.getInput(i);
            RelNode rewritten = buffer(input);
            if (isRepeated(rel, i)) {
                rewritten = bufferIndependentParts(rewritten);
            }
            changed |= rewritten != input;
            inputs.add(rewritten);
        }
        return changed ? rel.copy(rel.getTraitSet(), inputs) : rel;
    }

    private static boolean isRepeated(RelNode rel, int input) {
        if (input != 1) {
            return false;
        }
        if (rel instanceof EnumerableNestedLoopJoin join) {
            return !join.getJoinType().generatesNullsOnLeft();
        }
        return rel instanceof EnumerableCorrelate;
    }

    /** {@code rel} itself if it reads no correlation variable, else its independent parts, buffered. */
    private static RelNode bufferIndependentParts(RelNode rel) {
        if (rel instanceof EnumerableBuffer || !readsTable(rel)) {
            return rel;
        }
        if (!usesCorrelation(rel)) {
            return EnumerableBuffer.create(rel);
        }
        List<RelNode> inputs = new ArrayList<>();
        boolean changed = false;
        for (RelNode input : rel.getInputs()) {
            RelNode rewritten = bufferIndependentParts(input);
            changed |= rewritten != input;
            inputs.add(rewritten);
        }
        return changed ? rel.copy(rel.getTraitSet(), inputs) : rel;
    }

    private static boolean readsTable(RelNode rel) {
        if (rel instanceof TableScan) {
            return true;
        }
        for (RelNode input : rel.getInputs()) {
            if (readsTable(input)) {
                return true;
            }
        }
        return false;
    }

    /** Whether any expression in {@code rel} or below reads a correlation variable ($cor0.x). */
    private static boolean usesCorrelation(RelNode rel) {
        CorrelationFinder finder = new CorrelationFinder();
        rel.accept(finder);
        if (rel instanceof Bindables.BindableTableScan scan) {
            // Filters pushed into a table scan are not visited by RelNode.accept(RexShuttle).
            scan.filters.forEach(filter -> filter.accept(finder));
        }
        if (finder.found) {
            return true;
        }
        for (RelNode input : rel.getInputs()) {
            if (usesCorrelation(input)) {
                return true;
            }
        }
        return false;
    }

    private static final class CorrelationFinder extends RexShuttle {
        private boolean found;

        @Override
        public RexNode visitCorrelVariable(RexCorrelVariable variable) {
            found = true;
            return variable;
        }
    }
}
