package io.glaux.sql;

import io.glaux.sql.function.ZonedCasts;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Intersect;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Minus;
import org.apache.calcite.rel.core.SetOp;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalUnion;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Trino groups and counts {@code timestamp with time zone} values (and {@code time with time zone} ones) by instant: {@code TIMESTAMP '2020-01-01 00:00:00
 * UTC'} and {@code TIMESTAMP '2020-01-01 01:00:00 +01:00'} are one group, one distinct value. An aggregate (GROUP BY,
 * SELECT DISTINCT) keyed on a zoned column is keyed on the column's instant instead, and keeps one of the group's
 * values (the least packed one; Trino keeps an arbitrary one); count(DISTINCT) and approx_distinct of a zoned column
 * count instants; UNION (distinct) is a DISTINCT over UNION ALL, INTERSECT and EXCEPT (distinct) a DISTINCT over
 * semi- and anti-joins matching instants, INTERSECT ALL and EXCEPT ALL Calcite's over instants. Grouping sets (ROLLUP,
 * CUBE) are keyed on instants too, a key left out of a set staying NULL. Applied by {@link TrinoSemantics}.
 */
final class ZonedGrouping {

    private ZonedGrouping() {
    }

    /** {@code rel} keyed and counted on instants, or {@code rel} if it groups or counts no zoned column. */
    static RelNode rewrite(RelNode rel) {
        if (rel instanceof Union union && !union.all && hasZoned(union)) {
            // UNION is a DISTINCT over UNION ALL, keyed on instants like any DISTINCT.
            return rewrite(LogicalAggregate.create(LogicalUnion.create(union.getInputs(), true), List.of(),
                    ImmutableBitSet.range(union.getRowType().getFieldCount()), null, List.of()));
        }
        if ((rel instanceof Intersect || rel instanceof Minus) && !((SetOp) rel).all && hasZoned(rel)) {
            // The distinct rows of the first input that some row of every other input matches (INTERSECT) or no row
            // of any other input matches (EXCEPT), rows matching where their zoned values are the same instants.
            JoinRelType type = rel instanceof Intersect ? JoinRelType.SEMI : JoinRelType.ANTI;
            RelNode kept = rel.getInput(0);
            for (RelNode other : rel.getInputs().subList(1, rel.getInputs().size())) {
                RelNode keys = distinctKeys(other);
                kept = LogicalJoin.create(kept, keys, List.of(), sameRows(kept, keys), Set.of(), type);
            }
            return rewrite(LogicalAggregate.create(retyped(kept, rel.getRowType()), List.of(),
                    ImmutableBitSet.range(rel.getRowType().getFieldCount()), null, List.of()));
        }
        if ((rel instanceof Intersect || rel instanceof Minus) && hasZoned(rel)) {
            return matchAllInstants((SetOp) rel);
        }
        if (!(rel instanceof Aggregate aggregate)) {
            return rel;
        }
        RelNode input = aggregate.getInput();
        List<RelDataTypeField> fields = input.getRowType().getFieldList();
        List<Integer> zonedKeys = aggregate.getGroupSet().asList().stream()
                .filter(i -> ZonedCasts.holdsInstant(fields.get(i).getType())).toList();
        List<Integer> countedZoned = aggregate.getAggCallList().stream().filter(ZonedGrouping::countsValues)
                .flatMap(c -> c.getArgList().stream()).filter(i -> ZonedCasts.holdsInstant(fields.get(i).getType()))
                .toList();
        if (zonedKeys.isEmpty() && countedZoned.isEmpty()) {
            return rel;
        }
        RexBuilder rexBuilder = rel.getCluster().getRexBuilder();
        List<RexNode> columns = new ArrayList<>();
        for (RelDataTypeField field : fields) {
            columns.add(rexBuilder.makeInputRef(field.getType(), field.getIndex()));
        }
        Map<Integer, Integer> instantOf = new LinkedHashMap<>();
        for (int i : concat(zonedKeys, countedZoned)) {
            if (!instantOf.containsKey(i)) {
                instantOf.put(i, columns.size());
                columns.add(ZonedCasts.instant(rexBuilder, columns.get(i)));
            }
        }
        RelNode keyed = LogicalProject.create(input, List.of(), columns, (List<String>) null, Set.of());
        ImmutableBitSet groupSet = keyedOnInstants(aggregate.getGroupSet(), zonedKeys, instantOf);
        List<ImmutableBitSet> groupSets = ImmutableBitSet.ORDERING.sortedCopy(aggregate.getGroupSets().stream()
                .map(set -> keyedOnInstants(set, zonedKeys, instantOf)).toList());
        List<AggregateCall> calls = new ArrayList<>();
        for (AggregateCall c : aggregate.getAggCallList()) {
            // count(DISTINCT) counts instants; GROUPING(x) asks about x's instant, the key that replaced x.
            calls.add(countsValues(c) || c.getAggregation().getKind() == SqlKind.GROUPING
                    || c.getAggregation().getKind() == SqlKind.GROUPING_ID ? c.withArgList(c.getArgList().stream()
                    .map(i -> instantOf.getOrDefault(i, i)).toList()) : c);
        }
        boolean emptyGroup = groupSets.stream().anyMatch(ImmutableBitSet::isEmpty);
        for (int key : zonedKeys) {
            RelDataType type = fields.get(key).getType();
            calls.add(AggregateCall.create(SqlStdOperatorTable.MIN, false, false, false, List.of(), List.of(key), -1,
                    null, RelCollations.EMPTY, groupSet.cardinality(), keyed, rel.getCluster().getTypeFactory()
                            .createTypeWithNullability(type, type.isNullable() || emptyGroup), null));
        }
        Aggregate grouped = aggregate.copy(aggregate.getTraitSet(), keyed, groupSet, groupSets, calls);
        List<Integer> newKeys = groupSet.asList();
        List<RexNode> outputs = new ArrayList<>();
        List<RelDataTypeField> groupedFields = grouped.getRowType().getFieldList();
        List<RelDataTypeField> originalFields = aggregate.getRowType().getFieldList();
        int callsAt = newKeys.size();
        for (int key : aggregate.getGroupSet().asList()) {
            if (zonedKeys.contains(key)) {
                // The group's value; NULL where a grouping set leaves the key out (its instant key is NULL there).
                int instantAt = newKeys.indexOf(instantOf.get(key));
                int valueAt = callsAt + aggregate.getAggCallList().size() + zonedKeys.indexOf(key);
                RelDataType type = originalFields.get(outputs.size()).getType();
                outputs.add(rexBuilder.makeCall(type, SqlStdOperatorTable.CASE, List.of(
                        rexBuilder.makeCall(SqlStdOperatorTable.IS_NULL,
                                rexBuilder.makeInputRef(groupedFields.get(instantAt).getType(), instantAt)),
                        rexBuilder.makeNullLiteral(type),
                        rexBuilder.makeInputRef(groupedFields.get(valueAt).getType(), valueAt))));
            } else {
                int at = newKeys.indexOf(key);
                outputs.add(rexBuilder.makeInputRef(groupedFields.get(at).getType(), at));
            }
        }
        for (int j = 0; j < aggregate.getAggCallList().size(); j++) {
            outputs.add(rexBuilder.makeInputRef(groupedFields.get(callsAt + j).getType(), callsAt + j));
        }
        return LogicalProject.create(grouped, List.of(), outputs, aggregate.getRowType().getFieldNames(), Set.of());
    }

