package io.glaux.sql.plan;

import io.glaux.sql.function.RowKey;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableMergeUnion;
import org.apache.calcite.adapter.enumerable.EnumerableSort;
import org.apache.calcite.adapter.enumerable.EnumerableUnion;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.SetOp;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Calcite's operators that hash the values they key on: an aggregate its group keys (GROUP BY, SELECT DISTINCT, and
 * the grouping Calcite plans for count(DISTINCT) and the like), UNION (distinct), INTERSECT and EXCEPT their rows.
 * A row value is the {@code Object[]} of its fields, equal only to itself, so those operators would keep apart every
 * row value, however equal its fields. This pass, run on the optimized plan, keys them on a {@link RowKey} of each
 * value that holds rows instead: a calc below the operator computes the keys, and a calc above gives back the values
 * they stand for, so the operator's output is what it was. A UNION planned as a merge of sorted inputs, which keys
 * cannot be (they have no order), becomes a hash union of keys and a sort. (A join on rows joins on their fields:
 * {@link io.glaux.sql.function.RowComparison}.)
 */
public final class RowValueKeys {

    private RowValueKeys() {
    }

    /** {@code rel}, an optimized plan, with its operators that hash row values keyed on their {@link RowKey}s. */
    public static RelNode apply(RelNode rel) {
        List<RelNode> inputs = new ArrayList<>();
        boolean changed = false;
        for (RelNode input : rel.getInputs()) {
            RelNode rewritten = apply(input);
            changed |= rewritten != input;
            inputs.add(rewritten);
        }
        RelNode copy = changed ? rel.copy(rel.getTraitSet(), inputs) : rel;
        if (copy instanceof Aggregate aggregate) {
            return keyed(aggregate);
        }
        if (copy instanceof EnumerableMergeUnion merge && !merge.all && holdsRows(merge)) {
            // A merge of sorted inputs cannot merge on keys, which have no order: a hash union, then a sort.
            RelNode union = new EnumerableUnion(merge.getCluster(), merge.getTraitSet().replace(RelCollations.EMPTY),
                    merge.getInputs(), false);
            return EnumerableSort.create(keyed((SetOp) union), merge.getTraitSet().getCollation(), null, null);
        }
        if (copy instanceof SetOp setOp && !(setOp instanceof Union && setOp.all)) {
            return keyed(setOp);
        }
        return copy;
    }

    private static boolean holdsRows(RelNode rel) {
        return rel.getRowType().getFieldList().stream().anyMatch(f -> RowKey.holdsRows(f.getType()));
    }

