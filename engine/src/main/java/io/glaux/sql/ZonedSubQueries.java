package io.glaux.sql;

import com.google.common.collect.ImmutableList;
import io.glaux.sql.function.ZonedCasts;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlQuantifyOperator;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code x IN (SELECT z ...)} and {@code x = ANY (SELECT z ...)} (and {@code < ANY}, ..., {@code NOT IN}) with a
 * {@code timestamp with time zone} on either side compare instants, as Trino does: {@code TIMESTAMP '2020-01-01
 * 00:00:00 UTC' IN (SELECT TIMESTAMP '2020-01-01 01:00:00 +01:00')} is true. Calcite turns such a subquery into a join
 * or an aggregate on its values after {@link TrinoSemantics} has run, so the values it matches are made instants
 * here: the operand's and the subquery's column's.
 */
final class ZonedSubQueries {

    private ZonedSubQueries() {
    }

    /** {@code subQuery} matching instants where it compares zoned values; any other subquery as it is. */
    static RexNode matchInstants(RexBuilder rexBuilder, RexSubQuery subQuery) {
        if (!subQuery.isA(SqlKind.IN) && !subQuery.isA(SqlKind.SOME)) {
            return subQuery;
        }
        List<RelDataTypeField> fields = subQuery.rel.getRowType().getFieldList();
        List<RexNode> operands = new ArrayList<>();
        List<RexNode> columns = new ArrayList<>();
        boolean zoned = false;
        for (int i = 0; i < fields.size(); i++) {
            RexNode operand = subQuery.getOperands().get(i);
            RexNode column = rexBuilder.makeInputRef(fields.get(i).getType(), i);
            if (ZonedCasts.isZoned(operand.getType()) || ZonedCasts.isZoned(column.getType())) {
                RexNode operandInstant = ZonedCasts.asInstant(rexBuilder, operand);
                RexNode columnInstant = ZonedCasts.asInstant(rexBuilder, column);
                if (operandInstant == null || columnInstant == null) {
                    return subQuery;
                }
                operand = operandInstant;
                column = columnInstant;
                zoned = true;
            }
            operands.add(operand);
            columns.add(column);
        }
        if (!zoned) {
            return subQuery;
        }
        RelNode instants = LogicalProject.create(subQuery.rel, List.of(), columns, (List<String>) null, Set.of());
        return subQuery.isA(SqlKind.IN) ? RexSubQuery.in(instants, ImmutableList.copyOf(operands))
                : RexSubQuery.some(instants, ImmutableList.copyOf(operands),
                        (SqlQuantifyOperator) subQuery.getOperator());
    }
}
