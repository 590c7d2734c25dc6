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
 * Trino groups and counts {@code timestamp with time zone} values by instant: {@code TIMESTAMP '2020-01-01 00:00:00
 * UTC'} and {@code TIMESTAMP '2020-01-01 01:00:00 +01:00'} are one group, one distinct value. An aggregate (GROUP BY,
 * SELECT DISTINCT) keyed on a zoned column is keyed on the column's instant instead, and keeps one of the group's
 * values (the least packed one; Trino keeps an arbitrary one); count(DISTINCT) and approx_distinct of a zoned column
 * count instants; UNION (distinct) is a DISTINCT over UNION ALL, INTERSECT and EXCEPT (distinct) a DISTINCT over
 * semi- and anti-joins matching instants. Grouping sets are left as they are. Applied by {@link TrinoSemantics}.
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
            return rewrite(LogicalAggregate.create(kept, List.of(),
                    ImmutableBitSet.range(rel.getRowType().getFieldCount()), null, List.of()));
        }
        if (!(rel instanceof Aggregate aggregate) || aggregate.getGroupType() != Aggregate.Group.SIMPLE) {
            return rel;
        }
        RelNode input = aggregate.getInput();
        List<RelDataTypeField> fields = input.getRowType().getFieldList();
        List<Integer> zonedKeys = aggregate.getGroupSet().asList().stream()
                .filter(i -> ZonedCasts.isZoned(fields.get(i).getType())).toList();
        List<Integer> countedZoned = aggregate.getAggCallList().stream().filter(ZonedGrouping::countsValues)
                .flatMap(c -> c.getArgList().stream()).filter(i -> ZonedCasts.isZoned(fields.get(i).getType()))
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
        ImmutableBitSet groupSet = ImmutableBitSet.of(aggregate.getGroupSet().asList().stream()
                .map(i -> zonedKeys.contains(i) ? instantOf.get(i) : i).toList());
        List<AggregateCall> calls = new ArrayList<>();
        for (AggregateCall c : aggregate.getAggCallList()) {
            calls.add(countsValues(c) ? c.withArgList(c.getArgList().stream()
                    .map(i -> instantOf.getOrDefault(i, i)).toList()) : c);
        }
        for (int key : zonedKeys) {
            calls.add(AggregateCall.create(SqlStdOperatorTable.MIN, false, false, false, List.of(), List.of(key), -1,
                    null, RelCollations.EMPTY, groupSet.cardinality(), keyed, null, null));
        }
        Aggregate grouped = aggregate.copy(aggregate.getTraitSet(), keyed, groupSet, null, calls);
        List<Integer> newKeys = groupSet.asList();
        List<RexNode> outputs = new ArrayList<>();
        List<RelDataTypeField> groupedFields = grouped.getRowType().getFieldList();
        int callsAt = newKeys.size();
        for (int key : aggregate.getGroupSet().asList()) {
            int at = zonedKeys.contains(key)
                    ? callsAt + aggregate.getAggCallList().size() + zonedKeys.indexOf(key)
                    : newKeys.indexOf(key);
            outputs.add(rexBuilder.makeInputRef(groupedFields.get(at).getType(), at));
        }
        for (int j = 0; j < aggregate.getAggCallList().size(); j++) {
            outputs.add(rexBuilder.makeInputRef(groupedFields.get(callsAt + j).getType(), callsAt + j));
        }
        return LogicalProject.create(grouped, List.of(), outputs, aggregate.getRowType().getFieldNames(), Set.of());
    }

    /** The distinct rows of {@code rel}, its zoned values as instants. */
    private static RelNode distinctKeys(RelNode rel) {
        RexBuilder rexBuilder = rel.getCluster().getRexBuilder();
        List<RexNode> keys = new ArrayList<>();
        for (RelDataTypeField field : rel.getRowType().getFieldList()) {
            RexNode column = rexBuilder.makeInputRef(field.getType(), field.getIndex());
            keys.add(ZonedCasts.isZoned(field.getType()) ? ZonedCasts.instant(rexBuilder, column) : column);
        }
        RelNode projected = LogicalProject.create(rel, List.of(), keys, (List<String>) null, Set.of());
        return LogicalAggregate.create(projected, List.of(), ImmutableBitSet.range(keys.size()), null, List.of());
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
            if (ZonedCasts.isZoned(l.getType())) {
                l = ZonedCasts.instant(rexBuilder, l);
            }
            alike.add(rexBuilder.makeCall(SqlStdOperatorTable.IS_NOT_DISTINCT_FROM, l, r));
        }
        return RexUtil.composeConjunction(rexBuilder, alike);
    }

    private static boolean hasZoned(RelNode rel) {
        return rel.getRowType().getFieldList().stream().anyMatch(f -> ZonedCasts.isZoned(f.getType()));
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