    private static ImmutableBitSet keyedOnInstants(ImmutableBitSet keys, List<Integer> zonedKeys,
                                                   Map<Integer, Integer> instantOf) {
        return ImmutableBitSet.of(keys.asList().stream().map(i -> zonedKeys.contains(i) ? instantOf.get(i) : i)
                .toList());
    }

    /**
     * INTERSECT ALL and EXCEPT ALL of rows with zoned values: Calcite's set operation over the rows' keys (zoned values
     * as instants) gives each key as many times as Trino's gives its rows; each key then takes the zoned values of the
     * first input's rows with that key (the least packed ones, as a group does).
     */
    private static RelNode matchAllInstants(SetOp setOp) {
        RexBuilder rexBuilder = setOp.getCluster().getRexBuilder();
        RelNode matched = setOp.copy(setOp.getTraitSet(), setOp.getInputs().stream().map(ZonedGrouping::keys).toList(),
                true);
        RelNode first = setOp.getInput(0);
        List<RelDataTypeField> fields = first.getRowType().getFieldList();
        int n = fields.size();
        List<RexNode> keysAndValues = new ArrayList<>(((LogicalProject) keys(first)).getProjects());
        List<Integer> zoned = new ArrayList<>();
        for (RelDataTypeField field : fields) {
            if (ZonedCasts.holdsInstant(field.getType())) {
                zoned.add(field.getIndex());
                keysAndValues.add(rexBuilder.makeInputRef(field.getType(), field.getIndex()));
            }
        }
        RelNode projected = LogicalProject.create(first, List.of(), keysAndValues, (List<String>) null, Set.of());
        List<AggregateCall> values = new ArrayList<>();
        for (int j = 0; j < zoned.size(); j++) {
            values.add(AggregateCall.create(SqlStdOperatorTable.MIN, false, false, false, List.of(), List.of(n + j),
                    -1, null, RelCollations.EMPTY, n, projected, null, null));
        }
        RelNode valueOfKey = LogicalAggregate.create(projected, List.of(), ImmutableBitSet.range(n), null, values);
        RelNode joined = LogicalJoin.create(matched, valueOfKey, List.of(), sameRows(matched, valueOfKey), Set.of(),
                JoinRelType.INNER);
        List<RexNode> outputs = new ArrayList<>();
        List<RelDataTypeField> joinedFields = joined.getRowType().getFieldList();
        for (int i = 0; i < n; i++) {
            int at = zoned.contains(i) ? 2 * n + zoned.indexOf(i) : i;
            outputs.add(rexBuilder.makeInputRef(joinedFields.get(at).getType(), at));
        }
        return retyped(LogicalProject.create(joined, List.of(), outputs, setOp.getRowType().getFieldNames(), Set.of()),
                setOp.getRowType());
    }