    /** The aggregate grouped on the keys of its group columns that hold rows, the values restored above it. */
    private static RelNode keyed(Aggregate aggregate) {
        RelNode input = aggregate.getInput();
        List<RelDataTypeField> fields = input.getRowType().getFieldList();
        List<Integer> rowColumns = aggregate.getGroupSet().asList().stream()
                .filter(i -> RowKey.holdsRows(fields.get(i).getType())).toList();
        if (rowColumns.isEmpty()) {
            return aggregate;
        }
        RexBuilder rexBuilder = aggregate.getCluster().getRexBuilder();
        List<RexNode> columns = columns(input);
        List<String> names = new ArrayList<>(input.getRowType().getFieldNames());
        Map<Integer, Integer> keyOf = new HashMap<>();
        for (int column : rowColumns) {
            keyOf.put(column, columns.size());
            columns.add(RowKey.key(rexBuilder, columns.get(column)));
            names.add(names.get(column) + "_key");
        }
        RelNode keyed = calc(input, columns, SqlValidatorUtil.uniquify(names, true));
        ImmutableBitSet groupSet = remapped(aggregate.getGroupSet(), keyOf);
        List<ImmutableBitSet> groupSets = ImmutableBitSet.ORDERING.sortedCopy(aggregate.getGroupSets().stream()
                .map(set -> remapped(set, keyOf)).toList());
        List<AggregateCall> calls = new ArrayList<>();
        for (AggregateCall call : aggregate.getAggCallList()) {
            // GROUPING(r) asks about r's key, the group column that replaced r.
            boolean grouping = call.getAggregation().getKind() == SqlKind.GROUPING
                    || call.getAggregation().getKind() == SqlKind.GROUPING_ID;
            calls.add(grouping ? call.withArgList(call.getArgList().stream().map(i -> keyOf.getOrDefault(i, i))
                    .toList()) : call);
        }
        Aggregate grouped = aggregate.copy(aggregate.getTraitSet(), keyed, groupSet, groupSets, calls);
        List<Integer> groupedKeys = groupSet.asList();
        List<RexNode> outputs = new ArrayList<>();
        List<RelDataTypeField> outputFields = aggregate.getRowType().getFieldList();
        for (int key : aggregate.getGroupSet().asList()) {
            int at = groupedKeys.indexOf(keyOf.getOrDefault(key, key));
            RexNode column = rexBuilder.makeInputRef(grouped, at);
            outputs.add(keyOf.containsKey(key)
                    ? RowKey.value(rexBuilder, outputFields.get(outputs.size()).getType(), column) : column);
        }
        for (int i = 0; i < aggregate.getAggCallList().size(); i++) {
            outputs.add(rexBuilder.makeInputRef(grouped, groupedKeys.size() + i));
        }
        return calc(grouped, outputs, aggregate.getRowType());
    }

    /** The set operation over its inputs' rows with the keys of their values that hold rows, restored above it. */
    private static RelNode keyed(SetOp setOp) {
        List<RelDataTypeField> fields = setOp.getRowType().getFieldList();
        if (!holdsRows(setOp)) {
            return setOp;
        }
        RexBuilder rexBuilder = setOp.getCluster().getRexBuilder();
        List<RelNode> inputs = new ArrayList<>();
        for (RelNode input : setOp.getInputs()) {
            List<RexNode> columns = columns(input);
            for (RelDataTypeField field : fields) {
                if (RowKey.holdsRows(field.getType())) {
                    columns.set(field.getIndex(), RowKey.key(rexBuilder, columns.get(field.getIndex())));
                }
            }
            inputs.add(calc(input, columns, input.getRowType().getFieldNames()));
        }
        RelNode keyed = setOp.copy(setOp.getTraitSet(), inputs, setOp.all);
        List<RexNode> outputs = columns(keyed);
        for (RelDataTypeField field : fields) {
            if (RowKey.holdsRows(field.getType())) {
                outputs.set(field.getIndex(), RowKey.value(rexBuilder, field.getType(), outputs.get(field.getIndex())));
            }
        }
        return calc(keyed, outputs, setOp.getRowType());
    }

    private static List<RexNode> columns(RelNode rel) {
        return new ArrayList<>(rel.getCluster().getRexBuilder().identityProjects(rel.getRowType()));
    }

    /** {@code input}'s rows projected to {@code columns}, named {@code names}. */
    private static RelNode calc(RelNode input, List<RexNode> columns, List<String> names) {
        return EnumerableCalc.create(input, RexProgram.create(input.getRowType(), columns, null, names,
                input.getCluster().getRexBuilder()));
    }

    /** {@code input}'s rows projected to {@code columns}, typed {@code rowType}: the operator's the calc replaces. */
    private static RelNode calc(RelNode input, List<RexNode> columns, RelDataType rowType) {
        return EnumerableCalc.create(input, RexProgram.create(input.getRowType(), columns, null, rowType,
                input.getCluster().getRexBuilder()));
    }

    private static ImmutableBitSet remapped(ImmutableBitSet columns, Map<Integer, Integer> keyOf) {
        return ImmutableBitSet.of(columns.asList().stream().map(i -> keyOf.getOrDefault(i, i)).toList());
    }
}