    /**
     * {@code rel}'s rows typed as {@code rowType}, a set operation's row type: its zoned column may have more
     * fractional digits than its first input's (the same packed value, printed with more digits).
     */
    private static RelNode retyped(RelNode rel, RelDataType rowType) {
        if (rel.getRowType().equals(rowType)) {
            return rel;
        }
        RexBuilder rexBuilder = rel.getCluster().getRexBuilder();
        List<RexNode> fields = new ArrayList<>();
        for (RelDataTypeField field : rel.getRowType().getFieldList()) {
            RelDataType type = rowType.getFieldList().get(field.getIndex()).getType();
            RexNode value = rexBuilder.makeInputRef(field.getType(), field.getIndex());
            fields.add(field.getType().equals(type) ? value
                    : rexBuilder.makeReinterpretCast(type, value, rexBuilder.makeLiteral(false)));
        }
        return LogicalProject.create(rel, List.of(), fields, rowType.getFieldNames(), Set.of());
    }

    /** The rows of {@code rel}, its zoned values as instants (a project). */
    private static RelNode keys(RelNode rel) {
        RexBuilder rexBuilder = rel.getCluster().getRexBuilder();
        List<RexNode> keys = new ArrayList<>();
        for (RelDataTypeField field : rel.getRowType().getFieldList()) {
            RexNode column = rexBuilder.makeInputRef(field.getType(), field.getIndex());
            keys.add(ZonedCasts.holdsInstant(field.getType()) ? ZonedCasts.instant(rexBuilder, column) : column);
        }
        return LogicalProject.create(rel, List.of(), keys, (List<String>) null, Set.of());
    }

    /** The distinct rows of {@code rel}, its zoned values as instants. */
    private static RelNode distinctKeys(RelNode rel) {
        return LogicalAggregate.create(keys(rel), List.of(), ImmutableBitSet.range(rel.getRowType().getFieldCount()),
                null, List.of());
    }

    /** Rows of {@code left} alike rows of {@code right} (its distinct keys), NULLs alike, zoned values by instant. */
    private static RexNode sameRows(RelNode left, RelNode right) {
        RexBuilder rexBuilder = left.getCluster().getRexBuilder();
        List<RelDataTypeField> leftFields = left.getRowType().getFieldList();
        List<RelDataTypeField> rightFields = right.getRowType().getFieldList();
        List<RexNode> alike = new ArrayList<>();
        for (int i = 0; i < leftFields.size(); i++) {
            RexNode l = rexBuilder.makeInputRef(leftFields.get(i).getType(), i);
            RexNode r = rexBuilder.makeInputRef(rightFields.get(i).getType(), leftFields.size() + i);
            if (ZonedCasts.holdsInstant(l.getType())) {
                l = ZonedCasts.instant(rexBuilder, l);
            }
            alike.add(rexBuilder.makeCall(SqlStdOperatorTable.IS_NOT_DISTINCT_FROM, l, r));
        }
        return RexUtil.composeConjunction(rexBuilder, alike);
    }

    private static boolean hasZoned(RelNode rel) {
        return rel.getRowType().getFieldList().stream().anyMatch(f -> ZonedCasts.holdsInstant(f.getType()));
    }

    /** Calls whose result depends only on which distinct values they see: count(DISTINCT), approx_distinct. */
    private static boolean countsValues(AggregateCall c) {
        return c.isDistinct() && c.getAggregation().getKind() == SqlKind.COUNT
                || c.getAggregation().getName().toLowerCase(Locale.ROOT).equals("approx_distinct");
    }

    private static List<Integer> concat(List<Integer> a, List<Integer> b) {
        List<Integer> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
